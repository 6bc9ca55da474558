package fr.egide;

import fr.egide.analysis.MentionAnalyses;
import fr.egide.analysis.WaveKind;
import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.MentionImports;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis where practitioners use it: the mentions list filtered by qualification and indicator (page and
 * API), the impact factors they correct (kept as a history, the mention analysed again), and waves of reviews
 * on the dashboard and in the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalysisInUseIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    MentionImports imports;

    @Autowired
    Mentions mentions;

    @Autowired
    MentionAnalyses analyses;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper json = JsonMapper.builder().build();

    HttpClient browser;

    EgideUser user;

    UUID cabinet;

    String token;

    @BeforeEach
    void cabinetWithReviews() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        user = TestAccounts.create(context, "Dr Vague");
        TestAccounts.signIn(context, user);
        cabinet = practice.createCabinet(new CabinetForm("Cabinet des Vagues " + UUID.randomUUID(), null, null, null)).id();
        var today = LocalDate.now(ZoneId.of("Europe/Paris"));
        var file = """
                source;external_id;author;rating;date;text
                Google;v-1;Alice B.;1;%s;Attente interminable et secrétaire désagréable, je déconseille.
                Google;v-2;Bruno C.;1;%s;Rendez-vous annulé trois fois, aucune excuse, très déçu.
                Google;v-3;Chloé D.;2;%s;Consultation expédiée en cinq minutes, aucune écoute.
                Google;v-4;Jean  DUPONT;1;%s;Le Dr Roux est un con.
                Google;v-5;jean dupont;4;%s;Finalement le cabinet a répondu à mes questions, merci.
                Google;v-6;Élise F.;5;%s;Médecin attentive et très à l'écoute, je recommande.
                """.formatted(today.minusDays(5), today.minusDays(4), today.minusDays(2), today.minusDays(90),
                today.minusDays(30), today.minusDays(60));
        imports.importFile(cabinet, "vague.csv", () -> new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null);
        var ids = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 10)
            .items().stream().map(m -> m.id()).toList();
        assertThat(ids).hasSize(6);
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            TestAccounts.signIn(context, user);
            ids.forEach(analyses::ofMention);
            assertThat(analyses.waves(cabinet)).hasSize(2);
        });
        token = TestAccounts.token(context, user);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void theListIsFilteredByQualificationAndIndicatorInTheApiAndThePage() throws Exception {
        var illicit = api("/api/v1/mentions?cabinetId=" + cabinet + "&qualification=ILLICITE_PROBABLE");
        assertThat(illicit.statusCode()).isEqualTo(200);
        var items = json.readTree(illicit.body()).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("text").asString()).contains("un con");
        assertThat(items.get(0).get("labels").toString()).contains("qualification.ILLICITE_PROBABLE", "indice.INJURE");

        assertThat(json.readTree(api("/api/v1/mentions?cabinetId=" + cabinet + "&indicator=INJURE").body()).get("totalItems").asLong())
            .isEqualTo(1);
        assertThat(json.readTree(api("/api/v1/mentions?cabinetId=" + cabinet + "&qualification=LICITE_PROBABLE").body())
            .get("totalItems").asLong()).isEqualTo(5);
        assertThat(json.readTree(api("/api/v1/mentions?cabinetId=" + cabinet + "&indicator=MENACE").body()).get("totalItems").asLong())
            .isZero();

        var unknown = api("/api/v1/mentions?cabinetId=" + cabinet + "&qualification=COUPABLE");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Valeur inconnue pour le filtre").contains("ILLICITE_PROBABLE");

        signInBrowser();
        var page = get("/mentions?qualification=ILLICITE_PROBABLE&indice=INJURE");
        var html = Jsoup.parse(page.body());
        assertThat(html.select(".mention")).hasSize(1);
        assertThat(html.select(".mention .qualification").text()).contains("Indices sérieux");
        assertThat(html.select("select[name=qualification] option[selected]").val()).isEqualTo("ILLICITE_PROBABLE");
        assertThat(html.select("label[for=filtre-indice]").text()).isEqualTo("Indice relevé");
        var fragment = get("/mentions?indice=DIFFAMATION", "HX-Request", "true");
        assertThat(fragment.body()).doesNotContain("<html").contains("Aucune mention ne correspond");
        var wrong = get("/mentions?qualification=COUPABLE");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(wrong.body()).select(".flash.error").text()).contains("Valeur inconnue");
    }

    @Test
    void correctedImpactFactorsAreKeptAndTheMentionIsAnalysedAgain() throws Exception {
        var mentionId = idOf("un con");
        var before = json.readTree(api("/api/v1/mentions/" + mentionId + "/analysis").body());
        assertThat(factor(before, "AUTEUR").get("value").asString()).isEqualTo("INCONNU");

        var changed = put("/api/v1/mentions/" + mentionId + "/impact-context",
                "{\"author\": \"PROFESSIONNEL_CONCURRENT\", \"searchPosition\": \"FIRST_PAGE\"}");
        assertThat(changed.statusCode()).isEqualTo(200);
        var after = json.readTree(changed.body());
        assertThat(factor(after, "AUTEUR").get("value").asString()).isEqualTo("PROFESSIONNEL_CONCURRENT");
        assertThat(factor(after, "POSITION").get("points").asInt()).isEqualTo(25);
        assertThat(after.get("impact").get("score").asInt()).isGreaterThan(before.get("impact").get("score").asInt());
        assertThat(json.readTree(api("/api/v1/mentions/" + mentionId + "/impact-context").body()).get("author").asString())
            .isEqualTo("PROFESSIONNEL_CONCURRENT");

        var invalid = put("/api/v1/mentions/" + mentionId + "/impact-context", "{\"author\": \"MARTIEN\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("Valeur inconnue (nature de l'auteur)");

        signInBrowser();
        var panel = get("/analyses/mentions/" + mentionId);
        var csrf = Jsoup.parse(get("/mentions/" + mentionId).body()).selectFirst("input[name=_csrf]").val();
        assertThat(Jsoup.parse(panel.body()).select("#ctx-author option[selected]").val()).isEqualTo("PROFESSIONNEL_CONCURRENT");
        var posted = browser.send(HttpRequest.newBuilder(URI.create(url("/analyses/mentions/" + mentionId + "/contexte")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("HX-Request", "true")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&author=JOURNALISTE&searchPosition=&audience="))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        var refreshed = Jsoup.parse(posted.body());
        assertThat(refreshed.text()).contains("Facteurs enregistrés").contains("Un journaliste : large diffusion possible.");
        assertThat(refreshed.select("#ctx-position option[selected]").val()).isEmpty();

        var history = jdbc.sql("select author from analysis_impact_setting where mention_id = ? order by changed_at, id")
            .param(mentionId).query(String.class).list();
        assertThat(history).containsExactly("PROFESSIONNEL_CONCURRENT", "JOURNALISTE");
    }

    @Test
    void wavesAreShownOnTheDashboardAndWeighOnTheImpact() throws Exception {
        var waves = json.readTree(api("/api/v1/waves?cabinetId=" + cabinet).body());
        assertThat(waves).hasSize(2);
        JsonNode burst = null;
        JsonNode sameAuthor = null;
        for (var wave : waves) {
            if (wave.get("kind").asString().equals(WaveKind.RAFALE_NEGATIVE.name())) {
                burst = wave;
            }
            else {
                sameAuthor = wave;
            }
        }
        assertThat(burst.get("mentionIds")).hasSize(3);
        assertThat(burst.get("description").asString()).contains("3 avis négatifs publiés entre le");
        assertThat(sameAuthor.get("mentionIds")).hasSize(2);
        assertThat(sameAuthor.get("author").asString()).isEqualTo("Jean  DUPONT");

        var inBurst = json.readTree(api("/api/v1/mentions/" + idOf("Rendez-vous annulé") + "/analysis").body());
        assertThat(factor(inBurst, "RISQUE").get("explanation").asString()).contains("2 éléments semblables");

        signInBrowser();
        var dashboard = Jsoup.parse(get("/").body());
        assertThat(dashboard.text()).as("a user with a cabinet is not asked to create one").doesNotContain("Créer mon cabinet");
        assertThat(dashboard.select(".waves h2").text()).isEqualTo("Vagues possibles");
        assertThat(dashboard.select(".waves li")).hasSize(2);
        assertThat(dashboard.select(".waves").text()).contains("Rafale d'avis négatifs").contains("Même auteur")
            .contains("C'est un indice");
        var link = dashboard.select(".waves li a").stream().map(a -> a.attr("href")).filter(h -> h.contains("from=")).findFirst().orElseThrow();
        assertThat(Jsoup.parse(get(link).body()).select(".mention")).hasSize(3);

        var stranger = TestAccounts.token(context, TestAccounts.create(context, "Dr Ailleurs"));
        var hidden = browser.send(HttpRequest.newBuilder(URI.create(url("/api/v1/waves?cabinetId=" + cabinet)))
            .header("Authorization", "Bearer " + stranger).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hidden.statusCode()).isIn(403, 404);
    }

    UUID idOf(String words) {
        TestAccounts.signIn(context, user);
        return mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 10).items().stream()
            .filter(m -> m.text().contains(words)).findFirst().orElseThrow().id();
    }

    static JsonNode factor(JsonNode analysis, String criterion) {
        for (var factor : analysis.get("impact").get("factors")) {
            if (factor.get("criterion").asString().equals(criterion)) {
                return factor;
            }
        }
        throw new AssertionError("Pas de facteur " + criterion);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> api(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void signInBrowser() throws Exception {
        var csrf = Jsoup.parse(get("/connexion").body()).selectFirst("input[name=_csrf]").val();
        var response = browser.send(HttpRequest.newBuilder(URI.create(url("/connexion")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&email=" + enc(user.email()) + "&motDePasse="
                    + enc(TestAccounts.PASSWORD)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.uri().getPath()).isEqualTo("/");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
