package fr.egide;

import com.sun.net.httpserver.HttpServer;
import fr.egide.evidence.BundleVerifier;
import fr.egide.evidence.CaptureSummary;
import fr.egide.evidence.Captures;
import fr.egide.evidence.Check;
import fr.egide.evidence.CustodyEntry;
import fr.egide.evidence.LocalTimestampAuthority;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Evidence in the application, with the real background jobs, the real Chromium and a local timestamp authority:
 * a capture asked by a user is sealed, exported with its chain of custody and verified; a risky mention is
 * captured automatically; its page is re-checked when it changes and when it disappears (each check sealed);
 * the pages, the panel and the API show it.
 */
// Closed after the class: its background jobs must not run on in the context cache and take other tests' jobs.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "egide.jobs.enabled=true", "egide.jobs.polling=1s", "egide.evidence.allow-hosts=127.0.0.1",
        "egide.evidence.automatic=true", "egide.evidence.recheck-poll=1s" })
class EvidenceIntegrationTests {

    static final String REVIEW = "Le Dr Tilleul est un escroc et un charlatan, il m'a volé, fuyez ce cabinet au plus vite.";

    static LocalTimestampAuthority authority;

    static HttpServer site;

    /** 1: the review as published; 2: the page changed around it; 3: the review removed (404). */
    static final AtomicInteger version = new AtomicInteger(1);

    @TempDir
    static Path storage;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    Mentions mentions;

    @Autowired
    Captures captures;

    @BeforeAll
    static void start() throws Exception {
        authority = new LocalTimestampAuthority("TSA intégration");
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/avis", exchange -> {
            var state = version.get();
            var page = state == 3 ? "<!doctype html><html lang=\"fr\"><body><p>Cet avis n'existe plus.</p></body></html>"
                    : "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Avis</title></head><body><h1>Avis</h1>"
                            + "<p class=\"avis\">" + REVIEW + "</p>" + (state == 2 ? "<p>Réponse du propriétaire : merci.</p>" : "")
                            + "</body></html>";
            var bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(state == 3 ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        site.start();
    }

    @AfterAll
    static void stop() throws Exception {
        site.stop(0);
        authority.close();
    }

    @DynamicPropertySource
    static void evidence(DynamicPropertyRegistry registry) {
        registry.add("egide.evidence.tsa", () -> authority.uri().toString());
        registry.add("egide.evidence.storage", () -> storage.toString());
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    String page() {
        return "http://127.0.0.1:" + site.getAddress().getPort() + "/avis";
    }

    CaptureSummary sealedOrFailed(String id) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        var capture = captures.get(id);
        while (capture.pending() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            capture = captures.get(id);
        }
        assertThat(capture.status()).as(capture.id() + " : " + capture.error()).isEqualTo("SCELLEE");
        return capture;
    }

    @Test
    void aRequestedCaptureIsSealedExportedWithItsCustodyChainAndVerified() throws Exception {
        var user = TestAccounts.create(context, "Dr Preuve");
        TestAccounts.signIn(context, user);
        version.set(1);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet des preuves " + UUID.randomUUID(), null, null, null)).id();
        assertThatThrownBy(() -> captures.request(cabinet, "file:///etc/passwd", "")).hasMessageContaining("http et https");
        assertThatThrownBy(() -> captures.request(cabinet, "http://10.1.2.3/", "")).hasMessageContaining("privée");
        var requested = captures.request(cabinet, page(), "avis injurieux publié ce matin");
        assertThat(requested.status()).isIn("EN_ATTENTE", "EN_COURS", "SCELLEE");
        var capture = sealedOrFailed(requested.id());
        assertThat(capture.httpStatus()).isEqualTo(200);
        assertThat(capture.rendered()).isTrue();
        assertThat(capture.manifestSha256()).hasSize(64);

        var exported = new ByteArrayOutputStream();
        captures.export(capture.id()).writeTo(exported);
        var zip = storage.resolve("export-" + capture.id() + ".zip");
        Files.write(zip, exported.toByteArray());
        var checks = new BundleVerifier().verify(zip);
        assertThat(checks).allMatch(Check::passed);
        assertThat(checks).extracting(Check::subject).contains("custody.jsonl, entrée 3");
        assertThat(captures.custody(capture.id())).extracting(CustodyEntry::action).containsExactly("CAPTURE", "SCELLEMENT", "EXPORT");
        assertThat(context.getBean(fr.egide.audit.AuditLog.class).chain(cabinet.toString())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(fr.egide.audit.AuditAction.CONSULTATION_PREUVE);
            assertThat(e.objectId()).isEqualTo(capture.id());
            assertThat(e.actorId()).isEqualTo(user.id());
        });
        assertThat(captures.custody(capture.id()).get(0).actor()).contains("Dr Preuve");

        // A chain of custody rewritten in an export is caught.
        var tampered = storage.resolve("falsifie-" + capture.id() + ".zip");
        rewriteEntry(zip, tampered, "custody.jsonl", text -> text.replace("Dr Preuve", "Dr Autre"));
        assertThat(new BundleVerifier().verify(tampered)).filteredOn(check -> !check.passed()).extracting(Check::subject)
            .contains("custody.jsonl, entrée 1");

        assertThat(captures.verify(capture.id())).allMatch(Check::passed);
        assertThat(captures.custody(capture.id())).extracting(CustodyEntry::action).endsWith("VERIFICATION");

        // Shared with a lawyer: a secret link, no account; the share and the download are in the chain.
        var link = captures.share(capture.id(), "Maître Durand, avocate", 7);
        var anonymous = HttpClient.newHttpClient();
        var download = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + link.path())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        var shared = storage.resolve("partage-" + capture.id() + ".zip");
        Files.write(shared, download.body());
        assertThat(new BundleVerifier().verify(shared)).allMatch(Check::passed);
        assertThat(captures.custody(capture.id())).extracting(CustodyEntry::action).endsWith("PARTAGE", "EXPORT");
        assertThat(captures.custody(capture.id()).get(captures.custody(capture.id()).size() - 1).actor())
            .isEqualTo("Maître Durand, avocate (lien de partage)");
        var forged = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/partage/pas-un-jeton")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> captures.share(capture.id(), "Maître Durand", 90)).hasMessageContaining("1 à 30 jours");

