package fr.egide.monitoring.connectors;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches what the Brave Search API finds on the practitioner's name: the same queries as {@link SearxngConnector}
 * (each name variant quoted, plus {@code extra}), in France and in French, over the top results (offsets 0 and 1 of
 * 20 results). The cursor is "variant:offset:ranked".
 *
 * <p>Brave bills each successful call against a monthly quota and tells what is left in its rate headers, as
 * (per-second, per-month) pairs: the connector reads them itself, which {@link ConnectorHttp} cannot do since it
 * returns only the body. A month's quota used up becomes a warning on the last page it served; a 429 waits for
 * Retry-After or, without it, for the window's X-RateLimit-Reset.
 *
 * <p>Settings: {@code apiKey} (required), {@code extra}, {@code timeRange} (day, week, month or year),
 * {@code sitesCabinet}.
 */
public final class BraveSearchConnector implements Connector {

    public static final String KIND = "RECHERCHE_BRAVE";

    static final String SERVICE = "Brave Search";

    static final int COUNT = 20;

    /** The top results: offsets 0 and 1 (Brave allows up to 9). */
    static final int LAST_OFFSET = 1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, String> FRESHNESS = Map.of("day", "pd", "week", "pw", "month", "pm", "year", "py");

    private final URI baseUrl;

    private final HttpClient client;

    private final Clock clock;

    private final Duration timeout;

    private final ResultClassifier classifier;

    private final HostGate gate;

    public BraveSearchConnector(URI baseUrl, HttpClient client, Clock clock, Duration timeout) {
        this(baseUrl, client, clock, timeout, ResultClassifier.standard(), HostGate.none());
    }

    public BraveSearchConnector(URI baseUrl, HttpClient client, Clock clock, Duration timeout, HostGate gate) {
        this(baseUrl, client, clock, timeout, ResultClassifier.standard(), gate);
    }

