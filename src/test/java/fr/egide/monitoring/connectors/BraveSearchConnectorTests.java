package fr.egide.monitoring.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BraveSearchConnectorTests {

    @RegisterExtension
    static WireMockExtension brave = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    static final String PATH = "/res/v1/web/search";

    static final String KEY = "BSA-cle-fictive-0000";

    /** The response shape of CONNECTORS.md §3, verbatim. */
    static final String DOCUMENTED = """
            {"type": "search",
             "query": {"original": "\\"Claire Martin\\" médecin Lyon", "more_results_available": true},
             "web": {"type": "search", "family_friendly": true, "results": [{
               "type": "search_result", "subtype": "generic",
               "title": "Dr Claire Martin, médecin généraliste à Lyon", "url": "https://annuaire-exemple.fr/dr-claire-martin-lyon",
               "description": "Cabinet 12 rue Paul <strong>Bert</strong>, Lyon 3e…", "language": "fr", "is_live": false,
               "age": "2 weeks ago", "page_age": "2026-02-20T10:00:00",
               "meta_url": {"scheme": "https", "netloc": "annuaire-exemple.fr", "hostname": "annuaire-exemple.fr", "favicon": "https://imgs.search.brave.com/FAKE", "path": "› dr-claire-martin-lyon"}}]}}
            """;

    private final BraveSearchConnector connector = connector(Duration.ofSeconds(5));

    /** WireMock's first answers can take longer than the 500 ms of the time-out test: only that test uses it. */
    static BraveSearchConnector connector(Duration timeout) {
        return new BraveSearchConnector(URI.create(brave.baseUrl()), HttpClient.newHttpClient(), CLOCK, timeout);
    }

    static FetchRequest request(String cursor, Map<String, String> settings, String... variants) {
        return new FetchRequest(settings, cursor, List.of(variants), null);
    }

    static FetchRequest claireMartin(String cursor) {
        return request(cursor, Map.of("apiKey", KEY, "extra", "médecin Lyon"), "Claire Martin");
    }

    static String page(int first, int count, boolean more) {
        var results = IntStream.range(first, first + count)
            .mapToObj(i -> """
                    {"type": "search_result", "subtype": "generic", "title": "Résultat %d",
                     "url": "https://www.exemple-%d.fr/claire-martin", "description": "Claire Martin", "language": "fr",
                     "is_live": false, "meta_url": {"scheme": "https", "netloc": "www.exemple-%d.fr", "hostname": "www.exemple-%d.fr",
                     "favicon": "https://imgs.search.brave.com/FAKE", "path": "› claire-martin"}}
                    """.formatted(i, i, i, i))
            .collect(Collectors.joining(","));
        return """
                {"type": "search", "query": {"original": "q", "more_results_available": %s},
                 "web": {"type": "search", "family_friendly": true, "results": [%s]}}
                """.formatted(more, results);
    }

    @Test
    void readsTheDocumentedResponseWithTheKeyAndFrenchParameters() throws Exception {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(DOCUMENTED)
            .withHeader("X-RateLimit-Limit", "1, 15000")
            .withHeader("X-RateLimit-Policy", "1;w=1, 15000;w=2592000")
            .withHeader("X-RateLimit-Remaining", "0, 14321")
            .withHeader("X-RateLimit-Reset", "1, 1728000")));

        var result = connector.fetch(claireMartin(null));

        brave.verify(getRequestedFor(urlPathEqualTo(PATH)).withHeader("X-Subscription-Token", equalTo(KEY))
            .withHeader("Accept", equalTo("application/json"))
            .withQueryParam("q", equalTo("\"Claire Martin\" médecin Lyon"))
            .withQueryParam("country", equalTo("FR"))
            .withQueryParam("search_lang", equalTo("fr"))
            .withQueryParam("count", equalTo("20"))
            .withQueryParam("offset", equalTo("0"))
            .withQueryParam("freshness", absent()));
        assertThat(connector.kind()).isEqualTo("RECHERCHE_BRAVE");
        assertThat(result.completeListing()).isFalse();
        // One call a second is the per-second window at 0: normal, not a warning.
        assertThat(result.warnings()).isEmpty();
        assertThat(result.items()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo("https://annuaire-exemple.fr/dr-claire-martin-lyon");
            assertThat(item.text()).isEqualTo("Dr Claire Martin, médecin généraliste à Lyon\nCabinet 12 rue Paul Bert, Lyon 3e…");
            assertThat(item.language()).isEqualTo("fr");
            assertThat(item.publishedRaw()).isEqualTo("2 weeks ago");
            assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-02-20T09:00:00Z"));
            assertThat(item.attributes()).containsEntry("position", "1")
                .containsEntry("premierePage", "oui")
                .containsEntry("moteurs", "brave")
                .containsEntry("requete", "\"Claire Martin\" médecin Lyon")
                .containsEntry("titre", "Dr Claire Martin, médecin généraliste à Lyon")
                .containsEntry("classement", "PRO")
                .containsEntry("raisonClassement", "annuaire de praticiens (règle domaine « annuaire-exemple.fr »)");
            assertThat(item.raw()).contains("\"meta_url\"").contains("\"page_age\":\"2026-02-20T10:00:00\"");
        });
        assertThat(result.nextCursor()).isEqualTo("0:1:1");
    }

    @Test
    void theTimeRangeBecomesBraveFreshness() throws Exception {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(DOCUMENTED)));

        connector.fetch(request(null, Map.of("apiKey", KEY, "timeRange", "week"), "Claire Martin"));

        brave.verify(getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("freshness", equalTo("pw")));
    }

    @Test
    void theTopResultsAreTheFirstTwoOffsetsThenTheNextVariant() throws Exception {
        brave.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("offset", equalTo("0")).willReturn(okJson(page(1, 20, true))));
        brave.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("offset", equalTo("1")).willReturn(okJson(page(21, 20, true))));
        var settings = Map.of("apiKey", KEY);

        var first = connector.fetch(request(null, settings, "Dr Claire Martin", "Claire Martin"));
        var second = connector.fetch(request(first.nextCursor(), settings, "Dr Claire Martin", "Claire Martin"));
        var third = connector.fetch(request(second.nextCursor(), settings, "Dr Claire Martin", "Claire Martin"));
        var fourth = connector.fetch(request(third.nextCursor(), settings, "Dr Claire Martin", "Claire Martin"));

        assertThat(first.nextCursor()).isEqualTo("0:1:20");
        assertThat(first.items().get(9).attributes()).containsEntry("premierePage", "oui");
        assertThat(first.items().get(10).attributes()).containsEntry("premierePage", "non");
        assertThat(second.items().get(0).attributes()).containsEntry("position", "21");
        assertThat(second.items().get(19).attributes()).containsEntry("position", "40");
        // More available, but the watch stops at the top results.
        assertThat(second.nextCursor()).isEqualTo("1:0:0");
        assertThat(third.items().get(0).attributes()).containsEntry("position", "1").containsEntry("requete", "\"Claire Martin\"");
        assertThat(fourth.nextCursor()).isNull();
        brave.verify(4, getRequestedFor(urlPathEqualTo(PATH)));
        brave.verify(2, getRequestedFor(urlPathEqualTo(PATH)).withQueryParam("offset", equalTo("1")));
    }

    @Test
    void noMoreResultsEndsTheVariant() throws Exception {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(page(1, 4, false))));

        var result = connector.fetch(claireMartin(null));

        assertThat(result.items()).hasSize(4);
        assertThat(result.nextCursor()).isNull();
    }

    @Test
    void nothingFoundHasNoWebSection() throws Exception {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"type": "search", "query": {"original": "\\"Claire Martin\\" médecin Lyon", "more_results_available": false}}
                """)));

        var result = connector.fetch(claireMartin(null));

        assertThat(result.items()).isEmpty();
        assertThat(result.nextCursor()).isNull();
    }

    @Test
    void theSamePageTwiceIsOneResult() throws Exception {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("""
                {"type": "search", "query": {"original": "q", "more_results_available": false},
                 "web": {"type": "search", "results": [
                   {"title": "Dr Claire Martin", "url": "https://www.Exemple-Presse.fr/lyon/?utm_source=brave#haut", "description": "Cabinet"},
                   {"title": "Dr Claire Martin", "url": "https://www.exemple-presse.fr/lyon", "description": "Cabinet"}]}}
                """)));

        var result = connector.fetch(claireMartin(null));

        assertThat(result.items()).singleElement()
            .satisfies(item -> assertThat(item.externalId()).isEqualTo("https://www.exemple-presse.fr/lyon"));
    }

    @Test
    void theMonthsQuotaUsedUpIsAWarning() throws Exception {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(DOCUMENTED)
            .withHeader("X-RateLimit-Remaining", "0, 0")
            .withHeader("X-RateLimit-Reset", "1, 259200")));

        var result = connector.fetch(claireMartin(null));

        assertThat(result.items()).hasSize(1);
        assertThat(result.warnings()).containsExactly(
                "quota mensuel de Brave Search épuisé : les prochaines recherches seront refusées pendant encore 3 j.");
    }

    @Test
    void tooManyRequestsWaitsForRetryAfter() {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
            .withHeader("X-RateLimit-Remaining", "0, 0").withHeader("X-RateLimit-Reset", "1, 259200")));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
            assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
    }

    @Test
    void withoutRetryAfterTheExhaustedWindowsResetDecides() {
        brave.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("offset", equalTo("0")).willReturn(aResponse().withStatus(429)
            .withHeader("X-RateLimit-Remaining", "0, 0").withHeader("X-RateLimit-Reset", "1, 1209600")));
        brave.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("offset", equalTo("1")).willReturn(aResponse().withStatus(429)
            .withHeader("X-RateLimit-Remaining", "0, 8000").withHeader("X-RateLimit-Reset", "1, 1209600")));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
            assertThat(ex.retryAfter()).isEqualTo(Duration.ofDays(14));
            assertThat(ex.getMessage()).isEqualTo("quota mensuel de Brave Search épuisé (429), nouvel essai dans 14 j.");
        });
        assertThatThrownBy(() -> connector.fetch(claireMartin("0:1:20"))).isInstanceOfSatisfying(ConnectorException.class, ex -> {
            assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            assertThat(ex.getMessage()).isEqualTo("Brave Search demande de ralentir (429), nouvel essai dans 1 s.");
        });
    }

    @Test
    void aRefusedKeyIsASettingToFix() {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
            .withBody("""
                    {"type": "ErrorResponse", "error": {"id": "00000000-0000", "status": 422,
                     "code": "SUBSCRIPTION_TOKEN_INVALID", "detail": "The provided subscription token is invalid."}}
                    """)));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.SETTINGS);
            assertThat(ex.getMessage()).contains("SUBSCRIPTION_TOKEN_INVALID").contains("vérifiez la clé");
        });
    }

    @Test
    void aMissingKeyStopsBeforeAnyCall() {
        assertThatThrownBy(() -> connector.fetch(request(null, Map.of("extra", "médecin"), "Claire Martin")))
            .isInstanceOfSatisfying(ConnectorException.class, ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.SETTINGS));
        brave.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aServerErrorIsRetriedLater() {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
            assertThat(ex.getMessage()).isEqualTo("Brave Search est en panne (HTTP 500) : nouvel essai plus tard.");
        });
    }

    @Test
    void anUnreadableAnswerIsMalformed() {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson("{\"type\": \"search\", \"web\": {\"results\": [")));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class,
                ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
    }

    @Test
    void aSlowAnswerIsUnavailable() {
        brave.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(DOCUMENTED).withFixedDelay(1500)));

        assertThatThrownBy(() -> connector(Duration.ofMillis(500)).fetch(claireMartin(null)))
            .isInstanceOfSatisfying(ConnectorException.class, ex -> {
                assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
                assertThat(ex.getMessage()).isEqualTo("Brave Search n'a pas répondu en 500 ms : nouvel essai plus tard.");
            });
    }

}
