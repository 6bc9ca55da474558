package fr.egide.monitoring.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceScans;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A watched source's own page and API: its settings changed (a secret key kept when left empty, a bad address or
 * half a time window refused in French), its connection tested without storing anything, paused and resumed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SourceSettingsIntegrationTests {

    static final WireMockServer feeds = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        feeds.start();
    }

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>tag:forum.exemple-sante.fr,2026:fil</id>
              <title>Forum santé Lyon</title>
              <updated>2026-03-02T10:00:00Z</updated>
              <entry>
                <id>tag:forum.exemple-sante.fr,2026:message-4812</id>
                <title>Avis sur le Dr Claire Martin ?</title>
                <link href="https://forum.exemple-sante.fr/t/avis-dr-martin/4812"/>
                <updated>2026-03-02T09:00:00Z</updated>
                <content type="html">Quelqu'un connaît le Dr Claire Martin ? Attente interminable au cabinet.</content>
              </entry>
            </feed>
            """;

    @AfterAll
    static void stop() {
        feeds.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    SourceScans scans;

    @Autowired
    JdbcClient jdbc;

    HttpClient browser;

    UUID cabinet;

    String apiToken;

    @BeforeEach
    void signedIn() throws Exception {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        var user = TestAccounts.create(context, "Secrétariat Réglages");
        TestAccounts.signIn(context, user);
        cabinet = practice.createCabinet(new CabinetForm("Cabinet réglages " + UUID.randomUUID(), null, null, null)).id();
        practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Claire", "Martin", Profession.MEDECIN, null, null,
                List.of(), List.of(), null, null, false));
        postForm("/connexion", "/connexion", "email", user.email(), "motDePasse", TestAccounts.PASSWORD);
        apiToken = TestAccounts.token(context, user);
    }

    @AfterEach
    void reset() {
        feeds.resetAll();
        TestAccounts.signOut();
    }

    @Test
    void theConnectionTestReadsTheFirstPageAndStoresNothing() throws Exception {
        feeds.stubFor(get(urlEqualTo("/forum.atom")).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml").withBody(FEED)));
        feeds.stubFor(get(urlEqualTo("/absent.atom")).willReturn(aResponse().withStatus(404)));
        var source = scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.FLUX, "Forum santé", Map.of("url", feeds.baseUrl() + "/forum.atom"),
                null, null, null)).id();

        var page = postForm("/veille/sources/" + source + "/test", "/veille/sources/" + source);

        assertThat(page.statusCode()).isEqualTo(200);
        var test = Jsoup.parse(page.body()).selectFirst("#test").text();
        assertThat(test).contains("La source répond : 1 élément(s)", "rien n'a été enregistré", "Attente interminable");
        assertThat(jdbc.sql("select count(*) from monitoring_mention where source_id = ?").param(source).query(Long.class).single()).isZero();

        // The same through the API, once the address is wrong.
        var changed = api("PUT", "/api/v1/watched-sources/" + source, """
                {"name": "Forum santé", "settings": {"url": "%s/absent.atom"}}""".formatted(feeds.baseUrl()));
        assertThat(changed.statusCode()).isEqualTo(200);
        var failed = api("POST", "/api/v1/watched-sources/" + source + "/test", "");
        assertThat(failed.statusCode()).isEqualTo(200);
        assertThat(failed.body()).contains("\"ok\":false").contains("ressource introuvable");
    }

    @Test
    void settingsAreChangedKeepingTheSecretKeyAndBadValuesAreRefusedInFrench() throws Exception {
        var source = scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.RECHERCHE_BRAVE, "Brave « Dr Martin »",
                Map.of("apiKey", "BSA-cle-secrete-de-test", "extra", "médecin Lyon"), null, null, null)).id();

        var saved = postForm("/veille/sources/" + source, "/veille/sources/" + source, "name", "Brave « Dr Claire Martin »", "query",
                "médecin généraliste Lyon", "apiKey", "", "intervalMinutes", "720", "windowStart", "07:00", "windowEnd", "20:00");

        assertThat(text(saved)).contains("Réglages enregistrés");
        var status = scans.status(source);
        assertThat(status.name()).isEqualTo("Brave « Dr Claire Martin »");
        assertThat(status.intervalMinutes()).isEqualTo(720);
        assertThat(status.windowStart()).isEqualTo(LocalTime.of(7, 0));
        assertThat(status.settings()).containsEntry("extra", "médecin généraliste Lyon").containsEntry("apiKey", "••••••");
        assertThat(jdbc.sql("select settings ->> 'apiKey' from monitoring_source where id = ?").param(source).query(String.class).single())
            .isEqualTo("BSA-cle-secrete-de-test");
        assertThat(saved.body()).doesNotContain("BSA-cle-secrete-de-test");

        var halfWindow = postForm("/veille/sources/" + source, "/veille/sources/" + source, "name", "Brave", "windowStart", "07:00");
        assertThat(text(halfWindow)).contains("Indiquez le début et la fin de la plage horaire");
        var badTime = postForm("/veille/sources/" + source, "/veille/sources/" + source, "name", "Brave", "windowStart", "sept heures",
                "windowEnd", "20:00");
        assertThat(text(badTime)).contains("Heure illisible : « sept heures »");
        assertThat(scans.status(source).name()).isEqualTo("Brave « Dr Claire Martin »");

        var feed = scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.FLUX, "Flux", Map.of("url", "https://exemple.fr/flux"),
                null, null, null)).id();
        assertThatThrownBy(() -> scans.update(feed, new SourceScans.SourceSettings(null, "Flux", Map.of("url", "ftp://exemple.fr/flux"),
                null, null, null))).hasMessageContaining("doit commencer par http:// ou https://");
        assertThatThrownBy(() -> scans.update(feed, new SourceScans.SourceSettings(null, "Brave « Dr Claire Martin »",
                Map.of("url", "https://exemple.fr/flux"), null, null, null))).hasMessageContaining("porte déjà ce nom");
        var other = api("PUT", "/api/v1/watched-sources/" + UUID.randomUUID(), "{\"name\": \"x\"}");
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @Test
    void aPausedSourceIsNotDueUntilResumed() throws Exception {
        var source = scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.FLUX, "Flux en pause", Map.of("url", "https://exemple.fr/flux"),
                null, null, null)).id();

        var paused = postForm("/veille/sources/" + source + "/pause", "/veille/sources/" + source);

        assertThat(text(paused)).contains("Source en pause", "Reprendre les relevés");
        assertThat(scans.status(source).state()).isEqualTo("EN_PAUSE");
        assertThat(scans.status(source).nextRunAt()).isNull();

        var resumed = api("POST", "/api/v1/watched-sources/" + source + "/resume", "");
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(resumed.body()).contains("\"state\":\"ACTIVE\"");
        assertThat(scans.status(source).nextRunAt()).isNotNull();
    }

    HttpResponse<String> api(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(path)))
            .header("Authorization", "Bearer " + apiToken).header("Content-Type", "application/json")
            .method(method, json.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String csrfPage, String... fields) throws Exception {
        var csrf = Jsoup.parse(page(csrfPage).body()).selectFirst("input[name=_csrf]").val();
        var body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return browser.send(HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text();
    }

}
