package fr.egide.monitoring.internal;

import fr.egide.identity.CabinetAccess;
import fr.egide.monitoring.connectors.ConnectorException;
import fr.egide.monitoring.connectors.GoogleBusinessProfileConnector;
import fr.egide.monitoring.connectors.GoogleOAuth;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Google accounts cabinets connected: the consent (an unguessable state that serves once, for ten minutes, to
 * the user who asked), the code exchanged for tokens kept encrypted, and a valid access token for each call —
 * refreshed a minute before it expires, or at once when Google says it no longer holds. An authorisation Google
 * refuses to renew (withdrawn by the user, lapsed) is marked so, and the user is asked to reconnect.
 */
@Service
class GoogleConnections {

    static final Duration STATE_VALIDITY = Duration.ofMinutes(10);

    /** An access token this close to its end is renewed before use. */
    static final Duration EARLY_REFRESH = Duration.ofSeconds(60);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    private final GoogleConfiguration.GoogleClient client;

    private final GoogleOAuth oauth;

    private final fr.egide.system.Secrets cipher;

    private final GoogleBusinessProfileConnector listing;

    private final Clock clock = Clock.systemUTC();

    GoogleConnections(JdbcClient jdbc, CabinetAccess access, GoogleConfiguration.GoogleClient client, GoogleOAuth oauth,
            fr.egide.system.Secrets cipher, GoogleBusinessProfileConnector listing) {
        this.jdbc = jdbc;
        this.access = access;
        this.client = client;
        this.oauth = oauth;
        this.cipher = cipher;
        this.listing = listing;
    }

    /** A connected account, without its tokens. */
    record Connection(UUID id, UUID cabinetId, Instant createdAt, Instant revokedAt, String revokedReason) {

        public boolean active() {
            return revokedAt == null;
        }

    }

    /** What the user picks: one location of one account. */
    record Choice(String accountName, GoogleBusinessProfileConnector.Location location) {
    }

    boolean configured() {
        return client.configured();
    }

