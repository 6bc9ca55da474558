package fr.egide.monitoring.connectors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls every connector makes, with the failures mapped once: 401 → AUTH_EXPIRED, 403 → FORBIDDEN,
 * 404 → NOT_FOUND, 429 → RATE_LIMITED with the Retry-After asked (seconds or an HTTP date), 5xx, time-outs and
 * refused connections → UNAVAILABLE, an unreadable body → MALFORMED; each with a French message naming the
 * service and, for Google's error envelope, its status and message. Every request passes the {@link HostGate}
 * first: a least interval between two requests to one host, and a few at once at most.
 */
public final class ConnectorHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;

    private final Clock clock;

    private final Duration timeout;

    private final HostGate gate;

    /** Without politeness (tests of one connector). */
    public ConnectorHttp(HttpClient client, Clock clock, Duration timeout) {
        this(client, clock, timeout, HostGate.none());
    }

    public ConnectorHttp(HttpClient client, Clock clock, Duration timeout, HostGate gate) {
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
        this.gate = gate;
    }

    /** The politeness gate, for a connector that reaches a host by other means (the browser rendering a page). */
    public HostGate gate() {
        return gate;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The http(s) address of a setting, or SETTINGS with a French message ({@code missing} when there is none,
     * "{@code what} « … » n'est pas une adresse web (http ou https) valide." otherwise).
     */
    public static URI webAddress(String url, String missing, String what) throws ConnectorException {
        if (url == null || url.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, missing);
        }
        try {
            var uri = new URI(url.strip());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new java.net.URISyntaxException(url, "not an http address");
            }
            return uri;
        }
        catch (java.net.URISyntaxException ex) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS,
                    what + " « " + url.strip() + " » n'est pas une adresse web (http ou https) valide.", null, ex);
        }
    }

    /** "20 s", or "500 ms" under a second. */
    public static String duration(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    /** A request builder with the time-out and {@code Accept-Language: fr-FR} set. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept-Language", "fr-FR");
    }

    /** Sends the request; the body as text on 2xx, otherwise the mapped ConnectorException. */
    public String send(String service, HttpRequest request) throws ConnectorException, InterruptedException {
        HttpResponse<String> response;
        try (var pass = gate.enter(request.uri())) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (HttpTimeoutException ex) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    service + " n'a pas répondu en " + duration(timeout) + " : nouvel essai plus tard.", null, ex);
        }
        catch (IOException ex) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    service + " est injoignable (" + ex.getClass().getSimpleName() + ") : nouvel essai plus tard.", null, ex);
        }
        var status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        var detail = googleError(response.body());
        var suffix = detail.isEmpty() ? "" : " (" + detail + ")";
        throw switch (status) {
            case 401 -> new ConnectorException(ConnectorException.Kind.AUTH_EXPIRED,
                    service + " : autorisation expirée ou révoquée" + suffix + ".");
            case 403 -> new ConnectorException(ConnectorException.Kind.FORBIDDEN,
                    service + " refuse l'accès" + suffix + " : vérifiez les autorisations accordées à Égide.");
            case 404 -> new ConnectorException(ConnectorException.Kind.NOT_FOUND,
                    service + " : ressource introuvable" + suffix + " ; vérifiez les réglages de la source.");
            case 429 -> {
                var wait = retryAfter(response);
                yield new ConnectorException(ConnectorException.Kind.RATE_LIMITED, service + " demande de ralentir (429)"
                        + (wait == null ? "" : ", nouvel essai dans " + wait.toSeconds() + " s") + ".", wait, null);
            }
            default -> status >= 500
                    ? new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                            service + " est en panne (HTTP " + status + ")" + suffix + " : nouvel essai plus tard.")
                    : new ConnectorException(ConnectorException.Kind.SETTINGS,
                            service + " refuse la demande (HTTP " + status + ")" + suffix + " ; vérifiez les réglages de la source.");
        };
    }

    /** Sends the request and reads the JSON answer. */
    public JsonNode json(String service, HttpRequest request) throws ConnectorException, InterruptedException {
        var body = send(service, request);
        try {
            return JSON.readTree(body);
        }
        catch (JacksonException ex) {
            throw new ConnectorException(ConnectorException.Kind.MALFORMED,
                    service + " a renvoyé une réponse illisible (JSON invalide) : nouvel essai plus tard.", null, ex);
        }
    }

    /** "PERMISSION_DENIED: Request had insufficient authentication scopes." from Google's envelope, or "". */
    static String googleError(String body) {
        if (body == null || body.isBlank() || !body.strip().startsWith("{")) {
            return "";
        }
        try {
            var error = JSON.readTree(body).path("error");
            var status = error.path("status").asString("");
            var message = error.path("message").asString("");
            return (status + (status.isEmpty() || message.isEmpty() ? "" : " : ") + message).strip();
        }
        catch (JacksonException ex) {
            return "";
        }
    }

    private Duration retryAfter(HttpResponse<?> response) {
        var value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        }
        catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                var wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            }
            catch (DateTimeParseException ex) {
                return null;
            }
        }
    }

}
