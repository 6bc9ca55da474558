package fr.egide.monitoring.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.Mentions;
import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceScans;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sources scanned on their own, through the real jobs, against a faithful fake feed (WireMock): items stored once
 * however often they are fetched, failures with a clear message, back-off and error state, Retry-After honoured,
 * and a crash between fetch and commit that loses nothing and duplicates nothing.
 */
// Closed after the class: its background jobs must not run on in the context cache and take other tests' jobs.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(properties = { "egide.jobs.enabled=true", "egide.jobs.polling=1s", "egide.monitoring.due-poll=1s" })
class SourceScansIntegrationTests {

    static WireMockServer feeds;

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>tag:google.com,2005:reader/user/01234567890123456789/state/com.google/alerts/98765432109876543210</id>
              <title>Google Alert - "Claire Martin" médecin</title>
              <updated>2026-03-02T10:00:00Z</updated>
              <entry>
                <id>tag:google.com,2013:googlealerts/feed:11111111111111111111</id>
                <title type="html">Le Dr &lt;b&gt;Claire Martin&lt;/b&gt; rejoint la maison de santé</title>
                <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://journal-exemple.fr/sante/maison-de-sante&amp;ct=ga&amp;cd=1&amp;usg=AOv"/>
                <published>2026-03-01T08:00:00Z</published>
                <updated>2026-03-01T08:00:00Z</updated>
                <content type="html">La maison de santé accueille le Dr &lt;b&gt;Claire Martin&lt;/b&gt;, médecin généraliste.</content>
              </entry>
              <entry>
                <id>tag:google.com,2013:googlealerts/feed:22222222222222222222</id>
                <title type="html">Forum : avis sur le Dr &lt;b&gt;Claire Martin&lt;/b&gt; ?</title>
                <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://forum.exemple-sante.fr/t/avis-dr-martin/4812&amp;ct=ga"/>
                <published>2026-03-02T09:00:00Z</published>
                <updated>2026-03-02T09:00:00Z</updated>
                <content type="html">Quelqu'un connaît le Dr Claire Martin ? Attente interminable au cabinet.</content>
              </entry>
            </feed>
            """;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    SourceScans scans;

    @Autowired
    SourceScanner scanner;

    @Autowired
    Mentions mentions;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void start() {
        feeds = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        feeds.start();
    }

    @AfterAll
    static void stop() {
        feeds.stop();
    }

    @AfterEach
    void reset() {
        scanner.beforeCommit = () -> { };
        feeds.resetAll();
        TestAccounts.signOut();
    }

    UUID cabinet() {
        TestAccounts.signIn(context, TestAccounts.create(context, "Dr Veille"));
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet de veille " + UUID.randomUUID(), null, null, null)).id();
        practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Claire", "Martin", Profession.MEDECIN, null, null,
                List.of(), List.of(), null, null, false));
        return cabinet;
    }

    UUID feedSource(UUID cabinet, String path) {
        return scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.FLUX, "Alerte " + path + " " + UUID.randomUUID(),
                Map.of("url", feeds.baseUrl() + path), null, null, null)).id();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("jamais arrivé : " + what);
            }
            Thread.sleep(200);
        }
    }

    long mentionsOf(UUID cabinet) {
        return mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 100).totalItems();
    }

    @Test
    void aFeedIsScannedOnItsOwnAndAnItemFetchedTwiceIsStoredOnce() throws Exception {
        feeds.stubFor(get(urlEqualTo("/alertes/martin")).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
            .withBody(FEED)));
        var cabinet = cabinet();
        var source = feedSource(cabinet, "/alertes/martin");
        await("premier relevé", () -> scans.status(source).lastSuccessAt() != null);
        assertThat(mentionsOf(cabinet)).isEqualTo(2);
        var found = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 10).items();
        assertThat(found).extracting(m -> m.url()).contains("https://journal-exemple.fr/sante/maison-de-sante");
        var first = scans.status(source).lastSuccessAt();
        assertThat(scans.status(source).nextRunAt()).isAfter(Instant.now().plus(Duration.ofHours(23)));

        scans.scanNow(source);
        await("second relevé", () -> scans.status(source).lastSuccessAt().isAfter(first));
        assertThat(mentionsOf(cabinet)).as("the same items fetched again are stored once").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from monitoring_scan where source_id = ? and status = 'TERMINE'").param(source)
            .query(Long.class).single()).isEqualTo(2);
        feeds.verify(2, getRequestedFor(urlEqualTo("/alertes/martin")));
    }

    @Test
    void failuresAreClearWaitAndFinallyPutTheSourceInError() throws Exception {
        var cabinet = cabinet();
        feeds.stubFor(get(urlEqualTo("/panne")).willReturn(aResponse().withStatus(500).withBody("erreur")));
        var source = feedSource(cabinet, "/panne");
        await("premier échec", () -> scans.status(source).consecutiveFailures() >= 1);
        var failing = scans.status(source);
        assertThat(failing.state()).isEqualTo("ACTIVE");
        assertThat(failing.lastError()).contains("HTTP 500");
        assertThat(failing.nextRunAt()).isAfter(Instant.now().plus(Duration.ofMinutes(4)));
        for (int i = failing.consecutiveFailures(); i < SourceScanner.ERROR_AFTER; i++) {
            scanner.scan(source);
        }
        assertThat(scans.status(source).state()).isEqualTo("EN_ERREUR");
        assertThat(scans.status(source).nextRunAt()).isNull();

        feeds.stubFor(get(urlEqualTo("/lent")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        var limited = feedSource(cabinet, "/lent");
        await("429", () -> scans.status(limited).consecutiveFailures() >= 1);
        assertThat(scans.status(limited).lastError()).contains("429");
        assertThat(scans.status(limited).nextRunAt()).isBetween(Instant.now().plusSeconds(100), Instant.now().plusSeconds(130));

        feeds.stubFor(get(urlEqualTo("/disparu")).willReturn(aResponse().withStatus(404)));
        var gone = feedSource(cabinet, "/disparu");
        await("404", () -> "EN_ERREUR".equals(scans.status(gone).state()));
        assertThat(scans.status(gone).lastError()).contains("introuvable");

        feeds.stubFor(get(urlEqualTo("/casse")).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
            .withBody("<feed><entry>pas fini")));
        var broken = feedSource(cabinet, "/casse");
        await("XML invalide", () -> scans.status(broken).consecutiveFailures() >= 1);
        assertThat(scans.status(broken).lastError()).contains("XML invalide").contains("nouvel essai plus tard");
        assertThat(mentionsOf(cabinet)).isZero();
    }

    @Test
    void aCrashBetweenFetchAndCommitLosesNothingAndDuplicatesNothing() throws Exception {
        feeds.stubFor(get(urlEqualTo("/alertes/crash")).willReturn(aResponse().withHeader("Content-Type", "application/atom+xml")
            .withBody(FEED)));
        var cabinet = cabinet();
        // Not scheduled: this test drives the scans itself.
        var source = UUID.randomUUID();
        jdbc.sql("insert into monitoring_source (id, cabinet_id, kind, name, settings) values (?, ?, 'FLUX', 'Alerte crash', ?::jsonb)")
            .params(source, cabinet, "{\"url\": \"" + feeds.baseUrl() + "/alertes/crash\"}").update();
        scanner.beforeCommit = () -> {
            throw new IllegalStateException("arrêt du processus entre la lecture et l'enregistrement");
        };
        var crashed = scanner.scan(source);
        assertThat(crashed.status()).isEqualTo("ECHEC");
        assertThat(mentionsOf(cabinet)).as("nothing half-written").isZero();
        scanner.beforeCommit = () -> { };
        var resumed = scanner.scan(source);
        assertThat(resumed.status()).isEqualTo("TERMINE");
        assertThat(mentionsOf(cabinet)).as("what the crash cut is fetched again, once").isEqualTo(2);
        scanner.scan(source);
        assertThat(mentionsOf(cabinet)).isEqualTo(2);
    }

    @Test
    void aPassageGoneFromAWatchedPageMarksItsMentionRemoved() throws Exception {
        var page = "<html><body><p>Le Dr Claire Martin est très à l'écoute.</p><p>Éviter le Dr Claire Martin, toujours en retard.</p></body></html>";
        feeds.stubFor(get(urlEqualTo("/forum/fil")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody(page)));
        var cabinet = cabinet();
        var source = UUID.randomUUID();
        jdbc.sql("insert into monitoring_source (id, cabinet_id, kind, name, settings) values (?, ?, 'PAGE_WEB', 'Fil du forum', ?::jsonb)")
            .params(source, cabinet, "{\"url\": \"" + feeds.baseUrl() + "/forum/fil\"}").update();
        assertThat(scanner.scan(source).status()).isEqualTo("TERMINE");
        assertThat(mentionsOf(cabinet)).isEqualTo(2);
        feeds.stubFor(get(urlEqualTo("/forum/fil")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody(page.replace("<p>Éviter le Dr Claire Martin, toujours en retard.</p>", "<p>Message supprimé par la modération.</p>"))));
        var second = scanner.scan(source);
        assertThat(second.removed()).isEqualTo(1);
        var listed = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 10).items();
        assertThat(listed).filteredOn(m -> m.removedAt() != null).singleElement()
            .satisfies(m -> assertThat(m.text()).contains("toujours en retard"));
        assertThat(scans.status(source).removed()).isEqualTo(1);
    }

}
