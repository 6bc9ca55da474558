package fr.egide.evidence.engine;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** A renderer that crashes in the middle of a capture (a real crash, by DevTools' Page.crash) gives a clear error at once. */
class RendererCrashTests {

    @TempDir
    Path work;

    @Test
    void aRendererCrashIsAClearErrorNotAHalfCapture() throws Exception {
        assumeThat(ChromiumCapture.findChromium()).as("Chromium installed (apt-get install chromium)").isNotNull();
        var site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/", exchange -> {
            var page = "<!doctype html><html lang=\"fr\"><body><p>Avis</p></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        site.start();
        try {
            var capture = new ChromiumCapture(ChromiumCapture.findChromium(), Duration.ofSeconds(20));
            capture.afterLoad = "Page.crash";
            var started = System.nanoTime();
            assertThatThrownBy(() -> capture.capture(URI.create("http://127.0.0.1:" + site.getAddress().getPort() + "/"),
                    work.resolve("plantage")))
                .hasMessageContaining("plantage").hasMessageContaining("aucune preuve n'est scellée");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for the 20 s timeout of each call")
                .isLessThan(Duration.ofSeconds(15));
        }
        finally {
            site.stop(0);
        }
    }

}