    public BraveSearchConnector(URI baseUrl, HttpClient client, Clock clock, Duration timeout, ResultClassifier classifier,
            HostGate gate) {
        this.baseUrl = baseUrl;
        this.client = client;
        this.clock = clock;
        this.timeout = timeout;
        this.classifier = classifier;
        this.gate = gate;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws ConnectorException, InterruptedException {
        var apiKey = request.setting("apiKey");
        if (apiKey == null || apiKey.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS,
                    SERVICE + " : clé d'API manquante ; renseignez la clé (X-Subscription-Token) de votre abonnement.");
        }
        var variants = WebSearch.variants(request, SERVICE);
        var timeRange = WebSearch.timeRange(request, SERVICE);
        var cursor = WebSearch.Cursor.parse(request.cursor(), 0, variants.size());
        var offset = Math.min(cursor.page(), 9);
        var query = WebSearch.query(variants.get(cursor.variant()), request.setting("extra"));
        var uri = URI.create(WebSearch.endpoint(baseUrl, "/res/v1/web/search") + "?q=" + WebSearch.encode(query)
                + "&country=FR&search_lang=fr&count=" + COUNT + "&offset=" + offset
                + (timeRange == null ? "" : "&freshness=" + FRESHNESS.get(timeRange)));
        var response = send(HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("X-Subscription-Token", apiKey.strip())
            .header("Accept", "application/json")
            .header("Accept-Language", "fr-FR")
            .GET()
            .build());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        }
        catch (JacksonException ex) {
            throw new ConnectorException(ConnectorException.Kind.MALFORMED,
                    SERVICE + " a renvoyé une réponse illisible (JSON invalide) : nouvel essai plus tard.", null, ex);
        }
        if (!json.isObject()) {
            throw new ConnectorException(ConnectorException.Kind.MALFORMED,
                    SERVICE + " a renvoyé une réponse inattendue (pas un objet JSON) : nouvel essai plus tard.");
        }
        var practiceSites = WebSearch.practiceSites(request);
        var items = new ArrayList<FetchedItem>();
        var seen = new HashSet<String>();
        // Brave leaves "web" out when it found nothing.
        for (var result : json.path("web").path("results")) {
            var url = WebSearch.text(result, "url");
            if (url == null || url.isBlank() || !seen.add(WebSearch.normaliseUrl(url))) {
                continue;
            }
            items.add(WebSearch.item(url, WebSearch.text(result, "title"), WebSearch.text(result, "description"),
                    WebSearch.text(result, "language"), WebSearch.text(result, "age"),
                    WebSearch.instant(WebSearch.text(result, "page_age")), cursor.ranked() + items.size() + 1, "brave", query,
                    practiceSites, classifier, result));
        }
        var warnings = new ArrayList<String>();
        var monthly = monthlyWindow(response.headers());
        if (monthly != null && monthly.remaining() == 0) {
            warnings.add("quota mensuel de " + SERVICE + " épuisé : les prochaines recherches seront refusées"
                    + (monthly.reset() == null ? "" : " pendant encore " + days(monthly.reset())) + ".");
        }
        var more = json.path("query").path("more_results_available").asBoolean(false);
        return new FetchResult(items, next(cursor, offset, more, items.size(), variants.size()), false, warnings);
    }

    /** The next offset while Brave has more and the top results are not all seen, then the next variant. */
    private static String next(WebSearch.Cursor cursor, int offset, boolean more, int found, int variants) {
        if (more && found > 0 && offset < LAST_OFFSET) {
            return new WebSearch.Cursor(cursor.variant(), offset + 1, cursor.ranked() + found).toString();
        }
        if (cursor.variant() + 1 < variants) {
            return new WebSearch.Cursor(cursor.variant() + 1, 0, 0).toString();
        }
        return null;
    }

    private HttpResponse<String> send(HttpRequest request) throws ConnectorException, InterruptedException {
        HttpResponse<String> response;
        try (var pass = gate.enter(request.uri())) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (HttpTimeoutException ex) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    SERVICE + " n'a pas répondu en " + WebSearch.duration(timeout) + " : nouvel essai plus tard.", null, ex);
        }
        catch (IOException ex) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    SERVICE + " est injoignable (" + ex.getClass().getSimpleName() + ") : nouvel essai plus tard.", null, ex);
        }
        var status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        var detail = error(response.body());
        var suffix = detail.isEmpty() ? "" : " (" + detail + ")";
        throw switch (status) {
            case 429 -> rateLimited(response.headers());
            // An API key is not refreshed like a token: a refused key is a setting to fix, not AUTH_EXPIRED.
            case 401, 422 -> new ConnectorException(ConnectorException.Kind.SETTINGS,
                    SERVICE + " refuse la clé d'API" + suffix + " : vérifiez la clé et l'abonnement.");
            case 403 -> new ConnectorException(ConnectorException.Kind.FORBIDDEN,
                    SERVICE + " refuse l'accès" + suffix + " : l'abonnement ne permet peut-être pas la recherche web.");
            default -> status >= 500
                    ? new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                            SERVICE + " est en panne (HTTP " + status + ")" + suffix + " : nouvel essai plus tard.")
                    : new ConnectorException(ConnectorException.Kind.SETTINGS,
                            SERVICE + " refuse la demande (HTTP " + status + ")" + suffix + " ; vérifiez les réglages de la source.");
        };
    }

    /** Retry-After when given; otherwise the reset of the exhausted window (the month's when it is used up). */
    private ConnectorException rateLimited(HttpHeaders headers) {
        var wait = retryAfter(headers.firstValue("Retry-After").orElse(null));
        var windows = windows(headers);
        var monthly = windows.size() > 1 ? windows.get(windows.size() - 1) : null;
        var monthUsedUp = monthly != null && monthly.remaining() == 0;
        if (wait == null) {
            for (var window : windows) {
                if (window.reset() != null && window.remaining() == 0 && (wait == null || window.reset().compareTo(wait) > 0)) {
                    wait = window.reset();
                }
            }
        }
        if (wait == null && !windows.isEmpty()) {
            wait = windows.get(0).reset();
        }
        var when = wait == null ? "" : ", nouvel essai dans " + (monthUsedUp ? days(wait) : WebSearch.duration(wait));
        return new ConnectorException(ConnectorException.Kind.RATE_LIMITED,
                monthUsedUp ? "quota mensuel de " + SERVICE + " épuisé (429)" + when + "."
                        : SERVICE + " demande de ralentir (429)" + when + ".",
                wait, null);
    }

    private Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        }
        catch (NumberFormatException notSeconds) {
            try {
                var wait = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            }
            catch (DateTimeParseException ex) {
                return null;
            }
        }
    }

    /** A rate window: calls left and seconds until it resets (null when not said). */
    record Window(long remaining, Duration reset) {
    }

    /** The windows in header order: per second, then per month. */
    static List<Window> windows(HttpHeaders headers) {
        var remaining = numbers(headers.firstValue("X-RateLimit-Remaining").orElse(""));
        var reset = numbers(headers.firstValue("X-RateLimit-Reset").orElse(""));
        var windows = new ArrayList<Window>();
        for (var i = 0; i < Math.max(remaining.size(), reset.size()); i++) {
            windows.add(new Window(i < remaining.size() ? remaining.get(i) : -1,
                    i < reset.size() ? Duration.ofSeconds(reset.get(i)) : null));
        }
        return windows;
    }

    private static Window monthlyWindow(HttpHeaders headers) {
        var windows = windows(headers);
        return windows.size() > 1 ? windows.get(windows.size() - 1) : null;
    }

    private static List<Long> numbers(String pair) {
        var numbers = new ArrayList<Long>();
        for (var part : pair.split(",")) {
            try {
                numbers.add(Long.parseLong(part.strip()));
            }
            catch (NumberFormatException ex) {
                if (!part.isBlank()) {
                    numbers.add(-1L);
                }
            }
        }
        return numbers;
    }

    private static String days(Duration wait) {
        var days = wait.toDays();
        return days >= 1 ? days + " j" : wait.toHours() >= 1 ? wait.toHours() + " h" : WebSearch.duration(wait);
    }

    /** "SUBSCRIPTION_TOKEN_INVALID : …" from Brave's error envelope, or "". */
    private static String error(String body) {
        if (body == null || !body.strip().startsWith("{")) {
            return "";
        }
        try {
            var error = JSON.readTree(body).path("error");
            var code = WebSearch.text(error, "code");
            var detail = WebSearch.text(error, "detail");
            return ((code == null ? "" : code) + (code != null && detail != null ? " : " : "") + (detail == null ? "" : detail))
                .strip();
        }
        catch (JacksonException ex) {
            return "";
        }
    }

}
