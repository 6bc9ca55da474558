package fr.egide.monitoring.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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

class SearxngConnectorTests {

    @RegisterExtension
    static WireMockExtension searxng = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);

    static final String QUERY = "\"Claire Martin\" médecin Lyon";

    /** The response shape of CONNECTORS.md §3, verbatim. */
    static final String DOCUMENTED = """
            {
              "query": "\\"Claire Martin\\" médecin Lyon",
              "number_of_results": 0,
              "results": [{
                "url": "https://forum.exemple-sante.fr/t/avis-dr-martin-lyon-3/4812",
                "title": "Avis Dr Martin Lyon 3e ? - Forum Santé",
                "content": "Quelqu'un connaît le Dr Claire Martin, généraliste rue Paul Bert ?",
                "publishedDate": "2026-02-28T00:00:00",
                "thumbnail": null, "img_src": "", "iframe_src": null,
                "engine": "duckduckgo", "engines": ["duckduckgo", "brave"], "positions": [3, 5],
                "parsed_url": ["https", "forum.exemple-sante.fr", "/t/avis-dr-martin-lyon-3/4812", "", "", ""],
                "template": "default.html", "priority": "", "score": 1.15, "category": "general"
              }],
              "answers": [], "corrections": [], "infoboxes": [], "suggestions": [],
              "unresponsive_engines": [["google", "CAPTCHA"]]
            }
            """;

    private final SearxngConnector connector = connector(Duration.ofSeconds(5));

    /** WireMock's first answers can take longer than the 500 ms of the time-out test: only that test uses it. */
    static SearxngConnector connector(Duration timeout) {
        return new SearxngConnector(URI.create(searxng.baseUrl()), new ConnectorHttp(HttpClient.newHttpClient(), CLOCK, timeout));
    }

    static FetchRequest request(String cursor, Map<String, String> settings, String... variants) {
        return new FetchRequest(settings, cursor, List.of(variants), null);
    }

    static FetchRequest claireMartin(String cursor) {
        return request(cursor, Map.of("extra", "médecin Lyon"), "Claire Martin");
    }

    /** A page of SearXNG results numbered from {@code first}, as the instance returns them. */
    static String page(int first, int count) {
        var results = IntStream.range(first, first + count)
            .mapToObj(i -> """
                    {"url": "https://www.exemple-%d.fr/claire-martin", "title": "Résultat %d", "content": "Claire Martin",
                     "publishedDate": null, "engine": "duckduckgo", "engines": ["duckduckgo"], "positions": [%d],
                     "parsed_url": ["https", "www.exemple-%d.fr", "/claire-martin", "", "", ""],
                     "template": "default.html", "priority": "", "score": 1.0, "category": "general"}
                    """.formatted(i, i, i, i))
            .collect(Collectors.joining(","));
        return """
                {"query": "x", "number_of_results": 0, "results": [%s], "answers": [], "corrections": [],
                 "infoboxes": [], "suggestions": [], "unresponsive_engines": []}
                """.formatted(results);
    }

    @Test
    void readsTheDocumentedResponseAndAsksForJsonInFrench() throws Exception {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(DOCUMENTED)));

        var result = connector.fetch(request(null, Map.of("extra", "médecin Lyon", "timeRange", "month"), "Claire Martin"));

        searxng.verify(getRequestedFor(urlPathEqualTo("/search")).withQueryParam("q", equalTo(QUERY))
            .withQueryParam("format", equalTo("json"))
            .withQueryParam("language", equalTo("fr"))
            .withQueryParam("pageno", equalTo("1"))
            .withQueryParam("categories", equalTo("general"))
            .withQueryParam("time_range", equalTo("month")));
        assertThat(connector.kind()).isEqualTo("RECHERCHE");
        assertThat(result.completeListing()).isFalse();
        assertThat(result.items()).singleElement().satisfies(item -> {
            assertThat(item.externalId()).isEqualTo("https://forum.exemple-sante.fr/t/avis-dr-martin-lyon-3/4812");
            assertThat(item.url()).isEqualTo("https://forum.exemple-sante.fr/t/avis-dr-martin-lyon-3/4812");
            assertThat(item.text()).isEqualTo("Avis Dr Martin Lyon 3e ? - Forum Santé\n"
                    + "Quelqu'un connaît le Dr Claire Martin, généraliste rue Paul Bert ?");
            assertThat(item.publishedRaw()).isEqualTo("2026-02-28T00:00:00");
            // No zone given: read in Paris (UTC+1 in February).
            assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-02-27T23:00:00Z"));
            assertThat(item.rating()).isNull();
            assertThat(item.attributes()).containsEntry("position", "1")
                .containsEntry("premierePage", "oui")
                .containsEntry("moteurs", "duckduckgo, brave")
                .containsEntry("requete", QUERY)
                .containsEntry("titre", "Avis Dr Martin Lyon 3e ? - Forum Santé")
                .containsEntry("classement", "PRO")
                .containsEntry("raisonClassement", "spécialité exercée (règle mot « generaliste|pediatre|dermatologue|"
                        + "gynecologue|ophtalmologue|kinesitherapeute|chirurgien dentiste|infirmiere liberale|sage femme »)");
            assertThat(item.raw()).contains("\"parsed_url\"").contains("\"score\":1.15");
        });
        assertThat(result.warnings()).containsExactly("moteur google indisponible : CAPTCHA — résultats partiels");
        assertThat(result.nextCursor()).isEqualTo("0:2:1");
    }

    @Test
    void aNullDateLeavesTheItemUndatedAndHtmlIsStripped() throws Exception {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson("""
                {"query": "\\"Claire Martin\\"", "number_of_results": 0, "results": [{
                  "url": "https://www.strava.com/athletes/00000000",
                  "title": "<b>Claire</b> Martin &amp; son club",
                  "content": "Sortie vélo de <span class=\\"highlight\\">Claire Martin</span> &ndash; 42 km",
                  "publishedDate": null, "thumbnail": null, "engine": "brave", "engines": ["brave"], "positions": [1],
                  "template": "default.html", "priority": "", "score": 1.0, "category": "general"}],
                 "answers": [], "corrections": [], "infoboxes": [], "suggestions": [], "unresponsive_engines": []}
                """)));

        var result = connector.fetch(request(null, Map.of(), "Claire Martin"));

        searxng.verify(getRequestedFor(urlPathEqualTo("/search")).withQueryParam("q", equalTo("\"Claire Martin\"")));
        assertThat(result.warnings()).isEmpty();
        assertThat(result.items()).singleElement().satisfies(item -> {
            assertThat(item.publishedAt()).isNull();
            assertThat(item.publishedRaw()).isNull();
            assertThat(item.text()).isEqualTo("Claire Martin & son club\nSortie vélo de Claire Martin – 42 km");
            assertThat(item.attributes()).containsEntry("titre", "Claire Martin & son club")
                .containsEntry("moteurs", "brave")
                .containsEntry("classement", "PERSO");
        });
    }

    @Test
    void positionsRunOnAcrossTheTwoPagesThenTheNextVariant() throws Exception {
        searxng.stubFor(get(urlPathEqualTo("/search")).withQueryParam("pageno", equalTo("1")).willReturn(okJson(page(1, 12))));
        searxng.stubFor(get(urlPathEqualTo("/search")).withQueryParam("pageno", equalTo("2")).willReturn(okJson(page(13, 9))));
        var variants = new String[] { "Dr Claire Martin", "Claire Martin" };

        var first = connector.fetch(request(null, Map.of(), variants));
        var second = connector.fetch(request(first.nextCursor(), Map.of(), variants));
        var third = connector.fetch(request(second.nextCursor(), Map.of(), variants));
        var fourth = connector.fetch(request(third.nextCursor(), Map.of(), variants));

        assertThat(first.items()).hasSize(12);
        assertThat(first.items().get(9).attributes()).containsEntry("position", "10").containsEntry("premierePage", "oui");
        assertThat(first.items().get(10).attributes()).containsEntry("position", "11").containsEntry("premierePage", "non");
        assertThat(first.nextCursor()).isEqualTo("0:2:12");
        assertThat(second.items()).extracting(item -> item.attributes().get("position"))
            .containsExactly("13", "14", "15", "16", "17", "18", "19", "20", "21");
        assertThat(second.items().get(0).externalId()).isEqualTo("https://www.exemple-13.fr/claire-martin");
        assertThat(second.items()).allSatisfy(item -> assertThat(item.attributes()).containsEntry("premierePage", "non"));
        assertThat(second.nextCursor()).isEqualTo("1:1:0");
        assertThat(third.items().get(0).attributes()).containsEntry("position", "1")
            .containsEntry("requete", "\"Claire Martin\"");
        assertThat(fourth.nextCursor()).isNull();
        searxng.verify(2, getRequestedFor(urlPathEqualTo("/search")).withQueryParam("q", equalTo("\"Dr Claire Martin\"")));
        searxng.verify(2, getRequestedFor(urlPathEqualTo("/search")).withQueryParam("q", equalTo("\"Claire Martin\"")));
    }

    @Test
    void theSamePageReachedByTrackingLinksIsOneResultAtItsBestRank() throws Exception {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson("""
                {"query": "q", "number_of_results": 0, "results": [
                  {"url": "https://WWW.Doctolib.fr/medecin-generaliste/lyon/claire-martin/?utm_source=x&utm_medium=y#avis",
                   "title": "Dr Claire Martin", "content": "Prenez rendez-vous", "publishedDate": null,
                   "engine": "google", "engines": ["google"], "positions": [1]},
                  {"url": "https://www.exemple-presse.fr/lyon", "title": "Presse", "content": "", "publishedDate": null,
                   "engine": "google", "engines": ["google"], "positions": [2]},
                  {"url": "https://www.doctolib.fr/medecin-generaliste/lyon/claire-martin",
                   "title": "Dr Claire Martin", "content": "Prenez rendez-vous", "publishedDate": null,
                   "engine": "bing", "engines": ["bing"], "positions": [3]}],
                 "answers": [], "corrections": [], "infoboxes": [], "suggestions": [], "unresponsive_engines": []}
                """)));

        var result = connector.fetch(claireMartin(null));

        assertThat(result.items()).extracting(FetchedItem::externalId)
            .containsExactly("https://www.doctolib.fr/medecin-generaliste/lyon/claire-martin", "https://www.exemple-presse.fr/lyon");
        assertThat(result.items().get(0).url())
            .isEqualTo("https://WWW.Doctolib.fr/medecin-generaliste/lyon/claire-martin/?utm_source=x&utm_medium=y#avis");
        assertThat(result.items()).extracting(item -> item.attributes().get("position")).containsExactly("1", "2");
        assertThat(result.nextCursor()).isEqualTo("0:2:2");
    }

    @Test
    void urlNormalisationKeepsWhatIdentifiesThePage() {
        assertThat(WebSearch.normaliseUrl("HTTPS://Exemple.FR:443/Avis/?UTM_Campaign=a&page=2&utm_term=b#top"))
            .isEqualTo("https://exemple.fr/Avis?page=2");
        assertThat(WebSearch.normaliseUrl("https://exemple.fr/")).isEqualTo("https://exemple.fr");
        assertThat(WebSearch.normaliseUrl("http://exemple.fr:8080/a")).isEqualTo("http://exemple.fr:8080/a");
    }

    @Test
    void enginesThatDidNotAnswerAreWarningsAndAnEmptyPageIsNotNothingFound() throws Exception {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson("""
                {"query": "\\"Claire Martin\\" médecin Lyon", "number_of_results": 0, "results": [],
                 "answers": [], "corrections": [], "infoboxes": [], "suggestions": [],
                 "unresponsive_engines": [["google", "CAPTCHA"], ["duckduckgo", "timeout"]]}
                """)));

        var result = connector.fetch(claireMartin(null));

        assertThat(result.items()).isEmpty();
        assertThat(result.warnings()).containsExactly("moteur google indisponible : CAPTCHA — résultats partiels",
                "moteur duckduckgo indisponible : timeout — résultats partiels",
                "aucun résultat mais des moteurs n'ont pas répondu : ce n'est pas « rien trouvé »");
        assertThat(result.nextCursor()).isNull();
    }

    @Test
    void anEmptyPageWithAllEnginesAnsweringIsQuiet() throws Exception {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(page(1, 0))));

        var result = connector.fetch(claireMartin(null));

        assertThat(result.items()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void jsonDisabledOnTheInstanceSaysHowToEnableIt() {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(403).withBody("Forbidden")));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.FORBIDDEN);
            assertThat(ex.getMessage())
                .contains("activez le format json dans settings.yml (search.formats: [html, json])");
            assertThat(ex.transientFailure()).isFalse();
        });
    }

    @Test
    void theLimiterAsksToWait() {
        searxng.stubFor(get(urlPathEqualTo("/search"))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120").withBody("Too Many Requests")));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
            assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        });
    }

    @Test
    void aServerErrorIsRetriedLater() {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class,
                ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE));
    }

    @Test
    void unreadableAnswersAreMalformed() {
        searxng.stubFor(get(urlPathEqualTo("/search")).withQueryParam("pageno", equalTo("1"))
            .willReturn(okJson("{\"query\": \"q\", \"results\": [{\"url\": ")));
        searxng.stubFor(get(urlPathEqualTo("/search")).withQueryParam("pageno", equalTo("2"))
            .willReturn(okJson("{\"query\": \"q\", \"number_of_results\": 0}")));

        assertThatThrownBy(() -> connector.fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class,
                ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
        assertThatThrownBy(() -> connector.fetch(claireMartin("0:2:20"))).isInstanceOfSatisfying(ConnectorException.class,
                ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.MALFORMED));
    }

    @Test
    void aSlowInstanceIsUnavailable() {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(DOCUMENTED).withFixedDelay(1500)));

        assertThatThrownBy(() -> connector(Duration.ofMillis(500)).fetch(claireMartin(null))).isInstanceOfSatisfying(ConnectorException.class, ex -> {
            assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
            assertThat(ex.transientFailure()).isTrue();
        });
    }

    @Test
    void settingsAreCheckedBeforeAnyCall() {
        assertThatThrownBy(() -> connector.fetch(request(null, Map.of(), " ", "\"\"")))
            .isInstanceOfSatisfying(ConnectorException.class, ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.SETTINGS));
        assertThatThrownBy(() -> connector.fetch(request(null, Map.of("timeRange", "semaine"), "Claire Martin")))
            .isInstanceOfSatisfying(ConnectorException.class, ex -> {
                assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.SETTINGS);
                assertThat(ex.getMessage()).contains("« semaine »");
            });
        searxng.verify(0, getRequestedFor(urlPathEqualTo("/search")));
    }

    @Test
    void aCursorForVariantsThatNoLongerExistStartsAgain() throws Exception {
        searxng.stubFor(get(urlPathEqualTo("/search")).willReturn(okJson(page(1, 3))));

        var result = connector.fetch(claireMartin("4:2:30"));

        searxng.verify(getRequestedFor(urlPathEqualTo("/search")).withQueryParam("pageno", equalTo("1")));
        assertThat(result.items().get(0).attributes()).containsEntry("position", "1");
    }

}
