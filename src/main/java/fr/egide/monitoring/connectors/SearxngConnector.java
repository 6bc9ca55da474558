package fr.egide.monitoring.connectors;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Watches what a SearXNG instance (self-hosted: public instances disable JSON and rate-limit) finds on the
 * practitioner's name: each name variant quoted, plus the optional {@code extra} words ("médecin Lyon"), over the
 * top results (the first two pages, about 20 results each). The cursor walks variant by variant ("0:2:18": variant 0,
 * page 2, 18 results ranked before), so that a result's position runs on across pages.
 *
 * <p>Settings: {@code extra} (words added to each query), {@code timeRange} (day, week, month or year),
 * {@code sitesCabinet} (the practice's own domains, classified PRO). Engines that did not answer become warnings:
 * an empty page with engines down is an outage, never "nothing found". A search never lists a complete history.
 */
public final class SearxngConnector implements Connector {

    public static final String KIND = "RECHERCHE";

    static final String SERVICE = "SearXNG";

    static final int FIRST_PAGE = 1;

    /** The top results: the first two pages. */
    static final int LAST_PAGE = 2;

    private final URI baseUrl;

    private final ConnectorHttp http;

    private final ResultClassifier classifier;

    public SearxngConnector(URI baseUrl, ConnectorHttp http) {
        this(baseUrl, http, ResultClassifier.standard());
    }

    public SearxngConnector(URI baseUrl, ConnectorHttp http, ResultClassifier classifier) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.classifier = classifier;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws ConnectorException, InterruptedException {
        var variants = WebSearch.variants(request, SERVICE);
        var timeRange = WebSearch.timeRange(request, SERVICE);
        var cursor = WebSearch.Cursor.parse(request.cursor(), FIRST_PAGE, variants.size());
        var query = WebSearch.query(variants.get(cursor.variant()), request.setting("extra"));
        var uri = URI.create(WebSearch.endpoint(baseUrl, "/search") + "?q=" + WebSearch.encode(query)
                + "&format=json&language=fr&pageno=" + cursor.page() + "&categories=general"
                + (timeRange == null ? "" : "&time_range=" + timeRange));
        JsonNode json;
        try {
            json = http.json(SERVICE, http.request(uri).header("Accept", "application/json").GET().build());
        }
        catch (ConnectorException ex) {
            if (ex.kind() == ConnectorException.Kind.FORBIDDEN) {
                // SearXNG answers 403 to format=json when the instance only serves HTML: the fix is in its settings.
                throw new ConnectorException(ConnectorException.Kind.FORBIDDEN,
                        SERVICE + " refuse le format JSON (403) : activez le format json dans settings.yml"
                                + " (search.formats: [html, json]).", null, ex);
            }
            throw ex;
        }
        if (!json.isObject() || !json.path("results").isArray()) {
            throw new ConnectorException(ConnectorException.Kind.MALFORMED,
                    SERVICE + " a renvoyé une réponse inattendue (pas de liste « results ») : nouvel essai plus tard.");
        }
        var practiceSites = WebSearch.practiceSites(request);
        var items = new ArrayList<FetchedItem>();
        var seen = new HashSet<String>();
        for (var result : json.path("results")) {
            var url = WebSearch.text(result, "url");
            if (url == null || url.isBlank() || !seen.add(WebSearch.normaliseUrl(url))) {
                // The same page reached twice (a tracking link, an anchor) is one result, at its best rank.
                continue;
            }
            var published = WebSearch.text(result, "publishedDate");
            items.add(WebSearch.item(url, WebSearch.text(result, "title"), WebSearch.text(result, "content"), null,
                    published, WebSearch.instant(published), cursor.ranked() + items.size() + 1, engines(result), query,
                    practiceSites, classifier, result));
        }
        var warnings = warnings(json.path("unresponsive_engines"), items.isEmpty());
        return new FetchResult(items, next(cursor, items.size(), variants.size()), false, warnings);
    }

    private static String engines(JsonNode result) {
        var engines = new ArrayList<String>();
        for (var engine : result.path("engines")) {
            if (engine.isString()) {
                engines.add(engine.stringValue());
            }
        }
        if (engines.isEmpty() && WebSearch.text(result, "engine") != null) {
            engines.add(WebSearch.text(result, "engine"));
        }
        return String.join(", ", engines);
    }

    /** {@code unresponsive_engines} is a list of [engine, reason] pairs. */
    private static List<String> warnings(JsonNode unresponsive, boolean noResult) {
        var warnings = new ArrayList<String>();
        for (var pair : unresponsive) {
            var engine = pair.isArray() ? pair.path(0) : pair;
            var reason = pair.isArray() ? pair.path(1) : null;
            var name = engine.isString() ? engine.stringValue() : "inconnu";
            var why = reason != null && reason.isString() && !reason.stringValue().isBlank() ? " : " + reason.stringValue() : "";
            warnings.add("moteur " + name + " indisponible" + why + " — résultats partiels");
        }
        if (noResult && !warnings.isEmpty()) {
            warnings.add("aucun résultat mais des moteurs n'ont pas répondu : ce n'est pas « rien trouvé »");
        }
        return warnings;
    }

    /** The next page of this variant while in the top results and the page was not empty, then the next variant. */
    private static String next(WebSearch.Cursor cursor, int found, int variants) {
        if (found > 0 && cursor.page() < LAST_PAGE) {
            return new WebSearch.Cursor(cursor.variant(), cursor.page() + 1, cursor.ranked() + found).toString();
        }
        if (cursor.variant() + 1 < variants) {
            return new WebSearch.Cursor(cursor.variant() + 1, FIRST_PAGE, 0).toString();
        }
        return null;
    }

}
