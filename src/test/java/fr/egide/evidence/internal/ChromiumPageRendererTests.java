package fr.egide.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import fr.egide.evidence.engine.ChromiumCapture;
import fr.egide.monitoring.PageRenderer;
import fr.egide.monitoring.connectors.ConnectorHttp;
import fr.egide.monitoring.connectors.FetchRequest;
import fr.egide.monitoring.connectors.FetchedItem;
import fr.egide.monitoring.connectors.WebPageConnector;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Watched pages whose text is written by their scripts, read with the real Chromium (Debian's) from a page served on
 * the loopback: the plain connector does not see the passage, the rendered one does; and the capture's safety rules.
 */
class ChromiumPageRendererTests {

    static final String REVIEW = "Le Dr Claire Martin a été très à l'écoute, je la recommande.";

    static final String PAGE = """
            <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Forum</title></head>
            <body><h1>Avis sur les médecins du 3e</h1><div id="avis"><p>Chargement…</p></div>
            <script>
              fetch('/avis.json').then(r => r.json()).then(avis => setTimeout(() => {
                const p = document.createElement('p');
                p.textContent = avis.texte;
                document.getElementById('avis').replaceChildren(p);
              }, 300));
            </script></body></html>
            """;

    static HttpServer site;

    static String base;

    @BeforeAll
    static void start() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/page", exchange -> send(exchange, 200, "text/html; charset=utf-8", PAGE));
        site.createContext("/avis.json", exchange -> send(exchange, 200, "application/json",
                "{\"texte\": \"" + REVIEW + "\"}"));
        site.createContext("/ailleurs", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + site.getAddress().getPort() + "/page");
            send(exchange, 302, "text/plain", "");
        });
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        site.stop(0);
    }

    static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body) throws java.io.IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    static EvidenceSettings settings(Set<String> allowHosts, boolean browser) {
        return new EvidenceSettings(List.of(), List.of(), null, Duration.ofSeconds(30), allowHosts, browser, null,
                Duration.ofDays(1), Duration.ofMinutes(15), false, Duration.ofDays(30));
    }

    static ConnectorHttp http() {
        return new ConnectorHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Clock.systemUTC(),
                Duration.ofSeconds(10));
    }

    static FetchRequest request(String path, Map<String, String> settings) {
        var all = new java.util.HashMap<>(settings);
        all.put("url", base + path);
        return new FetchRequest(all, null, List.of("Dr Claire Martin", "Claire Martin"), null);
    }

    @Test
    void aPassageWrittenByTheScriptsIsSeenOnlyOnceChromiumRendersThePage() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var renderer = new ChromiumPageRenderer(settings(Set.of("127.0.0.1"), true));

        var plain = new WebPageConnector(http(), null).fetch(request("/page", Map.of("scripts", "non")));
        var forced = new WebPageConnector(http(), renderer).fetch(request("/page", Map.of("scripts", "oui")));
        var decided = new WebPageConnector(http(), renderer).fetch(request("/page", Map.of()));

        assertThat(plain.items()).isEmpty();
        assertThat(forced.items()).extracting(FetchedItem::text).containsExactly(REVIEW);
        assertThat(forced.check()).containsEntry("rendu", "navigateur");
        assertThat(decided.items()).extracting(FetchedItem::text).containsExactly(REVIEW);
        assertThat(decided.check()).containsEntry("rendu", "navigateur").containsEntry("scripts", "automatique");
        assertThat(decided.nextCursor()).contains("\"rendu\":\"navigateur\"");
    }

    @Test
    void aRedirectToARefusedHostIsNotRead() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var renderer = new ChromiumPageRenderer(settings(Set.of("127.0.0.1"), true));

        var failure = catchThrowableOfType(PageRenderer.Failure.class,
                () -> renderer.render(URI.create(base + "/ailleurs"), Duration.ofSeconds(30)));

        assertThat(failure.reason()).isEqualTo(PageRenderer.Failure.Reason.REFUSED);
        assertThat(failure.getMessage()).contains("localhost", "EGIDE_EVIDENCE_ALLOW_HOSTS");
    }

    @Test
    void loopbackAndOtherSchemesAreRefusedAndAMissingBrowserSaysHowToInstallIt() {
        var strict = new ChromiumPageRenderer(settings(Set.of(), true), () -> null);
        var loopback = catchThrowableOfType(PageRenderer.Failure.class,
                () -> strict.render(URI.create(base + "/page"), Duration.ofSeconds(5)));
        var file = catchThrowableOfType(PageRenderer.Failure.class,
                () -> strict.render(URI.create("file:///etc/passwd"), Duration.ofSeconds(5)));
        var allowed = new ChromiumPageRenderer(settings(Set.of("127.0.0.1"), true), () -> null);
        var missing = catchThrowableOfType(PageRenderer.Failure.class,
                () -> allowed.render(URI.create(base + "/page"), Duration.ofSeconds(5)));
        var off = catchThrowableOfType(PageRenderer.Failure.class,
                () -> new ChromiumPageRenderer(settings(Set.of("127.0.0.1"), false)).render(URI.create(base + "/page"),
                        Duration.ofSeconds(5)));

        assertThat(loopback.reason()).isEqualTo(PageRenderer.Failure.Reason.REFUSED);
        assertThat(loopback.getMessage()).contains("Adresse locale ou privée refusée", "EGIDE_EVIDENCE_ALLOW_HOSTS");
        assertThat(file.reason()).isEqualTo(PageRenderer.Failure.Reason.REFUSED);
        assertThat(missing.reason()).isEqualTo(PageRenderer.Failure.Reason.NO_BROWSER);
        assertThat(missing.getMessage()).contains("sudo apt-get install chromium");
        assertThat(off.reason()).isEqualTo(PageRenderer.Failure.Reason.NO_BROWSER);
        assertThat(off.getMessage()).contains("EGIDE_EVIDENCE_BROWSER");
    }

}
