package fr.egide.monitoring.connectors;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the Google connectors share: addresses, the bearer header and lenient reading of Google's JSON. */
final class GoogleApi {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Account, location and review ids: Google's are digits or base64url; anything else would reshape the path. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private GoogleApi() {
    }

    /** base + path + query; null values are left out, spaces are %20 (Google reads "+" as a plus in some APIs). */
    static URI uri(URI base, String path, Map<String, String> query) {
        var text = base.toString();
        var address = new StringBuilder(text.endsWith("/") ? text.substring(0, text.length() - 1) : text).append(path);
        var joiner = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                joiner.add(encode(name) + "=" + encode(value));
            }
        });
        return URI.create(address.append(joiner).toString());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static HttpRequest.Builder bearer(HttpRequest.Builder request, String accessToken) {
        return request.header("Authorization", "Bearer " + accessToken).header("Accept", "application/json");
    }

    /** A missing token is treated as an expired one: the caller refreshes it, or asks the user to reconnect. */
    static String requireToken(String service, String accessToken) throws ConnectorException {
        if (accessToken == null || accessToken.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.AUTH_EXPIRED,
                    service + " : aucun jeton d'accès ; reconnectez le compte Google.");
        }
        return accessToken.strip();
    }

    static JsonNode object(String service, JsonNode node) throws ConnectorException {
        if (node == null || !node.isObject()) {
            throw malformed(service, "la réponse n'est pas un objet JSON");
        }
        return node;
    }

    /** The array under {@code field}; Google leaves empty lists out, so a missing one is empty. */
    static List<JsonNode> array(String service, JsonNode node, String field) throws ConnectorException {
        var value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw malformed(service, "« " + field + " » n'est pas une liste");
        }
        return new ArrayList<>(value.values());
    }

    /** The string under {@code field}, or null when absent, null or not a string. */
    static String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() ? value.stringValue() : null;
    }

    /** RFC 3339 with 0, 3, 6 or 9 fraction digits and Z or an offset; null when absent. */
    static Instant instant(String service, JsonNode node, String field) throws ConnectorException {
        var value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip().toUpperCase(Locale.ROOT), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new ConnectorException(ConnectorException.Kind.MALFORMED,
                    service + " a renvoyé une date illisible (« " + field + " » : " + value + ") : nouvel essai plus tard.",
                    null, ex);
        }
    }

    /** The item's JSON as received (re-serialised from the tree: same fields, same order). */
    static String raw(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        }
        catch (JacksonException ex) {
            throw new IllegalStateException("sérialisation JSON impossible", ex);
        }
    }

    static ConnectorException malformed(String service, String what) {
        return new ConnectorException(ConnectorException.Kind.MALFORMED,
                service + " a renvoyé une réponse inattendue (" + what + ") : nouvel essai plus tard.");
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

}
