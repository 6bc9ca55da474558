package fr.egide.evidence;

import com.sun.net.httpserver.HttpServer;
import fr.egide.evidence.engine.ChromiumCapture;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark command (not a test): median time of a full sealed capture (pre-flight, Chromium start, load with the
 * HTTP record, scrolling, DOM, text, full-page PNG, MHTML, PDF, WACZ, manifest, RFC 3161 tokens from a local
 * authority over the manifest and the report, report.pdf, ZIP) of a local page of about 200 KB with 20
 * resources, and, in the same run, of {@code chromium --headless --screenshot} of the same page. Target: under 5 s
 * median. Run with {@code bench/capture.sh [runs] [texte]} ("texte": 200 KB of visible text instead of a review
 * listing with embedded data); figures in docs/BENCHMARKS.md.
 */
public final class CaptureBenchmark {

    public static void main(String[] args) throws Exception {
        var runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        var chromium = ChromiumCapture.findChromium();
        if (chromium == null) {
            throw new IllegalStateException("Chromium est introuvable (apt-get install chromium).");
        }
        var site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var resources = new ArrayList<String>();
        var body = new StringBuilder("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Avis</title>");
        for (int i = 0; i < 5; i++) {
            body.append("<link rel=\"stylesheet\" href=\"/r/style").append(i).append(".css\">");
            resources.add("/r/style" + i + ".css");
            body.append("<script src=\"/r/app").append(i).append(".js\"></script>");
            resources.add("/r/app" + i + ".js");
        }
        body.append("</head><body><h1>Avis du cabinet</h1>");
        for (int i = 0; i < 10; i++) {
            body.append("<img alt=\"\" width=\"120\" height=\"80\" src=\"/r/image").append(i).append(".svg\">");
            resources.add("/r/image" + i + ".svg");
        }
        var review = "<p class=\"avis\">Attente interminable, secrétaire désagréable, je ne recommande pas ce cabinet. </p>";
        var tall = args.length > 1 && args[1].equals("texte");
        if (tall) {
            // Worst case: 200 KB of visible text, a page about 52,000 px tall.
            while (body.length() < 200_000) {
                body.append(review);
            }
        }
        else {
            // Like a review site: a hundred visible reviews, the rest of the 200 KB in markup and embedded data.
            for (int i = 0; i < 100; i++) {
                body.append(review);
            }
            body.append("<script type=\"application/ld+json\">[");
            while (body.length() < 199_000) {
                body.append("{\"@type\":\"Review\",\"reviewBody\":\"Attente interminable, secrétaire désagréable.\",\"reviewRating\":{\"ratingValue\":1}},");
            }
            body.append("{}]</script>");
        }
        body.append("</body></html>");
        var page = body.toString().getBytes(StandardCharsets.UTF_8);
        site.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            byte[] content;
            String type;
            if (path.endsWith(".css")) {
                content = "p.avis { margin: .5rem 0; font-family: sans-serif; }".getBytes(StandardCharsets.UTF_8);
                type = "text/css";
            }
            else if (path.endsWith(".js")) {
                content = "document.documentElement.dataset.ok = '1';".getBytes(StandardCharsets.UTF_8);
                type = "text/javascript";
            }
            else if (path.endsWith(".svg")) {
                content = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"80\"><rect width=\"120\" height=\"80\" fill=\"#1f4e79\"/></svg>"
                    .getBytes(StandardCharsets.UTF_8);
                type = "image/svg+xml";
            }
            else {
                content = page;
                type = "text/html; charset=utf-8";
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, content.length);
            exchange.getResponseBody().write(content);
            exchange.close();
        });
        site.start();
        var url = URI.create("http://127.0.0.1:" + site.getAddress().getPort() + "/avis");
        var work = Files.createTempDirectory("egide-capture-bench");
        var sealed = new ArrayList<Double>();
        var plain = new ArrayList<Double>();
        try (var authority = new LocalTimestampAuthority("TSA banc d'essai")) {
            for (int run = 0; run <= runs; run++) {
                var start = System.nanoTime();
                // The whole pipeline: pre-flight (NTP asked on a closed local port: no network), Chromium with the HTTP
                // record, renderings, WACZ, manifest, token, report.pdf and its token, ZIP.
                new Capturer().capture(new Capturer.Request(url, "banc d'essai", "mesure", List.of(authority.uri()),
                        List.of("127.0.0.1:1"), null, Duration.ofSeconds(30), chromium, ChromiumCapture.Limits.DEFAULT),
                        Files.createDirectories(work.resolve("run-" + run)));
                var full = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                var screenshot = work.resolve("plain-" + run + ".png");
                var process = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--user-data-dir=" + work.resolve("profile-" + run), "--window-size=1280,900",
                        "--screenshot=" + screenshot, url.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                process.waitFor();
                var simple = (System.nanoTime() - start) / 1e9;
                if (run > 0) {
                    sealed.add(full);
                    plain.add(simple);
                }
                System.out.printf("run %d: sealed capture %.2f s, chromium --screenshot %.2f s%s%n", run, full, simple,
                        run == 0 ? " (warm-up, not counted)" : "");
            }
        }
        finally {
            site.stop(0);
        }
        var sealedMedian = median(sealed);
        var plainMedian = median(plain);
        System.out.printf("page %d KB, %d resources, %s%n", page.length / 1024, resources.size(), Instant.now());
        System.out.printf("median sealed capture: %.2f s; median chromium --headless --screenshot: %.2f s; ratio %.2f%n",
                sealedMedian, plainMedian, sealedMedian / plainMedian);
    }

    static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        var n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

}
