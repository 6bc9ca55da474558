package fr.egide.monitoring.connectors;

import static fr.egide.monitoring.connectors.GoogleApi.text;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Google's OAuth 2.0 for a web server application, for the {@code business.manage} scope: the consent address,
 * then the authorisation code exchanged for tokens, then the access token refreshed from the refresh token.
 *
 * <p>It reads the token endpoint's error body ({@code {"error": "invalid_grant", …}}), which
 * {@link ConnectorHttp#send} does not give back, so it takes the HTTP client, clock and time-out themselves and
 * maps transport failures, 429 and 5xx the same way. {@code invalid_grant} on a refresh means the user withdrew
 * the authorisation (or it lapsed): FORBIDDEN, the user must reconnect; on an exchange, the code expired or was
 * used twice. A grant without {@code business.manage} (Google lets the user untick it) is refused as FORBIDDEN.
 */
public final class GoogleOAuth {

    public static final URI AUTHORIZATION_ENDPOINT = URI.create("https://accounts.google.com/o/oauth2/v2/auth");

    public static final URI TOKEN_ENDPOINT = URI.create("https://oauth2.googleapis.com/token");

    public static final String SCOPE = "https://www.googleapis.com/auth/business.manage";

    /** Tokens granted before the scope was renamed still carry this one. */
    private static final String LEGACY_SCOPE = "https://www.googleapis.com/auth/plus.business.manage";

    private static final String SERVICE = "Google (autorisation)";

    private final URI tokenEndpoint;

    private final Client client;

    private final HttpClient httpClient;

    private final Clock clock;

    private final Duration timeout;

    public GoogleOAuth(URI tokenEndpoint, Client client, HttpClient httpClient, Clock clock, Duration timeout) {
        this.tokenEndpoint = tokenEndpoint;
        this.client = client;
        this.httpClient = httpClient;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Égide's registration in the Google Cloud console. */
    public record Client(String id, String secret, String redirectUri) {

        @Override
        public String toString() {
            return "Client[id=" + id + ", secret=***, redirectUri=" + redirectUri + "]";
        }

    }

    /**
     * What the token endpoint granted.
     *
     * @param refreshToken only on the first exchange (and with {@code prompt=consent}); null on a refresh
     * @param expiresAt when the access token expires, from {@code expires_in} and the clock; null when not said
     * @param scope the scopes granted, space-separated
     */
    public record Tokens(String accessToken, String refreshToken, Instant expiresAt, String scope) {

        @Override
        public String toString() {
            return "Tokens[accessToken=***, refreshToken=" + (refreshToken == null ? "null" : "***") + ", expiresAt="
                    + expiresAt + ", scope=" + scope + "]";
        }

    }

    /**
     * The consent page the user is sent to; {@code access_type=offline} and {@code prompt=consent} so that Google
     * gives a refresh token every time, even to a user who consented before.
     *
     * @param state an unguessable value the callback checks, against cross-site request forgery
     */
    public URI consentUri(String state) {
        if (state == null || state.isBlank()) {
            throw new IllegalArgumentException("le paramètre state est obligatoire (protection contre la falsification de requête)");
        }
        var query = new LinkedHashMap<String, String>();
        query.put("client_id", client.id());
        query.put("redirect_uri", client.redirectUri());
        query.put("response_type", "code");
        query.put("scope", SCOPE);
        query.put("access_type", "offline");
        query.put("prompt", "consent");
        query.put("state", state);
        return GoogleApi.uri(AUTHORIZATION_ENDPOINT, "", query);
    }

    /** The authorisation code from the callback, exchanged for an access token and a refresh token. */
    public Tokens exchange(String code) throws ConnectorException, InterruptedException {
        if (code == null || code.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS,
                    SERVICE + " : Google n'a pas renvoyé de code d'autorisation ; recommencez la connexion du compte.");
        }
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", client.id());
        form.put("client_secret", client.secret());
        form.put("redirect_uri", client.redirectUri());
        return tokens(form, false);
    }

    /** A new access token from the refresh token kept (encrypted) with the source. */
    public Tokens refresh(String refreshToken) throws ConnectorException, InterruptedException {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.FORBIDDEN,
                    SERVICE + " : aucun jeton de renouvellement ; reconnectez le compte Google.");
        }
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", client.id());
        form.put("client_secret", client.secret());
        return tokens(form, true);
    }

    private Tokens tokens(Map<String, String> form, boolean refresh) throws ConnectorException, InterruptedException {
        var body = form.entrySet()
            .stream()
            .map(field -> GoogleApi.encode(field.getKey()) + "=" + GoogleApi.encode(field.getValue()))
            .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(tokenEndpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
        HttpResponse<String> response;
        try {
            response = httpClient.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (HttpTimeoutException ex) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    SERVICE + " n'a pas répondu en " + (timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s")
                            + " : nouvel essai plus tard.", null, ex);
        }
        catch (IOException ex) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    SERVICE + " est injoignable (" + ex.getClass().getSimpleName() + ") : nouvel essai plus tard.", null, ex);
        }
        var status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw failure(response, refresh);
        }
        var json = read(response.body());
        var accessToken = json == null ? null : text(json, "access_token");
        if (accessToken == null || accessToken.isBlank()) {
            throw GoogleApi.malformed(SERVICE, "pas de jeton d'accès");
        }
        var scope = text(json, "scope");
        if (scope != null && !List.of(scope.split(" ")).contains(SCOPE) && !List.of(scope.split(" ")).contains(LEGACY_SCOPE)) {
            throw new ConnectorException(ConnectorException.Kind.FORBIDDEN, SERVICE
                    + " : la gestion de la fiche d'établissement n'a pas été autorisée ; reconnectez le compte en cochant cette autorisation.");
        }
        var expiresIn = json.path("expires_in");
        var expiresAt = expiresIn.isNumber() || expiresIn.isString() && expiresIn.stringValue().matches("\\d+")
                ? clock.instant().plusSeconds(expiresIn.asLong()) : null;
        var refreshToken = text(json, "refresh_token");
        return new Tokens(accessToken, refreshToken == null || refreshToken.isBlank() ? null : refreshToken, expiresAt, scope);
    }

    private ConnectorException failure(HttpResponse<String> response, boolean refresh) {
        var status = response.statusCode();
        var json = read(response.body());
        var error = json == null ? null : text(json, "error");
        var description = json == null ? null : text(json, "error_description");
        var detail = error == null ? "" : " (" + error + (description == null ? "" : " : " + description) + ")";
        if (error != null) {
            switch (error) {
                case "invalid_grant":
                    return new ConnectorException(ConnectorException.Kind.FORBIDDEN, refresh
                            ? "l'autorisation Google a été retirée : reconnectez le compte" + detail + "."
                            : "le code d'autorisation Google a expiré ou a déjà servi : reconnectez le compte" + detail + ".");
                case "invalid_client", "unauthorized_client":
                    return new ConnectorException(ConnectorException.Kind.SETTINGS, SERVICE
                            + " refuse l'application" + detail + " : vérifiez l'identifiant et le secret du client OAuth d'Égide.");
                case "redirect_uri_mismatch":
                    return new ConnectorException(ConnectorException.Kind.SETTINGS, SERVICE
                            + " refuse l'adresse de retour" + detail + " : déclarez-la dans la console Google Cloud.");
                case "access_denied", "invalid_scope":
                    return new ConnectorException(ConnectorException.Kind.FORBIDDEN,
                            SERVICE + " refuse l'accès" + detail + " : reconnectez le compte Google.");
                default:
                    break;
            }
        }
        if (status == 429) {
            var wait = retryAfter(response);
            return new ConnectorException(ConnectorException.Kind.RATE_LIMITED, SERVICE + " demande de ralentir (429)"
                    + (wait == null ? "" : ", nouvel essai dans " + wait.toSeconds() + " s") + ".", wait, null);
        }
        if (status >= 500) {
            return new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    SERVICE + " est en panne (HTTP " + status + ")" + detail + " : nouvel essai plus tard.");
        }
        return new ConnectorException(ConnectorException.Kind.SETTINGS,
                SERVICE + " refuse la demande (HTTP " + status + ")" + detail + " ; vérifiez la configuration OAuth d'Égide.");
    }

    private static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            var json = GoogleApi.JSON.readTree(body);
            return json.isObject() ? json : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    /** As {@link ConnectorHttp}: seconds or an HTTP date. */
    private Duration retryAfter(HttpResponse<?> response) {
        var value = response.headers().firstValue("Retry-After").orElse("").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        catch (NumberFormatException notSeconds) {
            try {
                var wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            }
            catch (DateTimeParseException ex) {
                return null;
            }
        }
    }

}