        // Someone outside the cabinet sees nothing.
        var stranger = TestAccounts.create(context, "Dr Étranger");
        TestAccounts.signIn(context, stranger);
        assertThatThrownBy(() -> captures.get(capture.id())).hasMessageContaining("introuvable");
    }

    @Test
    void aRiskyMentionIsCapturedAtOnceThenReCheckedWhenItChangesAndWhenItDisappears() throws Exception {
        var user = TestAccounts.create(context, "Dr Tilleul");
        TestAccounts.signIn(context, user);
        version.set(1);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet des Tilleuls " + UUID.randomUUID(), null, null, null)).id();
        mentions.addManual(cabinet, new ManualMention("Forum santé", page(), "Bernard", 1, REVIEW, null));
        var mention = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 1).items().get(0).id();

        var automatic = awaitCapture(mention, 1);
        assertThat(automatic.trigger()).isEqualTo("AUTOMATIQUE");
        sealedOrFailed(automatic.id());
        assertThat(captures.watches(mention)).singleElement().satisfies(w -> assertThat(w.state()).isEqualTo("EN_LIGNE"));

        version.set(2);
        captures.recheckNow(automatic.id());
        var changed = sealedOrFailed(awaitCapture(mention, 2).id());
        assertThat(changed.trigger()).isEqualTo("CONTROLE");
        assertThat(changed.finding()).isEqualTo("MODIFIEE");
        assertThat(captures.watches(mention)).singleElement().satisfies(w -> assertThat(w.state()).isEqualTo("MODIFIEE"));

        version.set(3);
        captures.recheckNow(automatic.id());
        var gone = sealedOrFailed(awaitCapture(mention, 3).id());
        assertThat(gone.finding()).isEqualTo("DISPARUE");
        assertThat(gone.findingDetail()).contains("404");
        assertThat(gone.httpStatus()).isEqualTo(404);
        assertThat(captures.watches(mention)).singleElement().satisfies(w -> {
            assertThat(w.state()).isEqualTo("DISPARUE");
            assertThat(w.nextCheckAt()).isNull();
        });
        assertThatThrownBy(() -> captures.recheckNow(automatic.id())).hasMessageContaining("déjà disparu");

        // The pages show it.
        var browser = new Browser(port);
        browser.signIn(user);
        assertThat(Jsoup.parse(browser.get("/mentions/" + mention).body()).select("[hx-get=/preuves/mentions/" + mention + "]")).hasSize(1);
        var panel = Jsoup.parse(browser.get("/preuves/mentions/" + mention, "HX-Request", "true").body());
        assertThat(panel.select(".captures li")).hasSize(3);
        assertThat(panel.select(".captures .badge.warn").eachText()).contains("Page disparue", "Page modifiée");
        assertThat(panel.select(".watch").text()).contains("disparue");
        var detail = Jsoup.parse(browser.get("/preuves/" + gone.id()).body());
        assertThat(detail.select("h1").text()).contains(gone.id());
        assertThat(detail.text()).contains("Page disparue").contains("HTTP 404");
        assertThat(detail.select("table tbody tr").eachText()).anyMatch(row -> row.contains("Scellement"));
        var verified = Jsoup.parse(browser.post("/preuves/" + gone.id() + "/verification", false).body());
        assertThat(verified.select(".verification .flash").text()).isEqualTo("Lot intègre : toutes les vérifications sont passées.");
        var sharedPage = Jsoup.parse(browser.post("/preuves/" + gone.id() + "/partage", false, "recipient", "Maître Durand", "days",
                "3").body());
        assertThat(sharedPage.select("#lien-partage").text()).startsWith("http://localhost:" + port + "/partage/");
        assertThat(sharedPage.select("table tbody tr").eachText()).anyMatch(row -> row.contains("Partage"));
        var preview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.url("/preuves/" + automatic.id() + "/apercu.png")))
            .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(preview.statusCode()).as("a preview needs the session").isNotEqualTo(200);
        var list = Jsoup.parse(browser.get("/preuves").body());
        assertThat(list.select("table tbody tr").size()).isGreaterThanOrEqualTo(3);
        var refused = Jsoup.parse(browser.post("/preuves", false, "cabinet", cabinet.toString(), "url", "ftp://exemple.fr/",
                "reason", "").body());
        assertThat(refused.select(".flash.error").text()).contains("http et https");

        // A flash message is shown once, from the message bundle.
        var added = Jsoup.parse(browser.post("/veille/" + cabinet, false, "kind", "FLUX", "name", "Alerte locale", "url",
                "http://127.0.0.1:1/flux", "intervalMinutes", "1440").body());
        assertThat(added.select(".flash.info").eachText()).containsExactly("Source ajoutée : premier relevé en cours.");
        assertThat(added.select("table tbody tr").eachText()).anyMatch(row -> row.contains("Alerte locale"));

        // And the API.
        var token = TestAccounts.token(context, user);
        var api = HttpClient.newHttpClient();
        var listed = api.send(HttpRequest.newBuilder(URI.create(browser.url("/api/v1/captures?mentionId=" + mention)))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"totalItems\":3").contains("\"finding\":\"DISPARUE\"");
        var bad = api.send(HttpRequest.newBuilder(URI.create(browser.url("/api/v1/captures")))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"cabinetId\":\"" + cabinet + "\",\"url\":\"http://192.168.0.1/\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("privée");
        var bundle = api.send(HttpRequest.newBuilder(URI.create(browser.url("/api/v1/captures/" + gone.id() + "/bundle")))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bundle.statusCode()).isEqualTo(200);
        var downloaded = storage.resolve("api-" + gone.id() + ".zip");
        Files.write(downloaded, bundle.body());
        assertThat(new BundleVerifier().verify(downloaded)).allMatch(Check::passed);
    }

    /** The n-th capture of a mention (oldest first), once it exists. */
    CaptureSummary awaitCapture(UUID mention, int count) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<CaptureSummary> items = List.of();
        while (System.nanoTime() < deadline) {
            items = captures.list(null, mention, 0, 10).items();
            if (items.size() >= count) {
                return items.get(items.size() - count);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("capture n°" + count + " de la mention jamais demandée (" + items.size() + " en tout)");
    }

    static void rewriteEntry(Path from, Path to, String name, java.util.function.UnaryOperator<String> change) throws Exception {
        try (var in = new java.util.zip.ZipFile(from.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(to))) {
            for (var entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                var bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(name)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

}
