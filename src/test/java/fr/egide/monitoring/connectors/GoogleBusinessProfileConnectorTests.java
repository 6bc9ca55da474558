package fr.egide.monitoring.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.egide.monitoring.connectors.ConnectorException.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class GoogleBusinessProfileConnectorTests {

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");

    static final String TOKEN = "ya29.jeton-de-test";

    static final String ACCOUNT = "accounts/112233445566778899";

    static final String LOCATION = "locations/998877665544332211";

    static final String REVIEWS = "/v4/accounts/112233445566778899/locations/998877665544332211/reviews";

    static final String REVIEW_NAME = "accounts/112233445566778899/locations/998877665544332211/reviews/AbFvOqnY7dTest02";

    static final String PAGE_ONE = """
            {
              "reviews": [
                {
                  "name": "accounts/112233445566778899/locations/998877665544332211/reviews/AbFvOqmX2cTest01",
                  "reviewId": "AbFvOqmX2cTest01",
                  "reviewer": {"displayName": "Sophie Lefèvre", "profilePhotoUrl": "https://lh3.googleusercontent.com/a/ACg8ocFAKE=s120-c-rp-mo-br100", "isAnonymous": false},
                  "starRating": "FIVE",
                  "comment": "Dr Martin prend le temps d'expliquer, cabinet calme et ponctuel.",
                  "createTime": "2026-03-02T09:14:27.512Z",
                  "updateTime": "2026-03-02T09:14:27.512Z",
                  "reviewReply": {"comment": "Merci pour votre message.", "updateTime": "2026-03-03T08:00:11.020Z", "reviewReplyState": "APPROVED"},
                  "reviewReplyUrl": "https://business.google.com/reviews/reply/FAKE"
                },
                {
                  "name": "accounts/112233445566778899/locations/998877665544332211/reviews/AbFvOqnY7dTest02",
                  "reviewId": "AbFvOqnY7dTest02",
                  "reviewer": {"isAnonymous": true},
                  "starRating": "TWO",
                  "createTime": "2026-02-20T18:02:03Z",
                  "updateTime": "2026-02-21T07:45:00Z"
                }
              ],
              "averageRating": 4.3,
              "totalReviewCount": 57,
              "nextPageToken": "ChdBYkZ2T3FuWTdkVGVzdDAyEAE"
            }
            """;

    static final String PAGE_TWO = """
            {
              "reviews": [
                {
                  "name": "accounts/112233445566778899/locations/998877665544332211/reviews/AbFvOqoZ9eTest03",
                  "reviewId": "AbFvOqoZ9eTest03",
                  "reviewer": {"displayName": "Thomas Bernard", "isAnonymous": false},
                  "starRating": "FOUR",
                  "comment": "(Translated by Google) Very attentive doctor, short wait.\\n\\n(Original)\\nMédecin très attentive, peu d'attente.",
                  "createTime": "2026-01-10T14:30:00.123456Z",
                  "updateTime": "2026-01-11T08:00:00.123456789Z"
                },
                {
                  "name": "accounts/112233445566778899/locations/998877665544332211/reviews/AbFvOqpA1fTest04",
                  "reviewId": "AbFvOqpA1fTest04",
                  "reviewer": {"displayName": "Nathalie Petit", "isAnonymous": false},
                  "starRating": "STAR_RATING_UNSPECIFIED",
                  "comment": "Secrétariat injoignable.",
                  "createTime": "2026-01-05T09:00:00+01:00",
                  "updateTime": "2026-01-05T09:00:00+01:00",
                  "reviewReply": {"comment": "Madame Petit, vous êtes venue le 3 janvier…", "updateTime": "2026-01-06T10:00:00Z",
                    "reviewReplyState": "REJECTED", "policyViolation": "PERSONAL_INFO"}
                }
              ],
              "averageRating": 4.3,
              "totalReviewCount": 57
            }
            """;

    static final String SCOPE_ERROR = """
            {"error": {"code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED",
              "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT", "domain": "googleapis.com", "metadata": {"service": "mybusiness.googleapis.com"}}]}}
            """;

    GoogleBusinessProfileConnector connector;

    GoogleReplies replies;

    @BeforeEach
    void connect() {
        var base = URI.create(google.baseUrl());
        connector = new GoogleBusinessProfileConnector(base, base, base, http(Duration.ofSeconds(5)));
        replies = new GoogleReplies(base, http(Duration.ofSeconds(5)));
    }

    static ConnectorHttp http(Duration timeout) {
        return new ConnectorHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                Clock.fixed(NOW, ZoneOffset.UTC), timeout);
    }

    static FetchRequest request(String cursor) {
        return new FetchRequest(Map.of("account", ACCOUNT, "location", LOCATION), cursor, List.of("Dr Claire Martin"), TOKEN);
    }

    @Test
    void readsTwoPagesFollowingTheNextPageTokenThenStops() throws Exception {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).withQueryParam("pageToken", absent()).willReturn(okJson(PAGE_ONE)));
        google.stubFor(get(urlPathEqualTo(REVIEWS)).withQueryParam("pageToken", equalTo("ChdBYkZ2T3FuWTdkVGVzdDAyEAE"))
            .willReturn(okJson(PAGE_TWO)));

        var first = connector.fetch(request(null));
        var second = connector.fetch(request(first.nextCursor()));

        assertThat(first.nextCursor()).isEqualTo("ChdBYkZ2T3FuWTdkVGVzdDAyEAE");
        assertThat(first.completeListing()).isTrue();
        assertThat(first.warnings()).isEmpty();
        assertThat(first.check()).containsEntry("noteMoyenne", "4.3").containsEntry("nombreAvis", "57");
        assertThat(first.items()).extracting(FetchedItem::externalId).containsExactly("AbFvOqmX2cTest01", "AbFvOqnY7dTest02");
        assertThat(second.nextCursor()).isNull();
        assertThat(second.completeListing()).isTrue();
        assertThat(second.items()).extracting(FetchedItem::externalId).containsExactly("AbFvOqoZ9eTest03", "AbFvOqpA1fTest04");
        google.verify(getRequestedFor(urlEqualTo(REVIEWS + "?pageSize=50&orderBy=updateTime%20desc"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Accept-Language", equalTo("fr-FR")));
        google.verify(getRequestedFor(urlPathEqualTo(REVIEWS)).withQueryParam("pageSize", equalTo("50"))
            .withQueryParam("orderBy", equalTo("updateTime desc"))
            .withQueryParam("pageToken", equalTo("ChdBYkZ2T3FuWTdkVGVzdDAyEAE"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        google.verify(2, anyRequestedFor(anyUrl()));
    }

    @Test
    void mapsAReviewWithItsApprovedReplyAndKeepsItsJson() throws Exception {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson(PAGE_ONE)));

        var review = connector.fetch(request(null)).items().get(0);

        assertThat(review.author()).isEqualTo("Sophie Lefèvre");
        assertThat(review.rating()).isEqualTo(5);
        assertThat(review.text()).isEqualTo("Dr Martin prend le temps d'expliquer, cabinet calme et ponctuel.");
        assertThat(review.originalText()).isNull();
        assertThat(review.publishedAt()).isEqualTo(Instant.parse("2026-03-02T09:14:27.512Z"));
        assertThat(review.updatedAt()).isEqualTo(Instant.parse("2026-03-02T09:14:27.512Z"));
        assertThat(review.attributes()).containsEntry("reponse", "Merci pour votre message.")
            .containsEntry("reponseEtat", "APPROVED")
            .containsEntry("reponseDate", "2026-03-03T08:00:11.020Z")
            .containsEntry("reponseUrl", "https://business.google.com/reviews/reply/FAKE")
            .containsEntry("ressource", "accounts/112233445566778899/locations/998877665544332211/reviews/AbFvOqmX2cTest01")
            .doesNotContainKeys("anonyme", "traduction", "policyViolation");
        var json = JsonMapper.builder().build();
        assertThat(json.readTree(review.raw())).isEqualTo(json.readTree(PAGE_ONE).path("reviews").get(0));
    }

    @Test
    void anAnonymousRatingOnlyReviewHasNoAuthorAndAnEmptyText() throws Exception {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson(PAGE_ONE)));

        var review = connector.fetch(request(null)).items().get(1);

        assertThat(review.author()).isNull();
        assertThat(review.attributes()).containsEntry("anonyme", "oui").doesNotContainKey("reponse");
        assertThat(review.rating()).isEqualTo(2);
        assertThat(review.text()).isEmpty();
        assertThat(review.publishedAt()).isEqualTo(Instant.parse("2026-02-20T18:02:03Z"));
        assertThat(review.updatedAt()).isEqualTo(Instant.parse("2026-02-21T07:45:00Z"));
    }

    @Test
    void aTranslatedReviewKeepsWhatTheAuthorWroteAndPutsTheTranslationAside() throws Exception {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson(PAGE_TWO)));

        var review = connector.fetch(request(null)).items().get(0);

        assertThat(review.text()).isEqualTo("Médecin très attentive, peu d'attente.");
        assertThat(review.originalText()).isNull();
        assertThat(review.attributes()).containsEntry("traduction", "Very attentive doctor, short wait.");
        assertThat(review.rating()).isEqualTo(4);
        assertThat(review.publishedAt()).isEqualTo(Instant.parse("2026-01-10T14:30:00.123456Z"));
        assertThat(review.updatedAt()).isEqualTo(Instant.parse("2026-01-11T08:00:00.123456789Z"));
    }

    @Test
    void readsBothTranslationLayouts() {
        assertThat(GoogleBusinessProfileConnector.splitTranslation("Très bon accueil.\n\n(Translated by Google)\nVery good welcome."))
            .isEqualTo(new GoogleBusinessProfileConnector.Translation("Très bon accueil.", "Very good welcome."));
        assertThat(GoogleBusinessProfileConnector.splitTranslation("(Traduit par Google) Très bien\n\n(Avis d'origine)\nSehr gut"))
            .isEqualTo(new GoogleBusinessProfileConnector.Translation("Sehr gut", "Très bien"));
        assertThat(GoogleBusinessProfileConnector.splitTranslation("Cabinet (Original) et calme."))
            .isEqualTo(new GoogleBusinessProfileConnector.Translation("Cabinet (Original) et calme.", null));
    }

    @Test
    void aRejectedReplyCarriesItsStateAndThePolicyViolation() throws Exception {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson(PAGE_TWO)));

        var review = connector.fetch(request(null)).items().get(1);

        assertThat(review.rating()).as("STAR_RATING_UNSPECIFIED").isNull();
        assertThat(review.publishedAt()).isEqualTo(Instant.parse("2026-01-05T08:00:00Z"));
        assertThat(review.attributes()).containsEntry("reponseEtat", "REJECTED")
            .containsEntry("policyViolation", "PERSONAL_INFO")
            .containsEntry("reponse", "Madame Petit, vous êtes venue le 3 janvier…");
    }

    @Test
    void aLocationWithoutReviewsIsAnEmptyLastPage() throws Exception {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson("{}")));

        var page = connector.fetch(request(null));

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void acceptsTheFullV4LocationName() throws Exception {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson("{}")));

        connector.fetch(new FetchRequest(Map.of("location", ACCOUNT + "/" + LOCATION), null, List.of(), TOKEN));

        google.verify(getRequestedFor(urlPathEqualTo(REVIEWS)));
    }

    @Test
    void refusesMissingOrContradictorySettingsWithoutCallingGoogle() {
        assertThat(failure(() -> connector.fetch(new FetchRequest(Map.of("account", ACCOUNT), null, List.of(), TOKEN))))
            .satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.SETTINGS))
            .hasMessageContaining("« location » manque");
        assertThat(failure(() -> connector.fetch(new FetchRequest(Map.of("location", LOCATION), null, List.of(), TOKEN))))
            .satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.SETTINGS))
            .hasMessageContaining("« account » manque");
        assertThat(failure(() -> connector.fetch(new FetchRequest(
                Map.of("account", "accounts/111", "location", ACCOUNT + "/" + LOCATION), null, List.of(), TOKEN))))
            .satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.SETTINGS))
            .hasMessageContaining("deux comptes différents");
        assertThat(failure(() -> connector.fetch(new FetchRequest(
                Map.of("account", ACCOUNT, "location", "locations/99/../../autre"), null, List.of(), TOKEN))))
            .satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.SETTINGS));
        google.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anExpiredTokenAsksForARefresh() {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"error": {"code": 401, "message": "Request had invalid authentication credentials.", "status": "UNAUTHENTICATED"}}
                    """)));

        var failure = failure(() -> connector.fetch(request(null)));

        assertThat(failure.kind()).isEqualTo(Kind.AUTH_EXPIRED);
        assertThat(failure.getMessage()).contains("UNAUTHENTICATED");
    }

    @Test
    void anInsufficientScopeIsForbiddenAndQuotesGoogle() {
        google.stubFor(get(urlPathEqualTo(REVIEWS))
            .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(SCOPE_ERROR)));

        var failure = failure(() -> connector.fetch(request(null)));

        assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.getMessage()).contains("PERMISSION_DENIED : Request had insufficient authentication scopes.");
    }

    @Test
    void anUnknownLocationIsNotFound() {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"error": {"code": 404, "message": "Requested entity was not found.", "status": "NOT_FOUND"}}
                    """)));

        assertThat(failure(() -> connector.fetch(request(null))).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void aRateLimitWaitsTheSecondsGoogleAsks() {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(aResponse().withStatus(429)
            .withHeader("Retry-After", "30")
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"error": {"code": 429, "message": "Quota exceeded for quota metric 'Requests'.", "status": "RESOURCE_EXHAUSTED"}}
                    """)));

        var failure = failure(() -> connector.fetch(request(null)));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aRateLimitUntilAnHttpDateWaitsUntilThen() {
        google.stubFor(get(urlPathEqualTo(REVIEWS))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "Thu, 05 Mar 2026 10:01:30 GMT")));

        var failure = failure(() -> connector.fetch(request(null)));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aServerErrorIsRetriedLater() {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"error": {"code": 500, "message": "Internal error encountered.", "status": "INTERNAL"}}
                    """)));

        var failure = failure(() -> connector.fetch(request(null)));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.transientFailure()).isTrue();
    }

    @Test
    void malformedJsonIsReported() {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson("{\"reviews\": [{\"reviewId\": ")));

        assertThat(failure(() -> connector.fetch(request(null))).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void reviewsThatAreNotAListAreMalformed() {
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson("{\"reviews\": {\"reviewId\": \"x\"}}")));

        assertThat(failure(() -> connector.fetch(request(null))).kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void aSlowAnswerTimesOut() {
        var base = URI.create(google.baseUrl());
        var impatient = new GoogleBusinessProfileConnector(base, base, base, http(Duration.ofMillis(500)));
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson(PAGE_ONE).withFixedDelay(2000)));

        var failure = failure(() -> impatient.fetch(request(null)));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("n'a pas répondu");
    }

    @Test
    void listsEveryAccountAcrossPages() throws Exception {
        google.stubFor(get(urlPathEqualTo("/v1/accounts")).withQueryParam("pageToken", absent()).willReturn(okJson("""
                {"accounts": [{"name": "accounts/112233445566778899", "accountName": "Claire Martin", "type": "PERSONAL",
                  "role": "PRIMARY_OWNER", "verificationState": "UNVERIFIED", "vettedState": "NOT_VETTED"}],
                 "nextPageToken": "page-2"}
                """)));
        google.stubFor(get(urlPathEqualTo("/v1/accounts")).withQueryParam("pageToken", equalTo("page-2")).willReturn(okJson("""
                {"accounts": [{"name": "accounts/223344556677889900", "accountName": "Cabinet médical Paul Bert",
                  "type": "LOCATION_GROUP", "role": "MANAGER", "verificationState": "VERIFIED"}]}
                """)));

        var accounts = connector.accounts(TOKEN);

        assertThat(accounts).containsExactly(
                new GoogleBusinessProfileConnector.Account("accounts/112233445566778899", "Claire Martin", "PERSONAL",
                        "PRIMARY_OWNER", "UNVERIFIED"),
                new GoogleBusinessProfileConnector.Account("accounts/223344556677889900", "Cabinet médical Paul Bert",
                        "LOCATION_GROUP", "MANAGER", "VERIFIED"));
        google.verify(2, getRequestedFor(urlPathEqualTo("/v1/accounts")).withQueryParam("pageSize", equalTo("20"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void listsTheLocationsOfAnAccountWithTheirV4Name() throws Exception {
        google.stubFor(get(urlPathEqualTo("/v1/accounts/112233445566778899/locations")).willReturn(okJson("""
                {"locations": [{"name": "locations/998877665544332211", "title": "Dr Claire Martin - Médecin généraliste",
                  "storefrontAddress": {"regionCode": "FR", "postalCode": "69003", "locality": "Lyon", "addressLines": ["12 rue Paul Bert"]},
                  "metadata": {"placeId": "ChIJFAKE-Lyon-Martin-0001", "mapsUri": "https://maps.google.com/maps?cid=1234567890123456789",
                    "newReviewUri": "https://search.google.com/local/writereview?placeid=ChIJFAKE-Lyon-Martin-0001", "hasVoiceOfMerchant": true}}]}
                """)));

        var locations = connector.locations(TOKEN, ACCOUNT);

        assertThat(locations).containsExactly(new GoogleBusinessProfileConnector.Location(ACCOUNT, LOCATION,
                "Dr Claire Martin - Médecin généraliste", "12 rue Paul Bert, 69003 Lyon", "ChIJFAKE-Lyon-Martin-0001",
                "https://maps.google.com/maps?cid=1234567890123456789"));
        assertThat(locations.get(0).reviewsName()).isEqualTo(ACCOUNT + "/" + LOCATION);
        google.verify(getRequestedFor(urlPathEqualTo("/v1/accounts/112233445566778899/locations"))
            .withQueryParam("readMask", equalTo("name,title,storefrontAddress,metadata"))
            .withQueryParam("pageSize", equalTo("100"))
            .withQueryParam("pageToken", absent())
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aReplyOverFourThousandNinetySixBytesIsRefusedBeforeAnyCall() {
        var reply = "é".repeat(2049); // 2,049 characters, 4,098 bytes

        var failure = failure(() -> replies.updateReply(TOKEN, REVIEW_NAME, reply));

        assertThat(failure.kind()).isEqualTo(Kind.SETTINGS);
        assertThat(failure.getMessage()).contains("4098 octets").contains("4096");
        google.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void publishesAReplyAndReturnsItAsGoogleStoresIt() throws Exception {
        var comment = "Bonjour, nous sommes désolés de l'attente. N'hésitez pas à contacter le secrétariat.";
        google.stubFor(put(urlEqualTo("/v4/" + REVIEW_NAME + "/reply")).willReturn(okJson("""
                {"comment": "Bonjour, nous sommes désolés de l'attente. N'hésitez pas à contacter le secrétariat.", "updateTime": "2026-02-22T10:01:44.301Z", "reviewReplyState": "PENDING"}
                """)));
        google.stubFor(get(urlEqualTo("/v4/" + REVIEW_NAME)).willReturn(okJson(reviewWithReply(comment))));

        var reply = replies.updateReply(TOKEN, REVIEW_NAME, comment);

        assertThat(reply).isEqualTo(
                new GoogleReplies.Reply(comment, Instant.parse("2026-02-22T10:01:44.301Z"), "PENDING", null));
        google.verify(putRequestedFor(urlEqualTo("/v4/" + REVIEW_NAME + "/reply"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(equalToJson("{\"comment\": \"" + comment + "\"}")));
        google.verify(getRequestedFor(urlEqualTo("/v4/" + REVIEW_NAME)).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aReplyOfExactlyFourThousandNinetySixBytesIsSent() throws Exception {
        var comment = "é".repeat(2048);
        google.stubFor(put(urlEqualTo("/v4/" + REVIEW_NAME + "/reply")).willReturn(okJson("{}")));
        google.stubFor(get(urlEqualTo("/v4/" + REVIEW_NAME)).willReturn(okJson(reviewWithReply(comment))));

        assertThat(replies.updateReply(TOKEN, REVIEW_NAME, comment).comment()).isEqualTo(comment);
    }

    @Test
    void aReplyReadBackDifferentIsDetected() {
        google.stubFor(put(urlEqualTo("/v4/" + REVIEW_NAME + "/reply")).willReturn(okJson("{}")));
        google.stubFor(get(urlEqualTo("/v4/" + REVIEW_NAME)).willReturn(okJson(reviewWithReply("Merci pour votre message."))));

        var failure = failure(() -> replies.updateReply(TOKEN, REVIEW_NAME, "Merci, nous transmettons au secrétariat."));

        assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("la réponse lue en retour diffère : ")
            .contains("« Merci pour votre message. »");
    }

    @Test
    void deletesAReplyAndChecksItIsGone() throws Exception {
        google.stubFor(delete(urlEqualTo("/v4/" + REVIEW_NAME + "/reply")).willReturn(okJson("{}")));
        google.stubFor(get(urlEqualTo("/v4/" + REVIEW_NAME)).willReturn(okJson("""
                {"name": "%s", "reviewId": "AbFvOqnY7dTest02", "reviewer": {"isAnonymous": true}, "starRating": "TWO",
                 "createTime": "2026-02-20T18:02:03Z", "updateTime": "2026-02-21T07:45:00Z"}
                """.formatted(REVIEW_NAME))));

        replies.deleteReply(TOKEN, REVIEW_NAME);

        google.verify(deleteRequestedFor(urlEqualTo("/v4/" + REVIEW_NAME + "/reply"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aReplyStillThereAfterDeletionIsDetected() {
        google.stubFor(delete(urlEqualTo("/v4/" + REVIEW_NAME + "/reply")).willReturn(okJson("{}")));
        google.stubFor(get(urlEqualTo("/v4/" + REVIEW_NAME)).willReturn(okJson(reviewWithReply("Merci pour votre message."))));

        assertThat(failure(() -> replies.deleteReply(TOKEN, REVIEW_NAME))).hasMessageContaining("toujours en ligne");
    }

    @Test
    void aReplyToAReviewNotNamedInFullIsRefused() {
        assertThat(failure(() -> replies.updateReply(TOKEN, "reviews/AbFvOqnY7dTest02", "Merci.")).kind())
            .isEqualTo(Kind.SETTINGS);
        google.verify(0, anyRequestedFor(anyUrl()));
    }

    static String reviewWithReply(String comment) {
        return """
                {"name": "%s", "reviewId": "AbFvOqnY7dTest02", "reviewer": {"isAnonymous": true}, "starRating": "TWO",
                 "createTime": "2026-02-20T18:02:03Z", "updateTime": "2026-02-21T07:45:00Z",
                 "reviewReply": {"comment": "%s", "updateTime": "2026-02-22T10:01:44.301Z", "reviewReplyState": "PENDING"}}
                """.formatted(REVIEW_NAME, comment);
    }

    @FunctionalInterface
    interface Call {

        void run() throws Exception;

    }

    static ConnectorException failure(Call call) {
        var failure = catchThrowableOfType(ConnectorException.class, call::run);
        assertThat(failure).as("ConnectorException attendue").isNotNull();
        return failure;
    }

}
