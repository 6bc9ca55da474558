package fr.egide.evidence.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Captures a page with Debian's Chromium, headless, driven over the DevTools protocol: a fresh profile (empty cache
 * and cookies), French locale, Paris time, background traffic off. Writes the renderings (full-page PNG beyond the
 * viewport, MHTML, PDF), the serialised DOM and the visible text, the navigation steps and the environment.
 * Plain Java; one capture per instance.
 */
public final class ChromiumCapture {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Flags that keep the browser from talking to anything but the captured page. */
    private static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--metrics-recording-only", "--mute-audio", "--hide-scrollbars",
            "--disable-features=Translate,OptimizationHints,MediaRouter", "--lang=fr-FR", "--window-size=1280,900",
            "--remote-debugging-port=0");

    private final Path chromium;

    private final Duration timeout;

    public ChromiumCapture(Path chromium, Duration timeout) {
        this.chromium = chromium;
        this.timeout = timeout;
    }

    /** The Chromium on this machine's PATH, or null when there is none. */
    public static Path findChromium() {
        for (var name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (var dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                var candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** What the capture produced. */
    public record Result(Instant startedAt, Instant endedAt, String finalUrl, List<String> files) {
    }

    public Result capture(URI url, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        var profile = Files.createTempDirectory("egide-chromium-");
        var startedAt = Instant.now();
        var steps = new ArrayList<Map<String, Object>>();
        var command = new ArrayList<String>();
        command.add(chromium.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TZ", "Europe/Paris");
        builder.environment().put("LANG", "fr_FR.UTF-8");
        var browser = builder.start();
        try (var devtools = new DevTools(pageEndpoint(profile, browser))) {
            var version = devtools.call("Browser.getVersion", Map.of(), timeout);
            devtools.call("Page.enable", Map.of(), timeout);
            devtools.call("Emulation.setTimezoneOverride", Map.of("timezoneId", "Europe/Paris"), timeout);
            var loaded = devtools.next("Page.loadEventFired");
            steps.add(step("navigation", url.toString()));
            var navigation = devtools.call("Page.navigate", Map.of("url", url.toString()), timeout);
            if (navigation.has("errorText") && !navigation.get("errorText").asString().isEmpty()) {
                throw new IOException("La page n'a pas pu être chargée : " + navigation.get("errorText").asString());
            }
            try {
                loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                steps.add(step("chargement", "événement load reçu"));
            }
            catch (java.util.concurrent.TimeoutException ex) {
                steps.add(step("chargement", "la page n'a pas fini de charger en " + timeout.toSeconds() + " s : capture en l'état"));
            }
            catch (java.util.concurrent.ExecutionException ex) {
                throw new IOException(ex);
            }
            var finalUrl = evaluate(devtools, "location.href");
            steps.add(step("adresse finale", finalUrl));
            var files = new ArrayList<String>();
            consent(devtools, out, steps, files);
            Files.writeString(out.resolve("dom.html"), evaluate(devtools, "document.documentElement.outerHTML"), StandardCharsets.UTF_8);
            files.add("dom.html");
            Files.writeString(out.resolve("texte.txt"), evaluate(devtools, "document.body ? document.body.innerText : ''"),
                    StandardCharsets.UTF_8);
            files.add("texte.txt");
            var metrics = devtools.call("Page.getLayoutMetrics", Map.of(), timeout).path("cssContentSize");
            var width = Math.max(1, metrics.path("width").asDouble());
            var height = Math.max(1, metrics.path("height").asDouble());
            var screenshot = devtools.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)), timeout);
            Files.write(out.resolve("page.png"), Base64.getDecoder().decode(screenshot.path("data").asString()));
            files.add("page.png");
            var mhtml = devtools.call("Page.captureSnapshot", Map.of("format", "mhtml"), timeout);
            Files.writeString(out.resolve("page.mhtml"), mhtml.path("data").asString(), StandardCharsets.UTF_8);
            files.add("page.mhtml");
            var pdf = devtools.call("Page.printToPDF", Map.of("printBackground", true), timeout);
            Files.write(out.resolve("page.pdf"), Base64.getDecoder().decode(pdf.path("data").asString()));
            files.add("page.pdf");
            var endedAt = Instant.now();
            steps.add(step("rendus", "PNG pleine page " + Math.round(width) + " × " + Math.round(height) + " px, MHTML, PDF, DOM, texte"));
            Files.writeString(out.resolve("steps.jsonl"), String.join("\n", steps.stream().map(s -> JSON.writer()
                .without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s)).toList()) + "\n", StandardCharsets.UTF_8);
            files.add("steps.jsonl");
            var environment = new LinkedHashMap<String, Object>();
            environment.put("debut", startedAt.toString());
            environment.put("fin", endedAt.toString());
            environment.put("url", url.toString());
            environment.put("adresseFinale", finalUrl);
            environment.put("navigateur", version.path("product").asString());
            environment.put("systeme", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            environment.put("java", System.getProperty("java.version"));
            environment.put("egide", fr.egide.system.EgideVersion.current());
            environment.put("profil", "profil neuf, cache et cookies vides");
            environment.put("langue", "fr-FR");
            environment.put("fuseauHoraire", "Europe/Paris");
            environment.put("horloge", "décalage NTP non mesuré dans cette version");
            Files.writeString(out.resolve("environment.json"), JSON.writeValueAsString(environment), StandardCharsets.UTF_8);
            files.add("environment.json");
            return new Result(startedAt, endedAt, finalUrl, files);
        }
        finally {
            // The renderer and helper processes too: they write to the profile until they exit.
            var children = browser.descendants().toList();
            browser.destroy();
            if (!browser.waitFor(5, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
            for (var child : children) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
                child.onExit().completeOnTimeout(child, 2, TimeUnit.SECONDS).join();
            }
            deleteQuietly(profile);
        }
    }

    /** Labels of consent buttons clicked by rule (exact, case-insensitive), most specific first. */
    static final List<String> CONSENT_LABELS = List.of("tout accepter", "accepter et fermer", "accepter et continuer",
            "j'accepte", "j’accepte", "accepter", "accept all", "accept all cookies", "i agree", "ok, j'ai compris");

    /**
     * A cookie or consent banner hides the page: when one of its buttons bears a known consent label, the viewport is
     * captured as it was (consentement.png), the button is clicked, and the step says which label was clicked and why.
     * Never silent: the click is in steps.jsonl and the before-image is in the bundle.
     */
    private void consent(DevTools devtools, Path out, List<Map<String, Object>> steps, List<String> files)
            throws IOException, InterruptedException {
        var labels = JSON.writeValueAsString(CONSENT_LABELS);
        var find = "(() => { const labels = " + labels + "; const candidates = [...document.querySelectorAll("
                + "'button, a, [role=button], input[type=button], input[type=submit]')]; for (const label of labels) {"
                + " const found = candidates.find(b => ((b.innerText || b.value || '').trim().toLowerCase() === label)"
                + " && b.offsetParent !== null); if (found) { window.__egideConsent = found;"
                + " return (found.innerText || found.value).trim(); } } return ''; })()";
        var label = evaluate(devtools, find);
        if (label.isEmpty()) {
            return;
        }
        var before = devtools.call("Page.captureScreenshot", Map.of("format", "png"), timeout);
        Files.write(out.resolve("consentement.png"), Base64.getDecoder().decode(before.path("data").asString()));
        files.add("consentement.png");
        evaluate(devtools, "(() => { window.__egideConsent.click(); return 'ok'; })()");
        Thread.sleep(500);
        steps.add(step("consentement", "bouton « " + label + " » cliqué par règle (libellé de consentement connu) ; "
                + "la page telle qu'elle était avant : consentement.png"));
    }

    private static Map<String, Object> step(String kind, String detail) {
        var step = new LinkedHashMap<String, Object>();
        step.put("heure", Instant.now().toString());
        step.put("etape", kind);
        step.put("detail", detail);
        return step;
    }

    private String evaluate(DevTools devtools, String expression) throws IOException {
        return devtools.call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true), timeout)
            .path("result").path("value").asString("");
    }

    /** The page target's DevTools address, once the browser has written its port in the profile. */
    private URI pageEndpoint(Path profile, Process browser) throws IOException, InterruptedException {
        var portFile = profile.resolve("DevToolsActivePort");
        var deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (!browser.isAlive()) {
                throw new IOException("Chromium s'est arrêté au démarrage (code " + browser.exitValue() + ").");
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("Chromium n'a pas démarré en " + timeout.toSeconds() + " s.");
            }
            Thread.sleep(50);
        }
        var port = Files.readAllLines(portFile).get(0).strip();
        var http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            var list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (var target : JSON.readTree(list.body())) {
                if ("page".equals(target.path("type").asString())) {
                    return URI.create(target.path("webSocketDebuggerUrl").asString());
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("Chromium n'a ouvert aucune page.");
    }

    private static void deleteQuietly(Path dir) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                return;
            }
            catch (IOException | java.io.UncheckedIOException ex) {
                // A file vanished while walking (a browser process finishing): try again; a temporary profile left
                // behind is harmless.
            }
        }
    }

}
