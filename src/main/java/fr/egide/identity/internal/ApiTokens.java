package fr.egide.identity.internal;

import fr.egide.system.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal bearer tokens for the REST API: each belongs to one user, carries a scope (READ: GET only; WRITE:
 * everything the user may do), expires and can be revoked. Only a SHA-256 of each token is stored: a stolen
 * database does not give access to the API. A token is long and random, so a fast hash is enough.
 */
@Service
class ApiTokens {

    /** What a token lets its holder do. */
    enum Scope {
        READ, WRITE;

        static Scope parse(String text) {
            if (text == null || text.isBlank()) {
                return WRITE;
            }
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "read", "lecture" -> READ;
                case "write", "ecriture", "écriture" -> WRITE;
                default -> throw new InvalidRequestException("Portée inconnue « " + text + " » : read ou write.");
            };
        }
    }

    static final Duration MAX_VALIDITY = Duration.ofDays(365);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final Users users;

    private final IdentitySettings settings;

    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Users users, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.users = users;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    record Issued(UUID id, String token, Scope scope, Instant expiresAt) {
    }

    /** A token as its owner sees it in the list (never the token itself). */
    record Listed(UUID id, String name, Scope scope, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt, boolean active) {

        Listed(UUID id, String name, Scope scope, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
            this(id, name, scope, createdAt, expiresAt, lastUsedAt, revokedAt, revokedAt == null && expiresAt.isAfter(Instant.now()));
        }

    }

    /** The token the API answers with to a bearer: whose, and what it may do. */
    record Authenticated(UUID tokenId, SignedInUser user, Scope scope) {
    }

    Duration defaultValidity() {
        return settings.apiTokenValidity();
    }

    Issued issue(UUID userId) {
        return issue(userId, "Jeton de session API", Scope.WRITE, settings.apiTokenValidity());
    }

    Issued issue(UUID userId, String name, Scope scope, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new InvalidRequestException("La durée de validité d'un jeton est d'un an au plus.");
        }
        var cleanName = name == null || name.isBlank() ? "Jeton" : name.strip();
        if (cleanName.length() > 100) {
            throw new InvalidRequestException("Le nom du jeton est trop long : 100 caractères au plus.");
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = "egd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = clock.instant().plus(validity);
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into identity_api_token (id, user_id, token_hash, expires_at, name, scope) values (?, ?, ?, ?, ?, ?)
                """)
            .params(id, userId, hash(token), java.sql.Timestamp.from(expiresAt), cleanName, scope.name())
            .update();
        return new Issued(id, token, scope, expiresAt);
    }

    Optional<Authenticated> authenticate(String token) {
        var found = jdbc.sql("""
                update identity_api_token set last_used_at = now()
                where token_hash = ? and revoked_at is null and expires_at > now()
                returning id, user_id, scope
                """)
            .param(hash(token))
            .query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                    Scope.valueOf(rs.getString("scope")) })
            .optional();
        return found.flatMap(row -> users.findById((UUID) row[1])
            .filter(SignedInUser::isEnabled)
            .map(user -> new Authenticated((UUID) row[0], user, (Scope) row[2])));
    }

    List<Listed> of(UUID userId) {
        return jdbc.sql("""
                select id, name, scope, created_at, expires_at, last_used_at, revoked_at from identity_api_token
                where user_id = ? order by created_at desc
                """)
            .param(userId)
            .query((rs, n) -> new Listed(rs.getObject("id", UUID.class), rs.getString("name"), Scope.valueOf(rs.getString("scope")),
                    rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                    instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at"))))
            .list();
    }

    /** Revokes one of this user's tokens; false when the user has no such token (someone else's counts as none). */
    boolean revoke(UUID userId, UUID tokenId) {
        return jdbc.sql("update identity_api_token set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
            .params(tokenId, userId)
            .update() == 1;
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
