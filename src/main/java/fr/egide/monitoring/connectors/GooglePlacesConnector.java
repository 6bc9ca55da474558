package fr.egide.monitoring.connectors;

import static fr.egide.monitoring.connectors.GoogleApi.text;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A Google listing the practitioner does not own, through Places API (New): the place's details with at most 5
 * reviews, chosen by Google's relevance, with no paging and no history. So the listing is never complete (a
 * review that disappears may only have been outranked) and every fetch says so.
 *
 * <p>Settings: {@code placeId} ("ChIJ…", or "places/ChIJ…") and {@code apiKey}, sent as {@code X-Goog-Api-Key}.
 * The field mask is mandatory and chooses the billed SKU; {@code reviews} is in the dearest tier, so it asks for
 * nothing more than the reviews and the listing's figures.
 *
 * <p>Unlike Google Business Profile, Places gives the translation and the original apart: {@code text} is
 * Google's French text, {@code originalText} the author's when it differs.
 */
public final class GooglePlacesConnector implements Connector {

    public static final URI PLACES_API = URI.create("https://places.googleapis.com");

    public static final String DETAILS_FIELD_MASK = "id,displayName,rating,userRatingCount,googleMapsUri,reviews";

    public static final String SEARCH_FIELD_MASK = "places.id,places.displayName,places.formattedAddress";

    public static final String WARNING = "Google Places ne donne que 5 avis, les plus pertinents, sans historique : "
            + "une absence n'est pas une suppression.";

    private static final String SERVICE = "Google Places";

    private final URI placesApi;

    private final ConnectorHttp http;

    public GooglePlacesConnector(URI placesApi, ConnectorHttp http) {
        this.placesApi = placesApi;
        this.http = http;
    }

    /** Against Google's own address. */
    public GooglePlacesConnector(ConnectorHttp http) {
        this(PLACES_API, http);
    }

    @Override
    public String kind() {
        return "GOOGLE_PLACES";
    }

    /** A place found by {@link #search}, for the user to pick. */
    public record Candidate(String id, String name, String address) {
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws ConnectorException, InterruptedException {
        var placeId = placeId(request.setting("placeId"));
        var apiKey = apiKey(request.setting("apiKey"));
        var query = new LinkedHashMap<String, String>();
        query.put("languageCode", "fr");
        query.put("regionCode", "FR");
        var uri = GoogleApi.uri(placesApi, "/v1/places/" + placeId, query);
        var place = GoogleApi.object(SERVICE, http.json(SERVICE, headers(http.request(uri), apiKey, DETAILS_FIELD_MASK)
            .GET()
            .build()));
        var items = new ArrayList<FetchedItem>();
        for (var review : GoogleApi.array(SERVICE, place, "reviews")) {
            items.add(review(GoogleApi.object(SERVICE, review)));
        }
        var check = new HashMap<String, String>();
        if (place.path("rating").isNumber()) {
            check.put("noteMoyenne", place.path("rating").asString());
        }
        if (place.path("userRatingCount").isNumber()) {
            check.put("nombreAvis", place.path("userRatingCount").asString());
        }
        return new FetchResult(items, null, false, List.of(WARNING), check);
    }

    /** Places matching a text ("Dr Claire Martin médecin généraliste Lyon"), in France, in French. */
    public List<Candidate> search(String apiKey, String textQuery) throws ConnectorException, InterruptedException {
        var key = apiKey(apiKey);
        if (textQuery == null || textQuery.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, SERVICE + " : la recherche est vide.");
        }
        var body = GoogleApi.JSON.createObjectNode()
            .put("textQuery", textQuery.strip())
            .put("languageCode", "fr")
            .put("regionCode", "FR");
        var uri = GoogleApi.uri(placesApi, "/v1/places:searchText", Map.of());
        var answer = GoogleApi.object(SERVICE, http.json(SERVICE, headers(http.request(uri), key, SEARCH_FIELD_MASK)
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(GoogleApi.raw(body), StandardCharsets.UTF_8))
            .build()));
        var candidates = new ArrayList<Candidate>();
        for (var place : GoogleApi.array(SERVICE, answer, "places")) {
            candidates.add(new Candidate(text(place, "id"), text(place.path("displayName"), "text"),
                    text(place, "formattedAddress")));
        }
        return candidates;
    }

    private static HttpRequest.Builder headers(HttpRequest.Builder request, String apiKey, String fieldMask) {
        return request.header("X-Goog-Api-Key", apiKey).header("X-Goog-FieldMask", fieldMask).header("Accept", "application/json");
    }

    private FetchedItem review(JsonNode review) throws ConnectorException {
        var name = text(review, "name");
        if (name == null || name.isBlank()) {
            throw GoogleApi.malformed(SERVICE, "un avis sans nom");
        }
        var text = text(review.path("text"), "text");
        var original = text(review.path("originalText"), "text");
        var attributes = new HashMap<String, String>();
        var author = review.path("authorAttribution");
        put(attributes, "auteurUrl", text(author, "uri"));
        put(attributes, "signalerUrl", text(review, "flagContentUri"));
        if (original != null && !original.equals(text)) {
            put(attributes, "langueOriginale", text(review.path("originalText"), "languageCode"));
        }
        var visit = review.path("visitDate");
        if (visit.path("year").isNumber() && visit.path("month").isNumber()) {
            attributes.put("visite", String.format("%04d-%02d", visit.path("year").asInt(), visit.path("month").asInt()));
        }
        var rating = review.path("rating");
        return new FetchedItem(name, text(review, "googleMapsUri"), text(author, "displayName"),
                rating.isNumber() ? (int) Math.round(rating.asDouble()) : null, text == null ? "" : text,
                original == null || original.equals(text) ? null : original, text(review.path("text"), "languageCode"),
                text(review, "relativePublishTimeDescription"), GoogleApi.instant(SERVICE, review, "publishTime"), null,
                attributes, GoogleApi.raw(review));
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, value);
        }
    }

    private static String placeId(String placeId) throws ConnectorException {
        if (placeId == null || placeId.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS,
                    SERVICE + " : le réglage « placeId » manque : recherchez l'établissement et choisissez-le.");
        }
        var id = placeId.strip().startsWith("places/") ? placeId.strip().substring("places/".length()) : placeId.strip();
        if (!GoogleApi.ID.matcher(id).matches()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS,
                    SERVICE + " : le réglage « placeId » n'est pas un identifiant de lieu Google valide (" + placeId + ").");
        }
        return id;
    }

    private static String apiKey(String apiKey) throws ConnectorException {
        if (apiKey == null || apiKey.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS,
                    SERVICE + " : la clé d'API (« apiKey ») manque : créez-la dans la console Google Cloud.");
        }
        return apiKey.strip();
    }

}