    /** Where to send the user to consent; the state that will come back is kept hashed. */
    @Transactional
    URI startConsent(UUID cabinetId) {
        access.require(cabinetId, fr.egide.identity.Permission.READ, fr.egide.identity.Permission.MANAGE_CABINET);
        if (!configured()) {
            throw new InvalidRequestException("La connexion à Google n'est pas configurée sur ce serveur : l'administrateur doit "
                    + "déclarer Égide dans la console Google Cloud (client OAuth « application Web », API Business Profile) puis "
                    + "renseigner EGIDE_GOOGLE_CLIENT_ID, EGIDE_GOOGLE_CLIENT_SECRET et EGIDE_GOOGLE_REDIRECT_URI.");
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("delete from monitoring_oauth_state where expires_at < now()").update();
        jdbc.sql("insert into monitoring_oauth_state (state_hash, cabinet_id, user_id, expires_at) values (?, ?, ?, ?)")
            .params(sha256(state), cabinetId, access.currentUser().id(), Timestamp.from(clock.instant().plus(STATE_VALIDITY)))
            .update();
        var consent = oauth.consentUri(state);
        if (client.authorizationEndpoint().equals(GoogleOAuth.AUTHORIZATION_ENDPOINT)) {
            return consent;
        }
        return URI.create(client.authorizationEndpoint() + "?" + consent.getRawQuery());
    }

    /**
     * Google's answer to the consent: the state checked (once, in time, same user), the code exchanged, the tokens
     * stored encrypted.
     *
     * @return the new connection
     * @throws InvalidRequestException in French when the user refused, the state is unknown or stale, or Google
     *         refuses the code
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    Connection complete(String state, String code, String error) throws InterruptedException {
        if (state == null || state.isBlank()) {
            throw new InvalidRequestException("Réponse de Google incomplète (paramètre state absent) : recommencez la connexion du compte.");
        }
        var pending = jdbc.sql("delete from monitoring_oauth_state where state_hash = ? returning cabinet_id, user_id, expires_at")
            .param(sha256(state))
            .query((rs, row) -> new Object[] { rs.getObject("cabinet_id", UUID.class), rs.getObject("user_id", UUID.class),
                    rs.getTimestamp("expires_at").toInstant() })
            .optional()
            .orElseThrow(() -> new InvalidRequestException(
                    "Cette réponse de Google ne correspond à aucune connexion en cours (déjà utilisée ou inconnue) : recommencez."));
        var cabinetId = (UUID) pending[0];
        if (!access.currentUser().id().equals(pending[1])) {
            throw new InvalidRequestException("Cette connexion Google a été commencée par une autre personne : recommencez-la vous-même.");
        }
        access.require(cabinetId, fr.egide.identity.Permission.READ, fr.egide.identity.Permission.MANAGE_CABINET);
        if (((Instant) pending[2]).isBefore(clock.instant())) {
            throw new InvalidRequestException("La connexion Google a pris plus de 10 minutes : recommencez-la.");
        }
        if (error != null && !error.isBlank()) {
            throw new InvalidRequestException("access_denied".equals(error)
                    ? "Vous n'avez pas autorisé Égide à lire la fiche Google : rien n'a été connecté."
                    : "Google a refusé la connexion (" + error + ") : rien n'a été connecté.");
        }
        GoogleOAuth.Tokens tokens;
        try {
            tokens = oauth.exchange(code);
        }
        catch (ConnectorException ex) {
            throw new InvalidRequestException(ex.getMessage());
        }
        if (tokens.refreshToken() == null) {
            throw new InvalidRequestException("Google n'a pas donné de jeton de renouvellement : retirez l'accès d'Égide dans votre "
                    + "compte Google (Sécurité > Applications tierces) puis recommencez la connexion.");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into monitoring_google_connection (id, cabinet_id, created_by, scope, refresh_token, access_token,
                    access_expires_at, refreshed_at)
                values (?, ?, ?, ?, ?, ?, ?, now())
                """)
            .params(id, cabinetId, access.currentUser().id(), tokens.scope(), cipher.encrypt(tokens.refreshToken()),
                    cipher.encrypt(tokens.accessToken()), tokens.expiresAt() == null ? null : Timestamp.from(tokens.expiresAt()))
            .update();
        return get(id);
    }

    Connection get(UUID id) {
        // Choosing the listing to follow is the cabinet's settings: the titulaire's.
        var connection = find(id).orElseThrow(() -> new NotFoundException("Compte Google introuvable."));
        access.requireOn(connection.cabinetId(), "Compte Google introuvable.", fr.egide.identity.Permission.READ,
                fr.egide.identity.Permission.MANAGE_CABINET);
        return connection;
    }

    Optional<Connection> find(UUID id) {
        return jdbc.sql("select * from monitoring_google_connection where id = ?").param(id).query(GoogleConnections::connection).optional();
    }

    List<Connection> ofCabinet(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return jdbc.sql("select * from monitoring_google_connection where cabinet_id = ? order by created_at desc").param(cabinetId)
            .query(GoogleConnections::connection).list();
    }

    /** The locations every account of the connection manages, for the user to pick the listing to watch. */
    List<Choice> locations(UUID connectionId) throws ConnectorException, InterruptedException {
        get(connectionId);
        var choices = new ArrayList<Choice>();
        var token = accessToken(connectionId, false);
        List<GoogleBusinessProfileConnector.Account> accounts;
        try {
            accounts = listing.accounts(token);
        }
        catch (ConnectorException ex) {
            if (ex.kind() != ConnectorException.Kind.AUTH_EXPIRED) {
                throw ex;
            }
            token = accessToken(connectionId, true);
            accounts = listing.accounts(token);
        }
        for (var account : accounts) {
            for (var location : listing.locations(token, account.name())) {
                choices.add(new Choice(account.accountName(), location));
            }
        }
        return choices;
    }

    /**
     * A valid access token for the connection, refreshed when it ends within a minute or when {@code force} (Google
     * answered 401 to the one we had). Runs outside the caller's transaction on purpose: a refreshed token is kept
     * even if what follows fails.
     *
     * @throws ConnectorException FORBIDDEN when Google refuses to renew (the connection is then marked withdrawn)
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public String accessToken(UUID connectionId, boolean force) throws ConnectorException, InterruptedException {
        var row = jdbc.sql("select cabinet_id, refresh_token, access_token, access_expires_at, revoked_at, revoked_reason "
                + "from monitoring_google_connection where id = ?")
            .param(connectionId)
            .query((rs, n) -> new String[] { rs.getString("refresh_token"), rs.getString("access_token"),
                    rs.getTimestamp("access_expires_at") == null ? null : rs.getTimestamp("access_expires_at").toInstant().toString(),
                    rs.getTimestamp("revoked_at") == null ? null : rs.getString("revoked_reason") == null ? "" : rs.getString("revoked_reason") })
            .optional()
            .orElseThrow(() -> new ConnectorException(ConnectorException.Kind.SETTINGS,
                    "Google Business Profile : le compte Google de cette source n'existe plus ; reconnectez-le depuis la page Veille."));
        if (row[3] != null) {
            throw new ConnectorException(ConnectorException.Kind.FORBIDDEN, "Google Business Profile : l'autorisation a été retirée"
                    + (row[3].isEmpty() ? "" : " (" + row[3] + ")") + " ; reconnectez le compte Google depuis la page Veille.");
        }
        var expires = row[2] == null ? null : Instant.parse(row[2]);
        if (!force && row[1] != null && (expires == null || expires.isAfter(clock.instant().plus(EARLY_REFRESH)))) {
            return cipher.decrypt(row[1]);
        }
        GoogleOAuth.Tokens tokens;
        try {
            tokens = oauth.refresh(cipher.decrypt(row[0]));
        }
        catch (ConnectorException ex) {
            if (ex.kind() == ConnectorException.Kind.FORBIDDEN) {
                jdbc.sql("update monitoring_google_connection set revoked_at = now(), revoked_reason = ? where id = ? and revoked_at is null")
                    .params(ex.getMessage(), connectionId).update();
                throw new ConnectorException(ConnectorException.Kind.FORBIDDEN, "Google Business Profile : " + ex.getMessage()
                        + " Reconnectez le compte Google depuis la page Veille.");
            }
            throw ex;
        }
        jdbc.sql("""
                update monitoring_google_connection set access_token = ?, access_expires_at = ?, refreshed_at = now(),
                    refresh_token = coalesce(?, refresh_token)
                where id = ?
                """)
            .params(cipher.encrypt(tokens.accessToken()), tokens.expiresAt() == null ? null : Timestamp.from(tokens.expiresAt()),
                    tokens.refreshToken() == null ? null : cipher.encrypt(tokens.refreshToken()), connectionId)
            .update();
        return tokens.accessToken();
    }

    private static Connection connection(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Connection(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(), rs.getString("revoked_reason"));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
