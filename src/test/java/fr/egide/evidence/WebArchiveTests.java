package fr.egide.evidence;

import com.sun.net.httpserver.HttpServer;
import fr.egide.evidence.engine.Digests;
import fr.egide.evidence.engine.Exchange;
import fr.egide.evidence.engine.Exchange.Header;
import fr.egide.evidence.engine.PlainHttpCapture;
import fr.egide.evidence.engine.WebArchive;
import fr.egide.evidence.engine.WebArchive.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP record of a capture as a WACZ: the records read back with jwarc carry the server's address, SHA-256
 * digests and the TLS chain; the CDXJ index points at the responses; the datapackage lists every file; the offline
 * verifier passes a fresh archive and names the record or the file that was changed. And the plain-HTTP capture
 * used without Chromium follows redirects hop by hop and caps the body.
 */
class WebArchiveTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Instant CAPTURED = Instant.parse("2026-11-25T10:00:00Z");

    static final String PAGE = "https://avis.example/cabinet/";

    static final String HTML = "<html><head><title>Cabinet du Dr Martin</title></head><body><p>Le Dr Martin est très à l'écoute.</p></body></html>";

    @TempDir
    Path work;

    static Exchange.Tls tls() {
        var leaf = new Exchange.Certificate("CN=avis.example", "CN=Autorité Intermédiaire,O=Exemple", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2027-01-01T00:00:00Z"), "aa".repeat(32));
        var intermediate = new Exchange.Certificate("CN=Autorité Intermédiaire,O=Exemple", "CN=Racine,O=Exemple",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"), "bb".repeat(32));
        return new Exchange.Tls("TLSv1.3", "TLS_AES_128_GCM_SHA256", null, leaf.subject(), leaf.issuer(), leaf.notBefore(),
                leaf.notAfter(), List.of("avis.example", "www.avis.example"), List.of(leaf, intermediate));
    }

    static List<Exchange> exchanges() {
        var png = new byte[600];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        var request = List.of(new Header(":authority", "avis.example"), new Header("accept-language", "fr-FR"));
        return List.of(
                new Exchange("GET", "https://avis.example/cabinet", request, null, 301, "", "h2",
                        List.of(new Header("location", PAGE), new Header("content-length", "0")), null, null, "203.0.113.10", 443,
                        CAPTURED, "text/html", tls()),
                new Exchange("GET", PAGE, request, null, 200, "", "h2",
                        List.of(new Header("content-type", "text/html; charset=utf-8"), new Header("content-encoding", "gzip"),
                                new Header("content-length", "91")),
                        HTML.getBytes(StandardCharsets.UTF_8), null, "203.0.113.10", 443, CAPTURED.plusMillis(120), "text/html", tls()),
                new Exchange("GET", "https://cdn.avis.example/logo.png", List.of(new Header("Referer", PAGE)), null, 200, "OK",
                        "http/1.1", List.of(new Header("Content-Type", "image/png"), new Header("Content-Length", "600")), png, null,
                        "[2001:db8::1]", 443, CAPTURED.plusMillis(300), "image/png", null),
                new Exchange("GET", "http://avis.example/avis.json?page=2", List.of(), null, 200, "OK", "http/1.1",
                        List.of(new Header("Content-Type", "application/json"), new Header("Transfer-Encoding", "chunked")),
                        "{\"avis\":[".getBytes(StandardCharsets.UTF_8), "length", null, null, CAPTURED.plusMillis(400),
                        "application/json", null));
    }

    Path wacz() throws IOException {
        var wacz = work.resolve("archive.wacz");
        WebArchive.writeWacz(exchanges(), PAGE, "Cabinet du Dr Martin", CAPTURED, "Égide 0.1 (test)", wacz);
        return wacz;
    }

    static Map<String, byte[]> entries(Path zip) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var file = new ZipFile(zip.toFile())) {
            for (var entry : file.stream().toList()) {
                try (var in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    static void zip(Path zip, Map<String, byte[]> entries) throws IOException {
        try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    static List<WarcRecord> records(byte[] warc, List<byte[]> blocks) throws IOException {
        var records = new ArrayList<WarcRecord>();
        try (var reader = new WarcReader(new ByteArrayInputStream(warc))) {
            for (var record : reader) {
                records.add(record);
                blocks.add(record.body().stream().readAllBytes());
            }
        }
        return records;
    }

    static List<Finding> verify(Path wacz) throws IOException {
        try (var in = Files.newInputStream(wacz)) {
            return WebArchive.verify(in, "archive.wacz");
        }
    }

    static String sha256(byte[] bytes) {
        return "sha256:" + Digests.sha256Hex(bytes);
    }

    @Test
    void recordsCarryAddressDigestsAndTlsChain() throws Exception {
        var wacz = wacz();
        try (var zip = new ZipFile(wacz.toFile())) {
            assertThat(zip.getEntry(WebArchive.WARC).getMethod()).isEqualTo(ZipEntry.STORED);
        }
        var blocks = new ArrayList<byte[]>();
        var records = records(entries(wacz).get(WebArchive.WARC), blocks);
        assertThat(records).extracting(WarcRecord::type)
            .containsExactly("warcinfo", "request", "response", "metadata", "request", "response", "metadata", "request", "response",
                    "metadata", "request", "response", "metadata");
        assertThat(records).allMatch(record -> record.version().equals(MessageVersion.WARC_1_1));
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).headers().first("WARC-Block-Digest")).contains(sha256(blocks.get(i)));
        }
        assertThat(new String(blocks.get(0), StandardCharsets.UTF_8)).contains("software: Égide 0.1 (test)", "Capture Égide");

        var request = (WarcRequest) records.get(4);
        var response = (WarcResponse) records.get(5);
        assertThat(request.concurrentTo()).containsExactly(response.id());
        var requestText = new String(blocks.get(4), StandardCharsets.UTF_8);
        assertThat(requestText).startsWith("GET /cabinet/ HTTP/1.1\r\nHost: avis.example\r\n").contains("accept-language: fr-FR")
            .doesNotContain(":authority");
        assertThat(response.target()).isEqualTo(PAGE);
        assertThat(response.date()).isEqualTo(CAPTURED.plusMillis(120));
        assertThat(response.ipAddress()).hasValueSatisfying(ip -> assertThat(ip.getHostAddress()).isEqualTo("203.0.113.10"));
        var html = HTML.getBytes(StandardCharsets.UTF_8);
        assertThat(response.headers().first("WARC-Payload-Digest")).contains(sha256(html));
        var responseText = new String(blocks.get(5), StandardCharsets.UTF_8);
        assertThat(responseText).startsWith("HTTP/1.1 200 OK\r\n")
            .contains("X-Egide-Original-Content-Encoding: gzip", "X-Egide-Original-Content-Length: 91",
                    "Content-Length: " + html.length)
            .doesNotContain("\r\ncontent-encoding", "\r\ncontent-length")
            .endsWith(HTML);

        var metadata = (WarcMetadata) records.get(6);
        assertThat(metadata.concurrentTo()).containsExactly(response.id());
        assertThat(metadata.contentType().toString()).isEqualTo("application/warc-fields");
        var fields = new String(blocks.get(6), StandardCharsets.UTF_8);
        assertThat(fields).contains("http-protocol: h2\r\n", "remote-port: 443\r\n", "tls-protocol: TLSv1.3\r\n",
                "tls-cipher: TLS_AES_128_GCM_SHA256\r\n", "tls-subject: CN=avis.example\r\n",
                "tls-valid-to: 2027-01-01T00:00:00Z\r\n", "tls-san: avis.example, www.avis.example\r\n",
                "tls-certificate: CN=avis.example | CN=Autorité Intermédiaire,O=Exemple | 2026-01-01T00:00:00Z | "
                        + "2027-01-01T00:00:00Z | " + "aa".repeat(32) + "\r\n",
                "tls-certificate: CN=Autorité Intermédiaire,O=Exemple | CN=Racine,O=Exemple");
        assertThat(fields).doesNotContain("tls-key-exchange");

        var redirect = new String(blocks.get(2), StandardCharsets.UTF_8);
        assertThat(redirect).startsWith("HTTP/1.1 301 Moved Permanently\r\n").contains("location: " + PAGE).endsWith("\r\n\r\n");
        assertThat(((WarcResponse) records.get(8)).ipAddress())
            .hasValueSatisfying(ip -> assertThat(ip.getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1"));
        var truncated = (WarcResponse) records.get(11);
        assertThat(truncated.headers().first("WARC-Truncated")).contains("length");
        assertThat(truncated.ipAddress()).isEmpty();
        assertThat(new String(blocks.get(11), StandardCharsets.UTF_8))
            .contains("X-Egide-Original-Transfer-Encoding: chunked", "Content-Length: 9")
            .doesNotContain("\r\nTransfer-Encoding");
        assertThat(new String(blocks.get(12), StandardCharsets.UTF_8)).contains("http-protocol: http/1.1", "truncated: length")
            .doesNotContain("tls-");
    }

    @Test
    void theIndexIsSortedAndPointsAtEachResponse() throws Exception {
        var entries = entries(wacz());
        var warc = entries.get(WebArchive.WARC);
        var lines = new String(entries.get(WebArchive.INDEX), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4).isSorted();
        assertThat(lines.get(0)).startsWith("example,avis)/avis.json?page=2 20261125100000 {");
        assertThat(lines.get(3)).startsWith("example,avis,cdn)/logo.png 20261125100000 {");
        for (var line : lines) {
            var json = JSON.readTree(line.substring(line.indexOf('{')));
            assertThat(json.path("filename").asString()).isEqualTo("data.warc.gz");
            var offset = Integer.parseInt(json.path("offset").asString());
            var length = Integer.parseInt(json.path("length").asString());
            var blocks = new ArrayList<byte[]>();
            var member = records(Arrays.copyOfRange(warc, offset, offset + length), blocks);
            assertThat(member).hasSize(1);
            var response = (WarcResponse) member.get(0);
            assertThat(response.target()).isEqualTo(json.path("url").asString());
            assertThat(response.headers().first("WARC-Payload-Digest")).contains(json.path("digest").asString());
            assertThat(new String(blocks.get(0), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 " + json.path("status").asString() + " ");
        }
        assertThat(lines).extracting(line -> line.substring(0, line.indexOf(' ')))
            .containsExactly("example,avis)/avis.json?page=2", "example,avis)/cabinet", "example,avis)/cabinet/",
                    "example,avis,cdn)/logo.png");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("example,avis)/cabinet/ 20261125100000 ")
            .contains("\"mime\":\"text/html\"", "\"status\":\"200\""));
    }

    @Test
    void theDatapackageListsEveryFileWithItsHashAndSize() throws Exception {
        var entries = entries(wacz());
        assertThat(entries.keySet()).containsExactly(WebArchive.WARC, WebArchive.INDEX, WebArchive.PAGES, WebArchive.DATAPACKAGE,
                WebArchive.DATAPACKAGE_DIGEST);
        var datapackage = JSON.readTree(entries.get(WebArchive.DATAPACKAGE));
        assertThat(datapackage.path("profile").asString()).isEqualTo("data-package");
        assertThat(datapackage.path("wacz_version").asString()).isEqualTo("1.1.1");
        assertThat(datapackage.path("software").asString()).isEqualTo("Égide 0.1 (test)");
        assertThat(datapackage.path("mainPageUrl").asString()).isEqualTo(PAGE);
        var paths = new ArrayList<String>();
        for (var resource : datapackage.path("resources")) {
            var path = resource.path("path").asString();
            paths.add(path);
            assertThat(resource.path("hash").asString()).isEqualTo(sha256(entries.get(path)));
            assertThat(resource.path("bytes").asLong()).isEqualTo(entries.get(path).length);
        }
        assertThat(paths).containsExactly(WebArchive.WARC, WebArchive.INDEX, WebArchive.PAGES);
        var digest = JSON.readTree(entries.get(WebArchive.DATAPACKAGE_DIGEST));
        assertThat(digest.path("path").asString()).isEqualTo("datapackage.json");
        assertThat(digest.path("hash").asString()).isEqualTo(sha256(entries.get(WebArchive.DATAPACKAGE)));
        var pages = new String(entries.get(WebArchive.PAGES), StandardCharsets.UTF_8).lines().toList();
        assertThat(pages).hasSize(2);
        assertThat(JSON.readTree(pages.get(0)).path("format").asString()).isEqualTo("json-pages-1.0");
        var page = JSON.readTree(pages.get(1));
        assertThat(page.path("url").asString()).isEqualTo(PAGE);
        assertThat(page.path("ts").asString()).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(page.path("title").asString()).isEqualTo("Cabinet du Dr Martin");
    }

    @Test
    void indexKeysAreTheOnesReplayLooksUp() {
        assertThat(WebArchive.surt("https://www.Avis.example:443/Cabinet/?b=2&a=1#avis")).isEqualTo("example,avis)/cabinet/?a=1&b=2");
        assertThat(WebArchive.surt("http://127.0.0.1:8080")).isEqualTo("1,0,0,127:8080)/");
        assertThat(WebArchive.surt("urn:screenshot:https://x/")).isEqualTo("urn:screenshot:https://x/");
    }

    @Test
    void aFreshArchiveVerifies() throws Exception {
        var findings = verify(wacz());
        assertThat(findings).allMatch(Finding::passed)
            .contains(new Finding("archive.wacz › archive/data.warc.gz", true, "13 enregistrements, empreintes conformes"))
            .anyMatch(f -> f.subject().equals("archive.wacz › datapackage.json") && f.detail().startsWith("3 fichiers répertoriés"));
    }

    /** An uncompressed WARC with the same records, listed in a recomputed datapackage, as a forger would rewrite it. */
    static Map<String, byte[]> uncompressed(Map<String, byte[]> entries, byte[] warc) {
        var rewritten = new LinkedHashMap<String, byte[]>();
        rewritten.put("archive/data.warc", warc);
        rewritten.put(WebArchive.INDEX, entries.get(WebArchive.INDEX));
        rewritten.put(WebArchive.PAGES, entries.get(WebArchive.PAGES));
        var resources = new ArrayList<Map<String, Object>>();
        rewritten.forEach((path, bytes) -> resources.add(Map.of("name", path.substring(path.lastIndexOf('/') + 1), "path", path,
                "hash", sha256(bytes), "bytes", bytes.length)));
        var datapackage = JSON.writeValueAsBytes(Map.of("profile", "data-package", "wacz_version", "1.1.1", "resources", resources));
        rewritten.put(WebArchive.DATAPACKAGE, datapackage);
        rewritten.put(WebArchive.DATAPACKAGE_DIGEST, JSON.writeValueAsBytes(Map.of("path", "datapackage.json", "hash", sha256(datapackage))));
        return rewritten;
    }

    @Test
    void aChangedResponseBodyIsNamedEvenWhenTheManifestsAreRewritten() throws Exception {
        var entries = entries(wacz());
        byte[] warc;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(entries.get(WebArchive.WARC)))) {
            warc = in.readAllBytes();
        }
        var intact = work.resolve("intact.wacz");
        zip(intact, uncompressed(entries, warc));
        assertThat(verify(intact)).allMatch(Finding::passed)
            .contains(new Finding("archive.wacz › archive/data.warc", true, "13 enregistrements, empreintes conformes"));

        var text = new String(warc, StandardCharsets.ISO_8859_1);
        var at = text.indexOf("Le Dr Martin est");
        assertThat(at).isPositive();
        var forged = warc.clone();
        forged[at + 3] = 'X';
        var tampered = work.resolve("tampered.wacz");
        zip(tampered, uncompressed(entries, forged));
        var failures = verify(tampered).stream().filter(f -> !f.passed()).toList();
        assertThat(failures).extracting(Finding::subject)
            .containsOnly("archive.wacz › archive/data.warc › réponse " + PAGE);
        assertThat(failures).extracting(Finding::detail)
            .containsExactly("empreinte du bloc différente : l'enregistrement a été modifié",
                    "empreinte du contenu différente : le corps de la réponse a été modifié");
    }

    @Test
    void aChangedFileIsNamedAgainstTheDatapackage() throws Exception {
        var entries = entries(wacz());
        var pages = new String(entries.get(WebArchive.PAGES), StandardCharsets.UTF_8).replace("Cabinet du Dr Martin", "Autre titre");
        entries.put(WebArchive.PAGES, pages.getBytes(StandardCharsets.UTF_8));
        entries.put("notes.txt", "ajouté".getBytes(StandardCharsets.UTF_8));
        var tampered = work.resolve("tampered.wacz");
        zip(tampered, entries);
        var findings = verify(tampered);
        assertThat(findings.stream().filter(f -> !f.passed()).toList()).containsExactly(
                new Finding("archive.wacz › pages/pages.jsonl", false,
                        "fichier modifié : son empreinte SHA-256 n'est plus celle de datapackage.json"),
                new Finding("archive.wacz › notes.txt", false, "fichier absent de datapackage.json (ajouté après coup ?)"));
        assertThat(findings).contains(new Finding("archive.wacz › archive/data.warc.gz", true, "13 enregistrements, empreintes conformes"));
    }

    @Test
    void anUnreadableArchiveIsAFailingFindingNotAnException() throws Exception {
        assertThat(WebArchive.verify(new ByteArrayInputStream("pas une archive".getBytes(StandardCharsets.UTF_8)), "archive.wacz"))
            .singleElement()
            .satisfies(f -> assertThat(f.passed()).isFalse())
            .satisfies(f -> assertThat(f.detail()).startsWith("archive WACZ illisible"));

        var entries = entries(wacz());
        var warc = entries.get(WebArchive.WARC);
        entries.put(WebArchive.WARC, Arrays.copyOf(warc, warc.length / 2));
        var cut = work.resolve("cut.wacz");
        zip(cut, entries);
        assertThat(verify(cut)).filteredOn(f -> !f.passed())
            .extracting(Finding::subject)
            .containsExactly("archive.wacz › archive/data.warc.gz", "archive.wacz › archive/data.warc.gz");
        assertThat(verify(cut)).filteredOn(f -> !f.passed())
            .extracting(Finding::detail)
            .anyMatch(detail -> detail.startsWith("fichier WARC illisible après "));
    }

    @Test
    void plainHttpFollowsEachRedirectAndCapsTheBody() throws Exception {
        var padding = "<p>Suite de la page.</p>".repeat(400);
        var page = "<html><head><title>Cabinet</title><style>p{}</style></head><body><h1>Avis</h1>"
                + "<p>Le Dr Martin est très à l'écoute.</p><div>Second<br>bloc</div>" + padding + "</body></html>";
        var site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var languages = new java.util.concurrent.CopyOnWriteArrayList<String>();
        site.createContext("/", exchange -> {
            languages.add(exchange.getRequestHeaders().getFirst("Accept-Language"));
            switch (exchange.getRequestURI().getPath()) {
                case "/a" -> {
                    exchange.getResponseHeaders().add("Location", "/b");
                    exchange.sendResponseHeaders(301, -1);
                }
                case "/b" -> {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + site.getAddress().getPort() + "/c?x=1");
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> {
                    var compressed = new java.io.ByteArrayOutputStream();
                    try (var gzip = new java.util.zip.GZIPOutputStream(compressed)) {
                        gzip.write(page.getBytes(StandardCharsets.UTF_8));
                    }
                    var body = compressed.toByteArray();
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            }
            exchange.close();
        });
        site.start();
        try {
            var base = "http://127.0.0.1:" + site.getAddress().getPort();
            var result = new PlainHttpCapture(Duration.ofSeconds(10), 4096).fetch(URI.create(base + "/a"));
            assertThat(result.exchanges()).extracting(Exchange::status).containsExactly(301, 302, 200);
            assertThat(result.exchanges()).extracting(Exchange::url).containsExactly(base + "/a", base + "/b", base + "/c?x=1");
            assertThat(result.exchanges()).allSatisfy(exchange -> {
                assertThat(exchange.remoteIp()).isEqualTo("127.0.0.1");
                assertThat(exchange.remotePort()).isEqualTo(site.getAddress().getPort());
                assertThat(exchange.protocol()).isEqualTo("http/1.1");
                assertThat(exchange.tls()).isNull();
                assertThat(exchange.requestHeaders()).contains(new Header("Accept-Language", "fr-FR,fr;q=0.9"));
            });
            assertThat(languages).hasSize(3).allMatch(language -> language.startsWith("fr-FR"));
            var last = result.exchanges().get(2);
            assertThat(last.body()).hasSize(4096);
            assertThat(last.truncated()).isEqualTo("length");
            assertThat(last.mimeType()).isEqualTo("text/html");
            assertThat(last.responseHeaders()).contains(new Header("content-encoding", "gzip"));
            assertThat(result.finalUrl()).isEqualTo(base + "/c?x=1");
            assertThat(result.steps()).contains("redirection 301 vers " + base + "/b", "redirection 302 vers " + base + "/c?x=1",
                    "contenu de " + base + "/c?x=1 tronqué à 4096 octets (limite de capture)");
            assertThat(result.html()).startsWith("<html><head><title>Cabinet</title>").contains("très à l'écoute");
            assertThat(result.text()).startsWith("Avis\nLe Dr Martin est très à l'écoute.\nSecond\nbloc\nSuite de la page.\n")
                .doesNotContain("p{}", "Cabinet");

            var wacz = work.resolve("http.wacz");
            WebArchive.writeWacz(result.exchanges(), result.finalUrl(), "Cabinet", Instant.now(), "Égide (test)", wacz);
            assertThat(verify(wacz)).allMatch(Finding::passed);
            var blocks = new ArrayList<byte[]>();
            records(entries(wacz).get(WebArchive.WARC), blocks);
            assertThat(new String(blocks.get(8), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("X-Egide-Original-Content-Encoding: gzip", "X-Egide-Original-Content-Length: ", "Content-Length: 4096\r\n")
                .endsWith(new String(last.body(), StandardCharsets.UTF_8));
        }
        finally {
            site.stop(0);
        }
    }

}
