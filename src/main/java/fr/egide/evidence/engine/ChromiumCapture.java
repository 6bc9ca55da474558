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

    /** Height of one screenshot tile, well under the compositor's texture limit (16,384 px). */
    public static final int TILE = 8000;

    private final Path chromium;

    private final Duration timeout;

    private final Limits limits;

    /** A DevTools command sent once the page has loaded; for tests only (Page.crash makes a real renderer crash). */
    String afterLoad;

    /**
     * Caps against hostile pages.
     *
     * @param maxBytes response bodies kept in the WARC, in all
     * @param maxHeight page height rendered in the screenshots; beyond it the cut is stated on the image and in the report
     * @param maxScrolls scrolling passes (page and each inner panel) to load lazy items; an infinite scroll stops there
     */
    public record Limits(long maxBytes, int maxHeight, int maxScrolls) {

        public static final Limits DEFAULT = new Limits(100L * 1024 * 1024, 60_000, 20);

    }

    public ChromiumCapture(Path chromium, Duration timeout) {
        this(chromium, timeout, Limits.DEFAULT);
    }

    public ChromiumCapture(Path chromium, Duration timeout, Limits limits) {
        this.chromium = chromium;
        this.timeout = timeout;
        this.limits = limits;
    }

    /** The Chromium to use: EGIDE_CHROMIUM when set ("aucun" for none), else the first on this machine's PATH, or null. */
    public static Path findChromium() {
        var configured = System.getenv("EGIDE_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            var path = Path.of(configured);
            return Files.isExecutable(path) ? path : null;
        }
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

    /** A screenshot of the bundle and what it shows. */
    public record Image(String file, String caption) {
    }

    /**
     * What the capture produced.
     *
     * @param steps the navigation path, each {"heure", "etape", "detail"}
     * @param limits what this capture could not keep whole, in French (cut screenshot, capped scrolling, size cap)
     */
    public record Result(Instant startedAt, Instant endedAt, String finalUrl, String title, int httpStatus, String browser,
            List<String> files, List<Image> images, List<Map<String, Object>> steps, List<String> limits,
            List<Exchange> exchanges) {
    }

    public Result capture(URI url, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        var startedAt = Instant.now();
        var steps = new ArrayList<Map<String, Object>>();
        var stated = new ArrayList<String>();
        return inBrowser(devtools -> {
            var version = devtools.call("Browser.getVersion", Map.of(), timeout);
            var network = new NetworkRecorder(devtools);
            devtools.call("Inspector.enable", Map.of(), timeout);
            devtools.call("Network.enable", Map.of("maxTotalBufferSize", 200_000_000, "maxResourceBufferSize", 100_000_000),
                    timeout);
            load(devtools, url, steps, stated);
            if (afterLoad != null) {
                try {
                    devtools.call(afterLoad, Map.of(), Duration.ofSeconds(2));
                }
                catch (IOException ex) {
                    // The crash itself may cut the answer; what follows must notice it.
                }
                Thread.sleep(500);
            }
            for (var redirect : network.redirects()) {
                steps.add(step("redirection", redirect));
            }
            var finalUrl = evaluate(devtools, "location.href");
            steps.add(step("adresse finale", finalUrl + " (statut HTTP " + network.documentStatus() + ")"));
            var title = evaluate(devtools, "document.title");
            var files = new ArrayList<String>();
            var images = new ArrayList<Image>();
            consent(devtools, out, steps, files, images);
            scroll(devtools, steps, stated);
            Files.writeString(out.resolve("dom.html"), evaluate(devtools, "document.documentElement.outerHTML"), StandardCharsets.UTF_8);
            files.add("dom.html");
            Files.writeString(out.resolve("texte.txt"), evaluate(devtools, "document.body ? document.body.innerText : ''"),
                    StandardCharsets.UTF_8);
            files.add("texte.txt");
            expandPanels(devtools, steps);
            screenshots(devtools, out, steps, stated, files, images);
            var mhtml = devtools.call("Page.captureSnapshot", Map.of("format", "mhtml"), timeout);
            Files.writeString(out.resolve("page.mhtml"), mhtml.path("data").asString(), StandardCharsets.UTF_8);
            files.add("page.mhtml");
            var pdf = devtools.call("Page.printToPDF", Map.of("printBackground", true), timeout);
            Files.write(out.resolve("page.pdf"), Base64.getDecoder().decode(pdf.path("data").asString()));
            files.add("page.pdf");
            steps.add(step("rendus", "MHTML, PDF, DOM et texte visible enregistrés"));
            var exchanges = network.exchanges(devtools, limits.maxBytes(), timeout, stated);
            if (devtools.crashed() != null) {
                throw new IOException(devtools.crashed());
            }
            steps.add(step("échanges HTTP", exchanges.size() + " échanges enregistrés (requêtes, réponses, adresses IP, TLS)"));
            return new Result(startedAt, Instant.now(), finalUrl, title, network.documentStatus(),
                    version.path("product").asString(), files, images, steps, stated, exchanges);
        });
    }

    /**
     * A page as its scripts leave it, for reading its text (the monitoring of pages built by their scripts): the
     * document's HTML once it has loaded, its text has stopped changing and its lazy items have been scrolled into
     * view, with the same browser, fresh profile, time-out, scrolling cap and crash detection as a capture; the HTML
     * is refused beyond {@link Limits#maxBytes()}.
     *
     * @param limits what this reading could not keep whole (slow page, endless scroll), in French
     */
    public record Rendering(String html, String finalUrl, List<String> limits) {
    }

    public Rendering render(URI url) throws IOException, InterruptedException {
        var steps = new ArrayList<Map<String, Object>>();
        var stated = new ArrayList<String>();
        return inBrowser(devtools -> {
            devtools.call("Inspector.enable", Map.of(), timeout);
            load(devtools, url, steps, stated);
            settle(devtools);
            scroll(devtools, steps, stated);
            var finalUrl = evaluate(devtools, "location.href");
            var html = evaluate(devtools, "document.documentElement ? document.documentElement.outerHTML : ''");
            if (devtools.crashed() != null) {
                throw new IOException(devtools.crashed());
            }
            var size = html.getBytes(StandardCharsets.UTF_8).length;
            if (size > limits.maxBytes()) {
                throw new IOException("La page rendue pèse " + size / 1024 + " Ko, au-delà du plafond de " + limits.maxBytes() / 1024
                        + " Ko : elle n'est pas lue.");
            }
            return new Rendering(html, finalUrl, stated);
        });
    }

    /** What is done with the browser once it runs and its page is open. */
    @FunctionalInterface
    private interface BrowserWork<T> {

        T run(DevTools devtools) throws IOException, InterruptedException;

    }

    /** Starts the browser on a fresh profile, does the work with its page, then kills it and deletes the profile. */
    private <T> T inBrowser(BrowserWork<T> work) throws IOException, InterruptedException {
        var profile = Files.createTempDirectory("egide-chromium-");
        var command = new ArrayList<String>();
        command.add(chromium.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TZ", "Europe/Paris");
        builder.environment().put("LANG", "fr_FR.UTF-8");
        Process browser;
        try {
            browser = builder.start();
        }
        catch (IOException ex) {
            deleteQuietly(profile);
            throw ex;
        }
        try (var devtools = new DevTools(pageEndpoint(profile, browser))) {
            return work.run(devtools);
        }
        finally {
            // Killed at once, renderer and helper processes included (they write to the profile until they exit):
            // the profile is thrown away, and a graceful exit costs Chromium about two seconds.
            var processes = new ArrayList<ProcessHandle>(browser.descendants().toList());
            processes.add(browser.toHandle());
            processes.forEach(ProcessHandle::destroyForcibly);
            // Polled: onExit() of a process that is not our child is watched with a slow back-off, and a killed
            // grandchild stays a zombie (dead, writing nothing) until someone reaps it.
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (processes.stream().anyMatch(ChromiumCapture::running) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            deleteQuietly(profile);
        }
    }

    /** Opens the page in Paris time and waits for its load event, or for the time-out (then the page is read as it is). */
    private void load(DevTools devtools, URI url, List<Map<String, Object>> steps, List<String> stated)
            throws IOException, InterruptedException {
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
            stated.add("La page n'avait pas fini de charger après " + timeout.toSeconds() + " s : elle est capturée en l'état.");
        }
        catch (java.util.concurrent.ExecutionException ex) {
            throw new IOException(ex.getCause().getMessage(), ex);
        }
    }

    /**
     * Waits until the page's text has not changed for half a second (scripts that fetch their content after the load
     * event), five seconds at most.
     */
    private void settle(DevTools devtools) throws IOException {
        var script = """
                (async () => {
                  const text = () => (document.body ? document.body.innerText : '');
                  let previous = text(), quiet = 0;
                  for (let waited = 0; waited < 5000 && quiet < 2; waited += 250) {
                    await new Promise(resolve => setTimeout(resolve, 250));
                    const now = text();
                    quiet = now === previous ? quiet + 1 : 0;
                    previous = now;
                  }
                  return 'ok';
                })()
                """;
        devtools.call("Runtime.evaluate", Map.of("expression", script, "awaitPromise", true, "returnByValue", true),
                timeout.plusSeconds(6));
    }

    /**
     * Scrolls the page, then every inner scrolling panel (a review list that scrolls inside the page), to the end
     * until it stops growing, so that lazily loaded items are there; an endless scroll stops at the cap and the
     * capture says so.
     */
    private void scroll(DevTools devtools, List<Map<String, Object>> steps, List<String> stated) throws IOException {
        var script = """
                (async (maxScrolls, maxHeight) => {
                  const pause = () => new Promise(resolve => setTimeout(resolve, 250));
                  const roll = async (height, go) => {
                    let previous = -1, passes = 0, capped = false;
                    while (true) {
                      const now = height();
                      if (now === previous) break;
                      if (passes >= maxScrolls || now > maxHeight) { capped = true; break; }
                      previous = now; go(now); passes++; await pause();
                    }
                    return { passes, capped, height: height() };
                  };
                  const root = document.scrollingElement || document.documentElement;
                  const page = await roll(() => root.scrollHeight, h => window.scrollTo(0, h));
                  window.scrollTo(0, 0);
                  const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.classList.length ? '.' + [...e.classList].slice(0, 2).join('.') : '');
                  const panels = [...document.querySelectorAll('body *')].filter(e => {
                    const style = getComputedStyle(e);
                    return /(auto|scroll)/.test(style.overflowY) && e.clientHeight > 40 && e.scrollHeight > e.clientHeight + 20;
                  }).slice(0, 20);
                  const found = [];
                  for (const panel of panels) {
                    const result = await roll(() => panel.scrollHeight, h => { panel.scrollTop = h; });
                    panel.scrollTop = 0;
                    panel.setAttribute('data-egide-panneau', String(found.length + 1));
                    found.push({ name: describe(panel), ...result });
                  }
                  return JSON.stringify({ page, panels: found });
                })(%d, %d)
                """.formatted(limits.maxScrolls(), limits.maxHeight());
        var answer = devtools.call("Runtime.evaluate", Map.of("expression", script, "awaitPromise", true, "returnByValue", true),
                timeout.plusSeconds(limits.maxScrolls()));
        var report = JSON.readTree(answer.path("result").path("value").asString("{}"));
        var page = report.path("page");
        if (page.path("passes").asInt() > 1) {
            steps.add(step("défilement", "page déroulée jusqu'en bas en " + page.path("passes").asInt()
                    + " passes pour charger les éléments différés (hauteur " + page.path("height").asInt() + " px)"));
        }
        if (page.path("capped").asBoolean()) {
            var text = "Défilement infini : la page continuait de s'allonger après " + page.path("passes").asInt()
                    + " passes (hauteur " + page.path("height").asInt() + " px) ; la capture s'arrête là.";
            steps.add(step("plafond", text));
            stated.add(text);
        }
        for (var panel : report.path("panels")) {
            steps.add(step("panneau déroulant", "panneau " + panel.path("name").asString() + " déroulé en "
                    + panel.path("passes").asInt() + " passes (hauteur " + panel.path("height").asInt()
                    + " px) ; il est déplié pour les captures d'écran"));
            if (panel.path("capped").asBoolean()) {
                var text = "Le panneau déroulant " + panel.path("name").asString() + " continuait de s'allonger après "
                        + panel.path("passes").asInt() + " passes ; la capture s'arrête là.";
                steps.add(step("plafond", text));
                stated.add(text);
            }
        }
    }

    /** Unfolds the inner panels found by {@link #scroll} so that the screenshots show their whole content. */
    private void expandPanels(DevTools devtools, List<Map<String, Object>> steps) throws IOException {
        var count = evaluate(devtools, """
                (() => { const panels = document.querySelectorAll('[data-egide-panneau]');
                  panels.forEach(p => { for (const [k, v] of [['max-height', 'none'], ['height', 'auto'], ['overflow', 'visible']])
                    p.style.setProperty(k, v, 'important'); });
                  return String(panels.length); })()""");
        if (!count.equals("0")) {
            steps.add(step("mise en page", count + " panneau(x) déroulant(s) déplié(s) (hauteur et débordement libérés) "
                    + "pour que la capture d'écran montre tout leur contenu ; le DOM et le texte ont été enregistrés avant"));
        }
    }

    /**
     * The full page beyond the viewport: one PNG, or tiles of {@link #TILE} px when the page is taller; beyond the
     * height cap the last tile carries a visible notice of the cut, and the limits say so.
     */
    private void screenshots(DevTools devtools, Path out, List<Map<String, Object>> steps, List<String> stated,
            List<String> files, List<Image> images) throws IOException {
        var metrics = devtools.call("Page.getLayoutMetrics", Map.of(), timeout).path("cssContentSize");
        var width = Math.max(1, (int) Math.ceil(metrics.path("width").asDouble()));
        var height = Math.max(1, (int) Math.ceil(metrics.path("height").asDouble()));
        var rendered = Math.min(height, limits.maxHeight());
        if (rendered < height) {
            var notice = "CAPTURE COUPÉE ICI : la page mesure " + height + " px, seuls les " + rendered
                    + " premiers pixels sont reproduits (plafond de hauteur).";
            evaluate(devtools, "(() => { const d = document.createElement('div'); d.textContent = " + JSON.writeValueAsString(notice)
                    + "; d.setAttribute('style', 'position:absolute;left:0;right:0;top:" + (rendered - 60)
                    + "px;height:60px;background:#b00020;color:#fff;font:bold 24px sans-serif;display:flex;"
                    + "align-items:center;justify-content:center;z-index:2147483647'); document.body.appendChild(d); return 'ok'; })()");
            stated.add("Capture d'écran coupée : la page mesure " + height + " px, seuls les " + rendered
                    + " premiers sont reproduits ; la coupure est indiquée sur l'image.");
            steps.add(step("plafond", "page de " + height + " px coupée à " + rendered + " px ; bandeau « capture coupée ici » ajouté sur l'image"));
        }
        var tiles = (rendered + TILE - 1) / TILE;
        for (int tile = 0; tile < tiles; tile++) {
            var top = tile * TILE;
            var tileHeight = Math.min(TILE, rendered - top);
            var name = tiles == 1 ? "page.png" : "page-%02d.png".formatted(tile + 1);
            var shot = devtools.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", top, "width", width, "height", tileHeight, "scale", 1)), timeout);
            Files.write(out.resolve(name), Base64.getDecoder().decode(shot.path("data").asString()));
            files.add(name);
            images.add(new Image(name, tiles == 1 ? "Page entière (" + width + " × " + height + " px)"
                    : "Page, partie " + (tile + 1) + " sur " + tiles + " (pixels " + top + " à " + (top + tileHeight) + ")"));
        }
        steps.add(step("capture d'écran", tiles == 1 ? "PNG pleine page " + width + " × " + rendered + " px"
                : "page de " + rendered + " px en " + tiles + " images de " + TILE + " px au plus (limite de texture du navigateur)"));
    }

    /** Alive and not a zombie (Linux: state "Z" in /proc/PID/stat). */
    private static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            var state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
            return !state.equals("Z") && !state.equals("X");
        }
        catch (IOException | RuntimeException ex) {
            return process.isAlive();
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
    private void consent(DevTools devtools, Path out, List<Map<String, Object>> steps, List<String> files, List<Image> images)
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
        images.add(new Image("consentement.png", "La page à l'arrivée, avant le clic sur « " + label + " »"));
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
