package fr.egide.monitoring.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search-engine watch end to end against a fake SearXNG (shapes of CONNECTORS.md, French data): two scans whose
 * positions change and that bring a new result, the stored rows, the page, the API, partial results, and another
 * cabinet's user who finds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchResultsIntegrationTests {

    static final WireMockServer searxng = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        searxng.start();
    }

    @DynamicPropertySource
    static void searxngUrl(DynamicPropertyRegistry registry) {
        registry.add("egide.monitoring.searxng-url", searxng::baseUrl);
    }

    @AfterAll
    static void stop() {
        searxng.stop();
    }

    // The first name variant: the scanner stops at the first empty page (see the report), so only it is searched here.
    static final String QUERY = "\"Dr Claire Martin\" médecin Lyon";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    SourceScanner scanner;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    static String result(String url, String title, String content) {
        return """
                {"url": "%s", "title": "%s", "content": "%s", "publishedDate": null, "engine": "duckduckgo",
                 "engines": ["duckduckgo", "brave"], "positions": [1], "template": "default.html", "score": 1.0, "category": "general"}
                """.formatted(url, title, content);
    }

    static String page(List<String> results, String unresponsive) {
        return """
                {"query": "x", "number_of_results": 0, "results": [%s], "answers": [], "corrections": [], "infoboxes": [],
                 "suggestions": [], "unresponsive_engines": %s}
                """.formatted(String.join(",", results), unresponsive);
    }

    static final String DOCTOLIB = "https://www.doctolib.fr/medecin-generaliste/lyon/claire-martin";
    static final String ANNUAIRE = "https://annuaire.sante.fr/web/site-pro/claire-martin";
    static final String FACEBOOK = "https://www.facebook.com/claire.martin.lyon";
    static final String FORUM = "https://forum.exemple-sante.fr/t/avis-dr-martin-lyon-3/4812";
    static final String STRAVA = "https://www.strava.com/athletes/claire-martin-69";
    static final String ATHLE = "https://www.athle.fr/resultats/semi-marathon-lyon-2025";
    static final String JOURNAL = "https://www.journal-exemple.fr/lyon/sante/nouvelle-maison-de-sante";

    static String r(String url) {
        return switch (url) {
            case DOCTOLIB -> result(url, "Dr Claire Martin, médecin généraliste à Lyon - Doctolib", "Prenez rendez-vous en ligne");
            case ANNUAIRE -> result(url, "Claire Martin - Annuaire Santé", "Médecin généraliste, Lyon 3e");
            case FACEBOOK -> result(url, "Claire Martin | Facebook", "Claire Martin est sur Facebook");
            case FORUM -> result(url, "Avis Dr Martin Lyon 3e ? - Forum Santé", "Quelqu'un connaît le Dr Claire Martin, généraliste ?");
            case STRAVA -> result(url, "Claire Martin | Strava", "Course à pied à Lyon");
            case ATHLE -> result(url, "Semi-marathon de Lyon 2025 : résultats", "Claire Martin, 1 h 52");
            case JOURNAL -> result(url, "Le Dr Claire Martin rejoint la maison de santé", "La maison de santé accueille une généraliste");
            default -> result(url, "Page " + url.replaceAll("\\D", ""), "Claire Martin");
        };
    }

    static String ex(int n) {
        return "https://www.exemple-" + n + ".fr/claire-martin";
    }

    void stub(List<String> urls) {
        searxng.resetAll();
        searxng.stubFor(get(urlPathEqualTo("/search")).atPriority(10).willReturn(okJson(page(List.of(), "[]"))));
        searxng.stubFor(get(urlPathEqualTo("/search")).atPriority(1).withQueryParam("q", equalTo(QUERY))
            .withQueryParam("pageno", equalTo("1"))
            .willReturn(okJson(page(urls.stream().map(SearchResultsIntegrationTests::r).collect(Collectors.toList()), "[]"))));
        searxng.stubFor(get(urlPathEqualTo("/search")).atPriority(1).withQueryParam("q", matching(".*pédiatre$"))
            .willReturn(okJson(page(List.of(), "[[\"google\", \"CAPTCHA\"], [\"duckduckgo\", \"timeout\"]]"))));
    }

    record Cabinet(fr.egide.identity.EgideUser user, UUID id) {
    }

    Cabinet cabinet(String name) {
        var user = TestAccounts.create(context, name);
        TestAccounts.signIn(context, user);
        try {
            var cabinet = practice.createCabinet(new CabinetForm("Cabinet " + UUID.randomUUID(), null, null, null)).id();
            practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Claire", "Martin", Profession.MEDECIN, null, null,
                    List.of(), List.of(), null, null, false));
            return new Cabinet(user, cabinet);
        }
        finally {
            TestAccounts.signOut();
        }
    }

    UUID source(UUID cabinet, String name, String extra) {
        var source = UUID.randomUUID();
        jdbc.sql("insert into monitoring_source (id, cabinet_id, kind, name, settings) values (?, ?, 'RECHERCHE', ?, ?::jsonb)")
            .params(source, cabinet, name, "{\"extra\": \"" + extra + "\"}").update();
        return source;
    }

    HttpResponse<String> api(Cabinet cabinet, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + TestAccounts.token(context, cabinet.user())).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> page(Cabinet cabinet, String path) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        var login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion")).build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]").val();
        browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&email=" + enc(cabinet.user().email())
                    + "&motDePasse=" + enc(TestAccounts.PASSWORD)))
            .build(), HttpResponse.BodyHandlers.ofString());
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void twoScansKeepPositionsDetectNewResultsAndWhatLeftTheFirstPage() throws Exception {
        var cabinet = cabinet("Dr Recherche");
        var source = source(cabinet.id(), "Nom sur SearXNG", "médecin Lyon");
        stub(List.of(DOCTOLIB, ANNUAIRE, FACEBOOK, FORUM, STRAVA, ex(6), ex(7), ex(8), ex(9), ATHLE, ex(11), ex(12)));
        assertThat(scanner.scan(source).status()).isEqualTo("TERMINE");
        var firstScan = jdbc.sql("select id from monitoring_scan where source_id = ?").param(source).query(UUID.class).single();
        stub(List.of(FACEBOOK, JOURNAL, DOCTOLIB, ANNUAIRE, FORUM, STRAVA, ex(6), ex(7), ex(8), ex(9), ATHLE, ex(11)));
        assertThat(scanner.scan(source).status()).isEqualTo("TERMINE");

        var rows = jdbc.sql("""
                select s.started_at, r.url, r.position, r.first_page, r.classement, r.query, r.engines from monitoring_search_result r
                join monitoring_scan s on s.id = r.scan_id where r.source_id = ? order by s.started_at, r.position
                """).param(source).query().listOfRows();
        assertThat(rows).hasSize(24);
        assertThat(rows.get(0)).containsEntry("url", DOCTOLIB).containsEntry("position", 1).containsEntry("first_page", true)
            .containsEntry("classement", "PRO").containsEntry("query", QUERY).containsEntry("engines", "duckduckgo, brave");
        assertThat(rows.get(10)).containsEntry("url", ex(11)).containsEntry("first_page", false);
        assertThat(rows.get(13)).containsEntry("url", JOURNAL).containsEntry("position", 2).containsEntry("first_page", true);
        assertThat(rows.get(12)).containsEntry("url", FACEBOOK).containsEntry("classement", "PERSO");

        var latest = json.readTree(api(cabinet, "/api/v1/watched-sources/" + source + "/search-results").body());
        assertThat(latest.get("scan").get("partial").asBoolean()).isFalse();
        var changes = new java.util.HashMap<String, String>();
        latest.get("results").forEach(r -> changes.put(r.get("url").asString(), r.get("change").asString() + ":" + r.get("previousPosition")));
        assertThat(changes).containsEntry(JOURNAL, "NOUVEAU:null").containsEntry(FACEBOOK, "HAUSSE:3")
            .containsEntry(DOCTOLIB, "BAISSE:1").containsEntry(FORUM, "BAISSE:4");
        assertThat(latest.get("leftFirstPage")).singleElement().satisfies(d -> {
            assertThat(d.get("url").asString()).isEqualTo(ATHLE);
            assertThat(d.get("previousPosition").asInt()).isEqualTo(10);
            assertThat(d.get("position").asInt()).isEqualTo(11);
        });
        var first = json.readTree(api(cabinet, "/api/v1/watched-sources/" + source + "/search-results?scan=" + firstScan).body());
        assertThat(first.get("results").get(0).get("change").asString()).isEqualTo("PREMIER_RELEVE");
        var history = json.readTree(api(cabinet, "/api/v1/watched-sources/" + source + "/search-results/history?url=" + enc(DOCTOLIB)).body());
        assertThat(history.get("points")).hasSize(2);
        assertThat(history.get("points").get(0).get("ranks").get(0).get("position").asInt()).isEqualTo(1);
        assertThat(history.get("points").get(1).get("ranks").get(0).get("position").asInt()).isEqualTo(3);

        var html = page(cabinet, "/veille/" + cabinet.id() + "/recherche");
        assertThat(html.statusCode()).isEqualTo(200);
        var document = Jsoup.parse(html.body());
        var text = document.text();
        assertThat(text).contains("Recherche : " + QUERY).contains("Nouveau").contains("↑ monte de 2 place(s), était n° 3")
            .contains("↓ descend de 2 place(s), était n° 1").contains("Personnel").contains("Professionnel")
            .contains("Pourquoi : réseau social").contains("vie professionnelle et la vie personnelle")
            .contains("Sortis de la première page").contains("Positions au fil des relevés");
        assertThat(document.select("tr[data-url]")).hasSize(10);
        assertThat(document.select("table.positions thead th")).hasSize(3);
        assertThat(document.select("table.left-first-page td").eachText()).contains("10", "↓ n° 11");

        // The analysis weighs the watched position: a first-page result and one beyond it.
        awaitAnalysis(JOURNAL, "FIRST_PAGE");
        awaitAnalysis(ex(11), "BEYOND");

        var other = cabinet("Dr Autre Cabinet");
        assertThat(api(other, "/api/v1/watched-sources/" + source + "/search-results").statusCode()).isEqualTo(404);
        assertThat(api(other, "/api/v1/watched-sources/" + source + "/search-results/history?url=" + enc(DOCTOLIB)).statusCode())
            .isEqualTo(404);
        assertThat(page(other, "/veille/" + cabinet.id() + "/recherche").statusCode()).isEqualTo(404);
        var empty = page(other, "/veille/" + other.id() + "/recherche");
        assertThat(Jsoup.parse(empty.body()).text()).contains("Aucune source de recherche sur le nom")
            .contains("Recherche (SearXNG)");
    }

    void awaitAnalysis(String url, String position) throws InterruptedException {
        var deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            var found = jdbc.sql("""
                    select f->>'value' from monitoring_mention m join analysis_mention a on a.mention_id = m.id,
                        json_array_elements(a.result::json->'impact'->'factors') f
                    where m.url = ? and f->>'criterion' = 'POSITION'
                    """).param(url).query(String.class).list();
            if (!found.isEmpty()) {
                assertThat(found).containsOnly(position);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("analyse jamais faite : " + url);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void enginesThatDidNotAnswerGivePartialResultsNeverNothingFound() throws Exception {
        var cabinet = cabinet("Dr Partiel");
        var source = source(cabinet.id(), "Nom, moteurs en panne", "pédiatre");
        stub(List.of());
        assertThat(scanner.scan(source).status()).isEqualTo("PARTIEL");
        var latest = json.readTree(api(cabinet, "/api/v1/watched-sources/" + source + "/search-results").body());
        assertThat(latest.get("scan").get("partial").asBoolean()).isTrue();
        assertThat(latest.get("results")).isEmpty();
        var text = Jsoup.parse(page(cabinet, "/veille/" + cabinet.id() + "/recherche").body()).text();
        assertThat(text).contains("Aucun résultat reçu, mais des moteurs n'ont pas répondu").contains("moteur google indisponible : CAPTCHA")
            .doesNotContain("Aucun résultat pour ce nom lors de ce relevé");
    }

}
