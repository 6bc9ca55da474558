package fr.egide.monitoring.connectors;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import tools.jackson.databind.JsonNode;

/**
 * What the search-engine connectors (SearXNG, Brave) share: the queries built from the practitioner's name
 * variants, the cursor that walks them, the URL normalisation that identifies a result, and the mapping of one
 * result to an item with its rank and pro/perso classification.
 */
final class WebSearch {

    /** Engines give page dates without a zone; the pages watched are French. */
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private WebSearch() {
    }

    /**
     * Where the watch stands: which name variant, which page of it ({@code pageno} for SearXNG, {@code offset} for
     * Brave) and how many results of that variant were already ranked, so that positions run on across pages.
     * Written "variant:page:ranked" ("0:2:18"); "variant:page" alone is accepted.
     */
    record Cursor(int variant, int page, int ranked) {

        static Cursor parse(String cursor, int firstPage, int variants) throws ConnectorException {
            if (cursor == null || cursor.isBlank()) {
                return new Cursor(0, firstPage, 0);
            }
            var parts = cursor.strip().split(":");
            try {
                var variant = Integer.parseInt(parts[0]);
                var page = parts.length > 1 ? Integer.parseInt(parts[1]) : firstPage;
                var ranked = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
                if (parts.length > 3 || variant < 0 || variant >= variants || page < firstPage || ranked < 0) {
                    throw new NumberFormatException(cursor);
                }
                return new Cursor(variant, page, ranked);
            }
            catch (NumberFormatException ex) {
                // A cursor from before a change of the name variants: start again rather than stop the watch.
                return new Cursor(0, firstPage, 0);
            }
        }

        @Override
        public String toString() {
            return variant + ":" + page + ":" + ranked;
        }

    }

    /** The name variants to search, without blanks and duplicates; at least one. */
    static List<String> variants(FetchRequest request, String service) throws ConnectorException {
        var variants = new LinkedHashSet<String>();
        for (var variant : request.nameVariants()) {
            var name = variant == null ? "" : variant.replace("\"", " ").replaceAll("\\s+", " ").strip();
            if (!name.isEmpty()) {
                variants.add(name);
            }
        }
        if (variants.isEmpty()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS,
                    service + " : aucun nom à rechercher ; renseignez le nom du praticien et ses variantes.");
        }
        return List.copyOf(variants);
    }

    /** {@code "Claire Martin" médecin Lyon}: the exact name, then the optional words that narrow it. */
    static String query(String variant, String extra) {
        var words = extra == null ? "" : extra.replaceAll("\\s+", " ").strip();
        return "\"" + variant + "\"" + (words.isEmpty() ? "" : " " + words);
    }

    /** The {@code timeRange} setting, checked: day, week, month, year, or null when absent. */
    static String timeRange(FetchRequest request, String service) throws ConnectorException {
        var value = request.setting("timeRange");
        if (value == null || value.isBlank()) {
            return null;
        }
        var range = value.strip().toLowerCase(Locale.ROOT);
        if (!Set.of("day", "week", "month", "year").contains(range)) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, service + " : période « " + value
                    + " » inconnue ; choisissez day, week, month ou year (ou rien pour toute période).");
        }
        return range;
    }

    /** The {@code sitesCabinet} setting: the practice's own domains, comma-separated. */
    static Set<String> practiceSites(FetchRequest request) {
        var value = request.setting("sitesCabinet");
        var sites = new LinkedHashSet<String>();
        if (value != null) {
            for (var site : value.split("[,;\\s]+")) {
                if (!site.isBlank()) {
                    sites.add(site.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return sites;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The base URL with the path appended, whether or not the base ends with a slash. */
    static String endpoint(URI baseUrl, String path) {
        var base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /**
     * The identity of a result: the same page reached through a tracking link, an anchor or a trailing slash is one
     * page. Lower-case scheme and host, no default port, no fragment, no {@code utm_*} parameter, no trailing slash.
     */
    static String normaliseUrl(String url) {
        var trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed);
        }
        catch (URISyntaxException ex) {
            var hash = trimmed.indexOf('#');
            return hash < 0 ? trimmed : trimmed.substring(0, hash);
        }
        if (uri.getRawAuthority() == null || uri.getScheme() == null) {
            var hash = trimmed.indexOf('#');
            return hash < 0 ? trimmed : trimmed.substring(0, hash);
        }
        var scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        var authority = uri.getRawAuthority().toLowerCase(Locale.ROOT);
        if (authority.endsWith(":80") && scheme.equals("http") || authority.endsWith(":443") && scheme.equals("https")) {
            authority = authority.substring(0, authority.lastIndexOf(':'));
        }
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        var kept = new ArrayList<String>();
        if (uri.getRawQuery() != null) {
            for (var parameter : uri.getRawQuery().split("&")) {
                if (!parameter.isEmpty() && !parameter.toLowerCase(Locale.ROOT).startsWith("utm_")) {
                    kept.add(parameter);
                }
            }
        }
        return scheme + "://" + authority + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** The host of a URL, lower-case, or "" when it has none. */
    static String host(String url) {
        try {
            var host = new URI(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        }
        catch (URISyntaxException ex) {
            return "";
        }
    }

    /** Engines highlight the query with tags ({@code <strong>Bert</strong>}) and escape entities. */
    static String plainText(String html) {
        return html == null || html.isBlank() ? "" : Jsoup.parse(html).text().strip();
    }

    /** A page date as engines write it: with an offset, in UTC, a local date-time (read in Paris) or a date. */
    static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(PARIS).toInstant();
            }
            catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(PARIS).toInstant();
                }
                catch (DateTimeParseException unreadable) {
                    return null;
                }
            }
        }
    }

    /** A string field, or null when absent, null or not a string. */
    static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    /** "3 h", "500 ms": time-outs below a second must not read "0 s". */
    static String duration(Duration duration) {
        return duration.toMillis() < 1000 ? duration.toMillis() + " ms" : duration.toSeconds() + " s";
    }

    /**
     * One result as an item: identified by its normalised URL, ranked, classified.
     *
     * @param position the 1-based rank over the pages of this query
     */
    static FetchedItem item(String url, String title, String snippetHtml, String language, String publishedRaw,
            Instant publishedAt, int position, String engines, String query, Set<String> practiceSites,
            ResultClassifier classifier, JsonNode raw) {
        var cleanTitle = plainText(title);
        var snippet = plainText(snippetHtml);
        var classification = classifier.classify(url, cleanTitle, snippet, practiceSites);
        var attributes = new HashMap<String, String>();
        attributes.put("position", Integer.toString(position));
        attributes.put("premierePage", position <= 10 ? "oui" : "non");
        attributes.put("moteurs", engines);
        attributes.put("requete", query);
        attributes.put("titre", cleanTitle);
        attributes.put("classement", classification.classement().name());
        attributes.put("raisonClassement", classification.raison());
        var text = snippet.isEmpty() ? cleanTitle : cleanTitle + "\n" + snippet;
        return new FetchedItem(normaliseUrl(url), url, null, null, text, null, language, publishedRaw, publishedAt, null,
                attributes, raw.toString());
    }

}
