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
        site.createContext("/panneau", exchange -> {
            // A review listing whose reviews scroll inside a panel and arrive ten at a time, as the panel scrolls.
            var page = ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Avis</title></head><body>"
                    + "<h1>Dr Tilleul</h1><div id=\"liste\" style=\"height:300px;overflow-y:auto;border:1px solid #999\"></div>"
                    + "<p>Pied de page</p><script>const liste = document.getElementById('liste'); let n = 0;"
                    + "function plus() { for (let i = 0; i < 10 && n < 50; i++) { n++; const d = document.createElement('div');"
                    + " d.style.height = '60px'; d.textContent = 'Avis différé n°' + n; liste.appendChild(d); } }"
                    + "plus(); liste.addEventListener('scroll', () => { if (liste.scrollTop + liste.clientHeight >= liste.scrollHeight - 5)"
                    + " setTimeout(plus, 50); });</script></body></html>").getBytes(StandardCharsets.UTF_8);
            send(exchange, page);
        });
        site.createContext("/infini", exchange -> {
            var page = ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"></head><body><div id=\"fil\"></div>"
                    + "<script>let n = 0; function plus() { for (let i = 0; i < 5; i++) { const d = document.createElement('p');"
                    + " d.style.height = '400px'; d.textContent = 'Message ' + (++n); document.getElementById('fil').appendChild(d); } }"
                    + "plus(); window.addEventListener('scroll', () => setTimeout(plus, 20));</script></body></html>")
                .getBytes(StandardCharsets.UTF_8);
            send(exchange, page);
        });
        site.createContext("/haute", exchange -> {
            // 40 bands of 1,000 px, alternately red and blue: 40,000 px in all, beyond any texture limit.
            var bands = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                bands.append("<div style=\"height:1000px;margin:0;background:").append(i % 2 == 0 ? "#ff0000" : "#0000ff")
                    .append("\">Bande ").append(i + 1).append("</div>");
            }
            send(exchange, ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><style>body{margin:0}</style></head><body>"
                    + bands + "</body></html>").getBytes(StandardCharsets.UTF_8));
        });
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    static void send(com.sun.net.httpserver.HttpExchange exchange, byte[] page) throws java.io.IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
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
                    authority.uri().toString(), "--allow-host", "127.0.0.1", "--ntp", "127.0.0.1:1", "--demandeur",
                    "Secrétariat du cabinet", "--motif", "avis injurieux"), new PrintStream(out, true, StandardCharsets.UTF_8),
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
                .contains("profil neuf").contains("\"horloge\"").contains("INCONNU").contains("127.0.0.1:1")
                .contains("resolveursDns").contains("Secrétariat du cabinet");
            assertThat(Files.readString(bundle.resolve("steps.jsonl"))).contains("redirection 302 de " + base + "/ancien vers " + base + "/avis");
            try (var zipped = new java.util.zip.ZipFile(zip.toFile())) {
                assertThat(zipped.getEntry("archive.wacz")).isNotNull();
                assertThat(zipped.getEntry("report.pdf")).isNotNull();
                assertThat(zipped.getEntry("horodatages/rapport-1.tst")).isNotNull();
            }
            var report = org.apache.pdfbox.Loader.loadPDF(bundle.resolve("report.pdf").toFile());
            try (report) {
                var text = new org.apache.pdfbox.text.PDFTextStripper().getText(report).replaceAll("\\s+", " ");
                assertThat(text).contains("Secrétariat du cabinet").contains("avis injurieux").contains(base + "/avis")
                    .contains("un constat établi par un commissaire de justice reste la référence");
            }
            // Each kind of tampering fails and names what was changed.
            assertThat(tampered(bundle, copy -> flipByte(copy.resolve("page.png"), 200))).contains("page.png");
            assertThat(tampered(bundle, copy -> Files.writeString(copy.resolve("manifest.json"),
                    Files.readString(copy.resolve("manifest.json")).replace("capture-", "capture-X")))).contains("horodatages/jeton-1.tst");
            assertThat(tampered(bundle, copy -> flipByte(copy.resolve("horodatages/jeton-1.tst"), 100))).contains("horodatages/jeton-1.tst");
            assertThat(tampered(bundle, copy -> flipByte(copy.resolve("report.pdf"), 300)))
                .anyMatch(subject -> subject.contains("report.pdf"));
            assertThat(tampered(bundle, copy -> changeWarcRecord(copy.resolve("archive.wacz"), "Cabinet des Tilleuls",
                    "Cabinet des Tilleulz"))).contains("archive.wacz").anyMatch(subject -> subject.contains("réponse " + base + "/avis"));
        }
    }

    interface Tampering {

        void apply(Path copy) throws Exception;

    }

    /** The subjects of the failing checks once a copy of the bundle is tampered with. */
    List<String> tampered(Path bundle, Tampering tampering) throws Exception {
        var copy = work.resolve("copie-" + System.nanoTime());
        try (var walk = Files.walk(bundle)) {
            for (var path : (Iterable<Path>) walk::iterator) {
                Files.copy(path, copy.resolve(bundle.relativize(path).toString()));
            }
        }
        tampering.apply(copy);
        var out = new ByteArrayOutputStream();
        var status = new EvidenceCommand().run(List.of("verify", copy.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(status).as("verify fails after tampering").isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ÉCHEC").contains("Preuve NON intègre");
        return new BundleVerifier().verify(copy).stream().filter(check -> !check.passed()).map(Check::subject).toList();
    }

    static void flipByte(Path file, int at) throws Exception {
        var bytes = Files.readAllBytes(file);
        bytes[Math.min(at, bytes.length - 1)] ^= 0x01;
        Files.write(file, bytes);
    }

    /** Rewrites the WACZ with its WARC uncompressed and one word of a response changed, the WARC headers kept. */
    static void changeWarcRecord(Path wacz, String from, String to) throws Exception {
        var entries = new java.util.LinkedHashMap<String, byte[]>();
        try (var zip = new java.util.zip.ZipFile(wacz.toFile())) {
            for (var entry : java.util.Collections.list(zip.entries())) {
                entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        var warc = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(entries.remove("archive/data.warc.gz")))
            .readAllBytes();
        var text = new String(warc, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(from);
        entries.put("archive/data.warc", text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(wacz))) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    @Test
    void withoutChromiumTheWarcHtmlAndTextAreStillSealedAndTheMissingRenderingsAreStated() throws Exception {
        try (var authority = new LocalTimestampAuthority("TSA sans navigateur")) {
            var out = new ByteArrayOutputStream();
            var status = new EvidenceCommand().run(List.of("capture", base + "/ancien", "--out", work.toString(), "--tsa",
                    authority.uri().toString(), "--allow-host", "127.0.0.1", "--ntp", "aucun", "--sans-navigateur"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            var printed = out.toString(StandardCharsets.UTF_8).strip().split("\n");
            assertThat(status).as(String.join("\n", printed)).isZero();
            var zip = Path.of(printed[printed.length - 1]);
            assertThat(new BundleVerifier().verify(zip)).allMatch(Check::passed);
            var bundle = Path.of(zip.toString().replaceAll("\\.zip$", ""));
            assertThat(bundle.resolve("page.png")).doesNotExist();
            assertThat(bundle.resolve("archive.wacz")).exists();
            assertThat(Files.readString(bundle.resolve("texte.txt"))).contains("Le Dr X est un con.");
            assertThat(Files.readString(bundle.resolve("environment.json"))).contains("Chromium est introuvable")
                .contains("aucun serveur NTP configuré");
            try (var report = org.apache.pdfbox.Loader.loadPDF(bundle.resolve("report.pdf").toFile())) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(report).replaceAll("\\s+", " ")).contains("Aucun rendu")
                    .contains("sudo apt-get install chromium");
            }
        }
    }

    @Test
    void aClockOffByMoreThanASecondIsNotSealedAndLeavesNoBundle() throws Exception {
        try (var authority = new LocalTimestampAuthority("TSA horloge");
                var ntp = new PreflightTests.FakeNtpServer(java.time.Duration.ofSeconds(3), PreflightTests.Reply.GOOD)) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            var dir = work.resolve("horloge");
            var status = new EvidenceCommand().run(List.of("capture", base + "/avis", "--out", dir.toString(), "--tsa",
                    authority.uri().toString(), "--allow-host", "127.0.0.1", "--ntp", ntp.address(), "--sans-navigateur"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Horloge décalée").contains("n'est pas scellée");
            try (var left = Files.list(dir)) {
                assertThat(left.toList()).as("no bundle, sealed or not").isEmpty();
            }
        }
    }

    @Test
    void aConsentBannerIsAcceptedByRuleVisiblyAndLogged() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var bundle = work.resolve("bandeau");
        var result = new ChromiumCapture(ChromiumCapture.findChromium(), java.time.Duration.ofSeconds(30))
            .capture(java.net.URI.create(base + "/bandeau"), bundle);
        assertThat(result.files()).contains("consentement.png");
        assertThat(result.steps().toString()).contains("etape=consentement")
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
        assertThat(result.steps().toString()).contains("la page n'a pas fini de charger en 3 s : capture en l'état");
        assertThat(Files.readString(bundle.resolve("texte.txt"))).contains("Avis encore visible.");
    }

    @Test
    void anInnerScrollingPanelIsScrolledUntilItsLazyItemsAreAllThereThenUnfolded() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var bundle = work.resolve("panneau");
        var result = new ChromiumCapture(ChromiumCapture.findChromium(), java.time.Duration.ofSeconds(30))
            .capture(java.net.URI.create(base + "/panneau"), bundle);
        assertThat(Files.readString(bundle.resolve("texte.txt"))).contains("Avis différé n°1").contains("Avis différé n°50")
            .doesNotContain("n°51");
        assertThat(result.steps().toString()).contains("panneau div#liste déroulé")
            .contains("déplié(s)");
        assertThat(result.limits()).isEmpty();
        var image = javax.imageio.ImageIO.read(bundle.resolve("page.png").toFile());
        assertThat(image.getHeight()).as("the unfolded panel (50 × 60 px) is in the screenshot").isGreaterThan(3000);
    }

    @Test
    void anEndlessScrollIsCappedAndTheCaptureSaysSo() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var bundle = work.resolve("infini");
        var result = new ChromiumCapture(ChromiumCapture.findChromium(), java.time.Duration.ofSeconds(30),
                new ChromiumCapture.Limits(50_000_000, 60_000, 4)).capture(java.net.URI.create(base + "/infini"), bundle);
        assertThat(result.limits()).anyMatch(limit -> limit.startsWith("Défilement infini"));
        assertThat(result.steps().toString()).contains("etape=plafond");
    }

    @Test
    void aVeryTallPageIsTiledWithoutLossAndACutIsStatedOnTheImage() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var whole = work.resolve("haute");
        var result = new ChromiumCapture(ChromiumCapture.findChromium(), java.time.Duration.ofSeconds(30))
            .capture(java.net.URI.create(base + "/haute"), whole);
        assertThat(result.files()).contains("page-01.png", "page-05.png").doesNotContain("page.png", "page-06.png");
        int top = 0;
        for (int tile = 1; tile <= 5; tile++) {
            var image = javax.imageio.ImageIO.read(whole.resolve("page-%02d.png".formatted(tile)).toFile());
            assertThat(image.getHeight()).isEqualTo(ChromiumCapture.TILE);
            for (int y = 500; y < image.getHeight(); y += 1000) {
                var band = (top + y) / 1000;
                var rgb = image.getRGB(640, y) & 0xffffff;
                assertThat(rgb).as("tile %d, y %d: band %d is painted", tile, y, band + 1)
                    .isEqualTo(band % 2 == 0 ? 0xff0000 : 0x0000ff);
            }
            top += image.getHeight();
        }
        assertThat(result.limits()).isEmpty();

        var cut = work.resolve("haute-coupee");
        var capped = new ChromiumCapture(ChromiumCapture.findChromium(), java.time.Duration.ofSeconds(30),
                new ChromiumCapture.Limits(50_000_000, 12_000, 20)).capture(java.net.URI.create(base + "/haute"), cut);
        assertThat(capped.files()).contains("page-01.png", "page-02.png").doesNotContain("page-03.png");
        assertThat(capped.limits()).anyMatch(limit -> limit.contains("40000 px") && limit.contains("12000"));
        var last = javax.imageio.ImageIO.read(cut.resolve("page-02.png").toFile());
        assertThat(last.getHeight()).isEqualTo(4000);
        var banner = last.getRGB(5, last.getHeight() - 30) & 0xffffff;
        assertThat(banner).as("the cut is stated on the image by a dark red banner").isEqualTo(0xb00020);
    }

    @Test
    void onlyPublicHttpTargetsAreCapturedUnlessAllowed() {
        assertThatThrownBy(() -> Targets.check("file:///etc/passwd", Set.of())).hasMessageContaining("http et https");
        assertThatThrownBy(() -> Targets.check("http://127.0.0.1:8080/admin", Set.of())).hasMessageContaining("--allow-host 127.0.0.1");
        assertThatThrownBy(() -> Targets.check("http://192.168.1.10/", Set.of())).hasMessageContaining("privée");
        assertThatThrownBy(() -> Targets.check("http://169.254.169.254/latest/meta-data", Set.of())).hasMessageContaining("privée");
        assertThat(Targets.check("http://127.0.0.1:8080/", Set.of("127.0.0.1")).getPort()).isEqualTo(8080);
        var err = new ByteArrayOutputStream();
        assertThat(new EvidenceCommand().run(List.of("capture", "http://10.0.0.1/", "--out", work.toString(), "--tsa",
                "http://tsa.example/"), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusée");
        assertThat(new EvidenceCommand().run(List.of("capture", "https://avis.example/", "--out", work.toString(), "--tsa",
                "pas une adresse"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tsa attend l'adresse http(s)");
    }

}
