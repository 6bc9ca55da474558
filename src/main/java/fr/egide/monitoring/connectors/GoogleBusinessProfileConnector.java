package fr.egide.monitoring.connectors;

import static fr.egide.monitoring.connectors.GoogleApi.ID;
import static fr.egide.monitoring.connectors.GoogleApi.text;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The practitioner's own Google Business Profile listing: every review, through the v4 {@code reviews.list} (the
 * only reviews API Google has; accounts and locations moved to v1, reviews never did), newest change first, one
 * page of 50 per fetch. The listing is complete, so a review missing from a full scan was removed.
 *
 * <p>Settings: {@code account} ("accounts/112233445566778899", or the bare id) and {@code location}
 * ("locations/998877665544332211", the bare id, or the full v4 name "accounts/…/locations/…", which then wins).
 * The OAuth access token (scope {@code business.manage}) is the request's.
 *
 * <p>A review Google translated arrives as one string, "(Translated by Google) translation\n\n(Original)\noriginal".
 * {@link FetchedItem#text()} keeps what the author wrote (the original): that is what a reply answers, what the
 * analysis must read and what evidence must quote. The machine translation goes to the attribute "traduction" and
 * {@link FetchedItem#originalText()} stays null, since the text already is the original.
 *
 * <p>Attributes: "anonyme" = "oui" for anonymous reviewers; "reponse", "reponseEtat" (PENDING, REJECTED,
 * APPROVED…), "reponseDate" and "policyViolation" when the review has a reply; "reponseUrl"; "traduction";
 * "ressource" (the review's full name, for {@link GoogleReplies}).
 */
public final class GoogleBusinessProfileConnector implements Connector {

    public static final URI REVIEWS_API = URI.create("https://mybusiness.googleapis.com");

    public static final URI ACCOUNTS_API = URI.create("https://mybusinessaccountmanagement.googleapis.com");

    public static final URI LOCATIONS_API = URI.create("https://mybusinessbusinessinformation.googleapis.com");

    static final String SERVICE = "Google Business Profile";

    static final int PAGE_SIZE = 50;

    /** Guards the account and location listings against a page token that never ends. */
    private static final int MAX_PAGES = 100;

    private static final Pattern FULL_LOCATION = Pattern.compile("accounts/([^/]+)/locations/([^/]+)");

    private static final Pattern TRANSLATED_FIRST = Pattern.compile(
            "\\A\\s*\\((?:Translated by Google|Traduit par Google)\\)\\s*(.*?)\\R\\s*\\R\\s*"
                    + "\\((?:Original|Avis d'origine|Texte d'origine)\\)\\s*\\R(.*)\\z",
            Pattern.DOTALL);

    private static final Pattern ORIGINAL_FIRST = Pattern.compile(
            "\\A(.*?)\\R\\s*\\R\\s*\\((?:Translated by Google|Traduit par Google)\\)\\s*\\R(.*)\\z", Pattern.DOTALL);

    private final URI reviewsApi;

    private final URI accountsApi;

    private final URI locationsApi;

    private final ConnectorHttp http;

    public GoogleBusinessProfileConnector(URI reviewsApi, URI accountsApi, URI locationsApi, ConnectorHttp http) {
        this.reviewsApi = reviewsApi;
        this.accountsApi = accountsApi;
        this.locationsApi = locationsApi;
        this.http = http;
    }

    /** Against Google's own addresses. */
    public GoogleBusinessProfileConnector(ConnectorHttp http) {
        this(REVIEWS_API, ACCOUNTS_API, LOCATIONS_API, http);
    }

    @Override
    public String kind() {
        return "GOOGLE_BUSINESS";
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws ConnectorException, InterruptedException {
        var location = locationName(request.setting("account"), request.setting("location"));
        var token = GoogleApi.requireToken(SERVICE, request.accessToken());
        var query = new LinkedHashMap<String, String>();
        query.put("pageSize", String.valueOf(PAGE_SIZE));
        query.put("orderBy", "updateTime desc");
        query.put("pageToken", request.cursor() == null || request.cursor().isBlank() ? null : request.cursor());
        var uri = GoogleApi.uri(reviewsApi, "/v4/" + location + "/reviews", query);
        var page = GoogleApi.object(SERVICE, http.json(SERVICE, GoogleApi.bearer(http.request(uri), token).GET().build()));
        var items = new ArrayList<FetchedItem>();
        for (var review : GoogleApi.array(SERVICE, page, "reviews")) {
            items.add(review(GoogleApi.object(SERVICE, review)));
        }
        var next = text(page, "nextPageToken");
        var check = new HashMap<String, String>();
        if (page.path("averageRating").isNumber()) {
            check.put("noteMoyenne", page.path("averageRating").asString());
        }
        if (page.path("totalReviewCount").isNumber()) {
            check.put("nombreAvis", page.path("totalReviewCount").asString());
        }
        return new FetchResult(items, next == null || next.isBlank() ? null : next, true, List.of(), check);
    }

    /** The accounts the token can see (Account Management v1), every page, for the UI that picks a location. */
    public List<Account> accounts(String accessToken) throws ConnectorException, InterruptedException {
        var token = GoogleApi.requireToken(SERVICE, accessToken);
        var accounts = new ArrayList<Account>();
        for (var account : pages(token, pageToken -> {
            var query = new LinkedHashMap<String, String>();
            query.put("pageSize", "20");
            query.put("pageToken", pageToken);
            return GoogleApi.uri(accountsApi, "/v1/accounts", query);
        }, "accounts")) {
            accounts.add(new Account(text(account, "name"), text(account, "accountName"), text(account, "type"),
                    text(account, "role"), text(account, "verificationState")));
        }
        return accounts;
    }

    /** The account's locations (Business Information v1), every page. */
    public List<Location> locations(String accessToken, String account) throws ConnectorException, InterruptedException {
        var token = GoogleApi.requireToken(SERVICE, accessToken);
        var accountName = accountName(account);
        var locations = new ArrayList<Location>();
        for (var location : pages(token, pageToken -> {
            var query = new LinkedHashMap<String, String>();
            query.put("readMask", "name,title,storefrontAddress,metadata");
            query.put("pageSize", "100");
            query.put("pageToken", pageToken);
            return GoogleApi.uri(locationsApi, "/v1/" + accountName + "/locations", query);
        }, "locations")) {
            var metadata = location.path("metadata");
            locations.add(new Location(accountName, text(location, "name"), text(location, "title"),
                    address(location.path("storefrontAddress")), text(metadata, "placeId"), text(metadata, "mapsUri")));
        }
        return locations;
    }

    /** An account the token can manage. */
    public record Account(String name, String accountName, String type, String role, String verificationState) {
    }

    /**
     * A location of an account.
     *
     * @param account "accounts/…"
     * @param name "locations/…", as Business Information names it
     * @param address one line ("12 rue Paul Bert, 69003 Lyon"), or null
     * @param placeId the Places id, to watch the same listing through {@link GooglePlacesConnector}, or null
     */
    public record Location(String account, String name, String title, String address, String placeId, String mapsUri) {

        /** The v4 name the reviews API needs ("accounts/…/locations/…"): the {@code location} setting. */
        public String reviewsName() {
            return account + "/" + name;
        }

    }

    /** "accounts/{a}/locations/{l}" from the settings, refusing what would not name one location. */
    static String locationName(String account, String location) throws ConnectorException {
        if (location == null || location.isBlank()) {
            throw settings("le réglage « location » manque : choisissez l'établissement Google");
        }
        var full = FULL_LOCATION.matcher(location.strip());
        if (full.matches()) {
            var accountId = id(full.group(1), "location");
            if (account != null && !account.isBlank() && !accountName(account).equals("accounts/" + accountId)) {
                throw settings("les réglages « account » (" + account.strip() + ") et « location » (" + location.strip()
                        + ") désignent deux comptes différents");
            }
            return "accounts/" + accountId + "/locations/" + id(full.group(2), "location");
        }
        var locationId = id(strip(location.strip(), "locations/"), "location");
        if (account == null || account.isBlank()) {
            throw settings("le réglage « account » manque : reconnectez le compte Google et choisissez l'établissement");
        }
        return accountName(account) + "/locations/" + locationId;
    }

    private static String accountName(String account) throws ConnectorException {
        if (account == null || account.isBlank()) {
            throw settings("le compte Google (« account ») manque");
        }
        return "accounts/" + id(strip(account.strip(), "accounts/"), "account");
    }

    private static String strip(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    private static String id(String value, String setting) throws ConnectorException {
        if (!ID.matcher(value).matches()) {
            throw settings("le réglage « " + setting + " » n'est pas un identifiant Google valide (" + value + ")");
        }
        return value;
    }

    private static ConnectorException settings(String what) {
        return new ConnectorException(ConnectorException.Kind.SETTINGS, SERVICE + " : " + what + ".");
    }

    private FetchedItem review(JsonNode review) throws ConnectorException {
        var name = text(review, "name");
        var id = text(review, "reviewId");
        if ((id == null || id.isBlank()) && name != null) {
            id = name.substring(name.lastIndexOf('/') + 1);
        }
        if (id == null || id.isBlank()) {
            throw GoogleApi.malformed(SERVICE, "un avis sans identifiant");
        }
        var attributes = new HashMap<String, String>();
        var reviewer = review.path("reviewer");
        var anonymous = reviewer.path("isAnonymous").asBoolean(false);
        if (anonymous) {
            attributes.put("anonyme", "oui");
        }
        var comment = text(review, "comment");
        var translation = splitTranslation(comment == null ? "" : comment);
        put(attributes, "traduction", translation.translation());
        var reply = review.path("reviewReply");
        if (reply.isObject()) {
            put(attributes, "reponse", text(reply, "comment"));
            put(attributes, "reponseEtat", text(reply, "reviewReplyState"));
            var replied = GoogleApi.instant(SERVICE, reply, "updateTime");
            put(attributes, "reponseDate", replied == null ? null : replied.toString());
            put(attributes, "policyViolation", text(reply, "policyViolation"));
        }
        if (!attributes.containsKey("policyViolation")) {
            put(attributes, "policyViolation", text(review, "policyViolation"));
        }
        put(attributes, "reponseUrl", text(review, "reviewReplyUrl"));
        put(attributes, "ressource", name);
        return new FetchedItem(id, null, anonymous ? null : text(reviewer, "displayName"), stars(text(review, "starRating")),
                translation.original(), null, null, null, GoogleApi.instant(SERVICE, review, "createTime"),
                GoogleApi.instant(SERVICE, review, "updateTime"), attributes, GoogleApi.raw(review));
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.put(name, value);
        }
    }

    /** ONE…FIVE → 1…5; STAR_RATING_UNSPECIFIED, absent or a value Google adds later → null. */
    static Integer stars(String starRating) {
        if (starRating == null) {
            return null;
        }
        return switch (starRating) {
            case "ONE" -> 1;
            case "TWO" -> 2;
            case "THREE" -> 3;
            case "FOUR" -> 4;
            case "FIVE" -> 5;
            default -> null;
        };
    }

    /**
     * What the author wrote and Google's translation (null when the comment was not translated). Both layouts
     * seen in the wild are read: the translation first then "(Original)", or the original first then
     * "(Translated by Google)"; the French labels too, in case Google localises them.
     */
    static Translation splitTranslation(String comment) {
        Matcher matcher = TRANSLATED_FIRST.matcher(comment);
        if (matcher.matches()) {
            return new Translation(matcher.group(2).strip(), matcher.group(1).strip());
        }
        matcher = ORIGINAL_FIRST.matcher(comment);
        if (matcher.matches()) {
            return new Translation(matcher.group(1).strip(), matcher.group(2).strip());
        }
        return new Translation(comment, null);
    }

    record Translation(String original, String translation) {
    }

    private static String address(JsonNode address) {
        if (!address.isObject()) {
            return null;
        }
        var line = new StringJoiner(", ");
        for (var part : address.path("addressLines").values()) {
            if (part.isString() && !part.stringValue().isBlank()) {
                line.add(part.stringValue().strip());
            }
        }
        var town = new StringJoiner(" ");
        for (var part : new String[] { text(address, "postalCode"), text(address, "locality") }) {
            if (part != null && !part.isBlank()) {
                town.add(part.strip());
            }
        }
        if (town.length() > 0) {
            line.add(town.toString());
        }
        return line.length() == 0 ? null : line.toString();
    }

    @FunctionalInterface
    private interface PageUri {

        URI of(String pageToken) throws ConnectorException;

    }

    private List<JsonNode> pages(String token, PageUri uri, String field) throws ConnectorException, InterruptedException {
        var all = new ArrayList<JsonNode>();
        var seen = new HashSet<String>();
        String pageToken = null;
        for (var page = 0; page < MAX_PAGES; page++) {
            var answer = GoogleApi.object(SERVICE,
                    http.json(SERVICE, GoogleApi.bearer(http.request(uri.of(pageToken)), token).GET().build()));
            for (var node : GoogleApi.array(SERVICE, answer, field)) {
                all.add(GoogleApi.object(SERVICE, node));
            }
            pageToken = text(answer, "nextPageToken");
            if (pageToken == null || pageToken.isBlank() || !seen.add(pageToken)) {
                break;
            }
        }
        return all;
    }

}
