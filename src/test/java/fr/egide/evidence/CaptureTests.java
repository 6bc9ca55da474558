package fr.egide.evidence;

import com.sun.net.httpserver.HttpServer;
import fr.egide.evidence.engine.ChromiumCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A capture with the real Chromium (Debian's, installed by .ci/run) of pages served by the test itself, sealed
 * with a local timestamp authority and verified; and the targets refused before any browser starts.
 */
class CaptureTests {

    @TempDir
    Path work;

    HttpServer site;

    String base;

    @BeforeEach
    void localSite() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "site-de-test");
            thread.setDaemon(true);
            return thread;
        }));
        site.createContext("/lente", exchange -> {
            var page = ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>"
                    + "<p>Avis encore visible.</p><img src=\"/jamais.png\" alt=\"\"></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.createContext("/jamais.png", exchange -> {
            try {
                Thread.sleep(60_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        site.createContext("/avis", exchange -> {
            var items = new StringBuilder();
            for (int i = 1; i <= 60; i++) {
                items.append("<li class=\"avis\">Avis n°").append(i).append(" : attente interminable.</li>");
            }
            var page = ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Avis du cabinet</title></head>"
                    + "<body><h1>Cabinet des Tilleuls</h1><p>Le Dr X est un con.</p><ul>" + items + "</ul></body></html>")
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.createContext("/bandeau", exchange -> {
            var page = ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body>"
                    + "<div id=\"cmp\" style=\"position:fixed;inset:0;background:#fff\"><p>Nous utilisons des cookies.</p>"
                    + "<button onclick=\"document.getElementById('cmp').remove()\">Tout accepter</button>"
                    + "<button>Paramétrer</button></div><p>Le Dr Y exerce sans diplôme.</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.createContext("/ancien", exchange -> {
            exchange.getResponseHeaders().add("Location", "/avis");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        site.stop(0);
    }

    @Test
    void aPageIsCapturedWithChromiumSealedAndVerified() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        try (var authority = new LocalTimestampAuthority("TSA capture")) {
            var out = new ByteArrayOutputStream();
            var status = new EvidenceCommand().run(List.of("capture", base + "/ancien", "--out", work.toString(), "--tsa",
                    authority.uri().toString(), "--allow-host", "127.0.0.1"), new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            var printed = out.toString(StandardCharsets.UTF_8).strip().split("\n");
            assertThat(status).as(String.join("\n", printed)).isZero();
            var zip = Path.of(printed[printed.length - 1]);
            assertThat(zip).exists();
            assertThat(zip.getFileName().toString()).startsWith("capture-").endsWith(".zip");
            assertThat(new BundleVerifier().verify(zip)).allMatch(Check::passed);
            var bundle = Path.of(zip.toString().replaceAll("\\.zip$", ""));
            var png = Files.readAllBytes(bundle.resolve("page.png"));
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
            var height = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
            assertThat(height).as("the screenshot goes beyond the 900 px viewport").isGreaterThan(900);
            assertThat(Files.readString(bundle.resolve("texte.txt"))).contains("Le Dr X est un con.").contains("Avis n°60");
            assertThat(Files.readString(bundle.resolve("dom.html"))).contains("<h1>Cabinet des Tilleuls</h1>");
            assertThat(Files.readString(bundle.resolve("page.mhtml"))).contains("Content-Type: multipart/related");
            assertThat(new String(Files.readAllBytes(bundle.resolve("page.pdf")), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(Files.readString(bundle.resolve("steps.jsonl"))).contains("\"etape\":\"navigation\"")
                .contains(base + "/avis").as("the redirect's final address is recorded");
            assertThat(Files.readString(bundle.resolve("environment.json"))).contains("Chrome").contains("Europe/Paris")
                .contains("profil neuf");
        }
    }

    @Test
    void aConsentBannerIsAcceptedByRuleVisiblyAndLogged() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var bundle = work.resolve("bandeau");
        var result = new ChromiumCapture(ChromiumCapture.findChromium(), java.time.Duration.ofSeconds(30))
            .capture(java.net.URI.create(base + "/bandeau"), bundle);
        assertThat(result.files()).contains("consentement.png");
        assertThat(Files.readString(bundle.resolve("steps.jsonl"))).contains("\"etape\":\"consentement\"")
            .contains("bouton « Tout accepter » cliqué par règle");
        assertThat(Files.readString(bundle.resolve("texte.txt"))).contains("Le Dr Y exerce sans diplôme.")
            .doesNotContain("Nous utilisons des cookies");
    }

    @Test
    void aPageThatNeverFinishesLoadingIsCapturedAsItIsAndSaysSo() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var bundle = work.resolve("lente");
        var result = new ChromiumCapture(ChromiumCapture.findChromium(), java.time.Duration.ofSeconds(3))
            .capture(java.net.URI.create(base + "/lente"), bundle);
        assertThat(result.files()).contains("page.png", "texte.txt");
        assertThat(Files.readString(bundle.resolve("steps.jsonl"))).contains("la page n'a pas fini de charger en 3 s : capture en l'état");
        assertThat(Files.readString(bundle.resolve("texte.txt"))).contains("Avis encore visible.");
    }

    @Test
    void onlyPublicHttpTargetsAreCapturedUnlessAllowed() {
        assertThatThrownBy(() -> Targets.check("file:///etc/passwd", Set.of())).hasMessageContaining("http et https");
        assertThatThrownBy(() -> Targets.check("http://127.0.0.1:8080/admin", Set.of())).hasMessageContaining("--allow-host 127.0.0.1");
        assertThatThrownBy(() -> Targets.check("http://192.168.1.10/", Set.of())).hasMessageContaining("privée");
        assertThatThrownBy(() -> Targets.check("http://169.254.169.254/latest/meta-data", Set.of())).hasMessageContaining("privée");
        assertThat(Targets.check("http://127.0.0.1:8080/", Set.of("127.0.0.1")).getPort()).isEqualTo(8080);
        var err = new ByteArrayOutputStream();
        assertThat(new EvidenceCommand().run(List.of("capture", "http://10.0.0.1/", "--out", work.toString()), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusée");
        assertThat(new EvidenceCommand().run(List.of("capture", "https://avis.example/", "--out", work.toString(), "--tsa",
                "pas une adresse"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tsa attend l'adresse http(s)");
    }

}
