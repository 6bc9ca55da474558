package fr.egide.monitoring.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static fr.egide.monitoring.connectors.GoogleBusinessProfileConnectorTests.failure;
import static fr.egide.monitoring.connectors.GoogleBusinessProfileConnectorTests.http;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.egide.monitoring.connectors.ConnectorException.Kind;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GooglePlacesConnectorTests {

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final String KEY = "AIzaSyFAKE-cle-de-test";

    static final String PLACE = "/v1/places/ChIJFAKE-Lyon-Martin-0001";

    static final String DETAILS = """
            {
              "id": "ChIJFAKE-Lyon-Martin-0001",
              "displayName": {"text": "Dr Claire Martin - Médecin généraliste", "languageCode": "fr"},
              "rating": 4.3, "userRatingCount": 57,
              "googleMapsUri": "https://maps.google.com/?cid=1234567890123456789",
              "reviews": [{
                "name": "places/ChIJFAKE-Lyon-Martin-0001/reviews/ChZDSUhNMG9nS0VJQ0FnSUNGAKE",
                "relativePublishTimeDescription": "il y a 2 semaines",
                "rating": 5,
                "text": {"text": "Très à l'écoute, explications claires.", "languageCode": "fr"},
                "originalText": {"text": "Très à l'écoute, explications claires.", "languageCode": "fr"},
                "authorAttribution": {"displayName": "Julien Moreau", "uri": "https://www.google.com/maps/contrib/109876543210987654321/reviews", "photoUri": "https://lh3.googleusercontent.com/a-/ALV-FAKE=s128-c0x00000000-cc-rp-mo"},
                "publishTime": "2026-02-14T17:03:51.118Z",
                "flagContentUri": "https://www.google.com/local/review/rap/report?postId=FAKE",
                "googleMapsUri": "https://www.google.com/maps/reviews/data=!4m6!14m5!1m4!2m3!1sFAKE"
              }, {
                "name": "places/ChIJFAKE-Lyon-Martin-0001/reviews/ChZDSUhNMG9nS0VJQ0FnSUNFAKE2",
                "relativePublishTimeDescription": "il y a un mois",
                "rating": 2,
                "text": {"text": "Longue attente, mais médecin compétente.", "languageCode": "fr"},
                "originalText": {"text": "Long wait, but a competent doctor.", "languageCode": "en"},
                "authorAttribution": {"displayName": "Emma Laurent"},
                "publishTime": "2026-02-01T08:15:00Z",
                "visitDate": {"year": 2026, "month": 1}
              }]
            }
            """;

    GooglePlacesConnector connector;

    @BeforeEach
    void connect() {
        connector = new GooglePlacesConnector(URI.create(google.baseUrl()), http(Duration.ofSeconds(5)));
    }

    static FetchRequest request() {
        return new FetchRequest(Map.of("placeId", "ChIJFAKE-Lyon-Martin-0001", "apiKey", KEY), null,
                List.of("Dr Claire Martin"), null);
    }

    @Test
    void readsTheFiveMostRelevantReviewsAndSaysTheListingIsPartial() throws Exception {
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(okJson(DETAILS)));

        var page = connector.fetch(request());

        assertThat(page.completeListing()).isFalse();
        assertThat(page.nextCursor()).isNull();
        assertThat(page.warnings()).containsExactly(
                "Google Places ne donne que 5 avis, les plus pertinents, sans historique : une absence n'est pas une suppression.");
        assertThat(page.check()).containsEntry("noteMoyenne", "4.3").containsEntry("nombreAvis", "57");
        var review = page.items().get(0);
        assertThat(review.externalId()).isEqualTo("places/ChIJFAKE-Lyon-Martin-0001/reviews/ChZDSUhNMG9nS0VJQ0FnSUNGAKE");
        assertThat(review.author()).isEqualTo("Julien Moreau");
        assertThat(review.rating()).isEqualTo(5);
        assertThat(review.text()).isEqualTo("Très à l'écoute, explications claires.");
        assertThat(review.originalText()).isNull();
        assertThat(review.language()).isEqualTo("fr");
        assertThat(review.publishedRaw()).isEqualTo("il y a 2 semaines");
        assertThat(review.publishedAt()).isEqualTo(Instant.parse("2026-02-14T17:03:51.118Z"));
        assertThat(review.url()).isEqualTo("https://www.google.com/maps/reviews/data=!4m6!14m5!1m4!2m3!1sFAKE");
        assertThat(review.attributes()).containsEntry("signalerUrl", "https://www.google.com/local/review/rap/report?postId=FAKE");
        assertThat(review.raw()).contains("\"name\":\"places/ChIJFAKE-Lyon-Martin-0001/reviews/ChZDSUhNMG9nS0VJQ0FnSUNGAKE\"");
        google.verify(getRequestedFor(urlEqualTo(PLACE + "?languageCode=fr&regionCode=FR"))
            .withHeader("X-Goog-Api-Key", equalTo(KEY))
            .withHeader("X-Goog-FieldMask", equalTo("id,displayName,rating,userRatingCount,googleMapsUri,reviews"))
            .withHeader("Accept-Language", equalTo("fr-FR")));
    }

    @Test
    void aTranslatedReviewKeepsTheOriginalWhenItDiffers() throws Exception {
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(okJson(DETAILS)));

        var review = connector.fetch(request()).items().get(1);

        assertThat(review.text()).isEqualTo("Longue attente, mais médecin compétente.");
        assertThat(review.originalText()).isEqualTo("Long wait, but a competent doctor.");
        assertThat(review.attributes()).containsEntry("langueOriginale", "en").containsEntry("visite", "2026-01");
        assertThat(review.rating()).isEqualTo(2);
    }

    @Test
    void aPlaceWithoutReviewsStillWarns() throws Exception {
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(okJson("{\"id\": \"ChIJFAKE-Lyon-Martin-0001\"}")));

        var page = connector.fetch(request());

        assertThat(page.items()).isEmpty();
        assertThat(page.warnings()).hasSize(1);
    }

    @Test
    void refusesMissingSettingsWithoutCallingGoogle() {
        assertThat(failure(() -> connector.fetch(new FetchRequest(Map.of("placeId", "ChIJFAKE"), null, List.of(), null))))
            .hasMessageContaining("apiKey")
            .satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.SETTINGS));
        assertThat(failure(() -> connector.fetch(new FetchRequest(Map.of("apiKey", KEY), null, List.of(), null))))
            .hasMessageContaining("placeId")
            .satisfies(ex -> assertThat(ex.kind()).isEqualTo(Kind.SETTINGS));
        google.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anInvalidKeyIsASettingsProblemQuotingGoogle() {
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT"}}
                    """)));

        var failure = failure(() -> connector.fetch(request()));

        assertThat(failure.kind()).isEqualTo(Kind.SETTINGS);
        assertThat(failure.getMessage()).contains("INVALID_ARGUMENT : API key not valid.");
    }

    @Test
    void aRefusedKeyIsForbidden() {
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(aResponse().withStatus(403)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"error": {"code": 403, "message": "Places API (New) has not been used in project 123456 before or it is disabled.", "status": "PERMISSION_DENIED"}}
                    """)));

        var failure = failure(() -> connector.fetch(request()));

        assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(failure.getMessage()).contains("PERMISSION_DENIED");
    }

    @Test
    void anUnknownPlaceIsNotFound() {
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\": {\"code\": 404, \"message\": \"Place not found.\", \"status\": \"NOT_FOUND\"}}")));

        assertThat(failure(() -> connector.fetch(request())).kind()).isEqualTo(Kind.NOT_FOUND);
    }

    @Test
    void aRateLimitWaitsAsAsked() {
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        var failure = failure(() -> connector.fetch(request()));

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void serverErrorsMalformedAnswersAndTimeOutsAreRetriedLater() {
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(aResponse().withStatus(503)));
        assertThat(failure(() -> connector.fetch(request())).kind()).isEqualTo(Kind.UNAVAILABLE);

        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(okJson("<html>Erreur</html>")));
        assertThat(failure(() -> connector.fetch(request())).kind()).isEqualTo(Kind.MALFORMED);

        var impatient = new GooglePlacesConnector(URI.create(google.baseUrl()), http(Duration.ofMillis(500)));
        google.stubFor(get(urlPathEqualTo(PLACE)).willReturn(okJson(DETAILS).withFixedDelay(2000)));
        assertThat(failure(() -> impatient.fetch(request())).kind()).isEqualTo(Kind.UNAVAILABLE);
    }

    @Test
    void searchesPlacesByTextForTheUserToPick() throws Exception {
        google.stubFor(post(urlEqualTo("/v1/places:searchText")).willReturn(okJson("""
                {"places": [
                  {"id": "ChIJFAKE-Lyon-Martin-0001", "formattedAddress": "12 Rue Paul Bert, 69003 Lyon, France",
                   "displayName": {"text": "Dr Claire Martin - Médecin généraliste", "languageCode": "fr"}},
                  {"id": "ChIJFAKE-Lyon-Martin-0002", "formattedAddress": "4 Place Bellecour, 69002 Lyon, France",
                   "displayName": {"text": "Cabinet médical Bellecour", "languageCode": "fr"}}]}
                """)));

        var candidates = connector.search(KEY, "Dr Claire Martin médecin généraliste Lyon");

        assertThat(candidates).containsExactly(
                new GooglePlacesConnector.Candidate("ChIJFAKE-Lyon-Martin-0001", "Dr Claire Martin - Médecin généraliste",
                        "12 Rue Paul Bert, 69003 Lyon, France"),
                new GooglePlacesConnector.Candidate("ChIJFAKE-Lyon-Martin-0002", "Cabinet médical Bellecour",
                        "4 Place Bellecour, 69002 Lyon, France"));
        google.verify(postRequestedFor(urlEqualTo("/v1/places:searchText"))
            .withHeader("X-Goog-Api-Key", equalTo(KEY))
            .withHeader("X-Goog-FieldMask", equalTo("places.id,places.displayName,places.formattedAddress"))
            .withRequestBody(equalToJson("""
                    {"textQuery": "Dr Claire Martin médecin généraliste Lyon", "languageCode": "fr", "regionCode": "FR"}
                    """)));
    }

    @Test
    void aSearchWithoutResultsIsEmpty() throws Exception {
        google.stubFor(post(urlEqualTo("/v1/places:searchText")).willReturn(okJson("{}")));

        assertThat(connector.search(KEY, "Dr Zoé Inexistante Quimper")).isEmpty();
    }

}
