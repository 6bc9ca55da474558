package fr.egide.evidence;

import fr.egide.evidence.engine.CaptureReport;
import fr.egide.evidence.engine.ChromiumCapture;
import fr.egide.evidence.engine.Digests;
import fr.egide.evidence.engine.Exchange;
import fr.egide.evidence.engine.PlainHttpCapture;
import fr.egide.evidence.engine.Preflight;
import fr.egide.evidence.engine.WebArchive;
import fr.egide.system.EgideVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.SerializationFeature;

/**
 * One whole capture, from a URL to a sealed ZIP: the pre-flight record (clock against NTP, addresses, DNS,
 * proxies) taken while the page loads, the page captured with Chromium (or, when Chromium is missing, over plain
 * HTTP with the WARC, HTML and text only, and the report says the renderings are missing), the HTTP record as a
 * WACZ, the navigation steps, the environment, the manifest sealed by RFC 3161 timestamps, and the French report.
 * A capture that fails, or whose clock is off by more than a second, leaves no bundle. Plain Java: used by the
 * command line and by the application.
 */
public final class Capturer {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * @param chromium the browser, or null to capture over plain HTTP only
     * @param publicIpService a service answering the public IP, or null
     */
    public record Request(URI url, String requestedBy, String reason, List<URI> authorities, List<String> ntpServers,
            URI publicIpService, Duration timeout, Path chromium, ChromiumCapture.Limits limits) {

        public Request {
            authorities = List.copyOf(authorities);
            ntpServers = List.copyOf(ntpServers);
        }

    }

    /**
     * What a capture produced.
     *
     * @param text the page's visible text
     * @param rendered false when Chromium was missing (no screenshot, MHTML or PDF)
     */
    public record Outcome(String captureId, Path zip, String finalUrl, int httpStatus, String text, String textSha256,
            String manifestSha256, List<String> limits, boolean rendered, Instant startedAt, Instant endedAt) {
    }

    public static String newId() {
        return "capture-" + ID_TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public Outcome capture(Request request, Path directory) throws IOException, InterruptedException {
        return capture(newId(), request, directory);
    }

    public Outcome capture(String id, Request request, Path directory) throws IOException, InterruptedException {
        var bundle = directory.resolve(id);
        if (Files.exists(bundle)) {
            throw new IOException("Le dossier de capture existe déjà : " + bundle);
        }
        Files.createDirectories(bundle);
        try {
            return captureInto(id, request, bundle);
        }
        catch (IOException | InterruptedException | RuntimeException ex) {
            // Never a half-written bundle: what was captured before the failure goes with it.
            deleteQuietly(bundle);
            Files.deleteIfExists(bundle.resolveSibling(id + ".zip"));
            throw ex;
        }
    }

    private Outcome captureInto(String id, Request request, Path bundle) throws IOException, InterruptedException {
        var preflight = CompletableFuture.supplyAsync(() -> new Preflight(request.ntpServers(), request.publicIpService(),
                Duration.ofSeconds(2)).probe(request.url()));
        var limits = new ArrayList<String>();
        var steps = new ArrayList<Map<String, Object>>();
        var images = new ArrayList<ChromiumCapture.Image>();
        List<Exchange> exchanges;
        String finalUrl;
        String title;
        String browser;
        int status;
        Instant startedAt;
        Instant endedAt;
        boolean rendered = request.chromium() != null;
        if (rendered) {
            var result = new ChromiumCapture(request.chromium(), request.timeout(), request.limits()).capture(request.url(), bundle);
            exchanges = result.exchanges();
            finalUrl = result.finalUrl();
            title = result.title();
            browser = result.browser();
            status = result.httpStatus();
            startedAt = result.startedAt();
            endedAt = result.endedAt();
            steps.addAll(result.steps());
            limits.addAll(result.limits());
            images.addAll(result.images());
        }
        else {
            startedAt = Instant.now();
            var result = new PlainHttpCapture(request.timeout(), request.limits().maxBytes()).fetch(request.url());
            endedAt = Instant.now();
            exchanges = result.exchanges();
            finalUrl = result.finalUrl();
            status = exchanges.isEmpty() ? 0 : exchanges.get(exchanges.size() - 1).status();
            title = "";
            browser = "aucun (Chromium introuvable)";
            Files.writeString(bundle.resolve("dom.html"), result.html(), StandardCharsets.UTF_8);
            Files.writeString(bundle.resolve("texte.txt"), result.text(), StandardCharsets.UTF_8);
            steps.add(step(startedAt, "navigation", request.url() + " (HTTP simple, sans navigateur)"));
            result.steps().forEach(line -> steps.add(step(Instant.now(), "requête HTTP", line)));
            limits.add("Chromium est introuvable sur la machine de capture : ni capture d'écran, ni MHTML, ni PDF ; "
                    + "seuls l'archive WARC, le HTML reçu et son texte sont conservés. Pour les rendus, installez Chromium "
                    + "(sudo apt-get install chromium).");
        }
        WebArchive.writeWacz(exchanges, finalUrl, title, startedAt, "Égide " + EgideVersion.current(), bundle.resolve("archive.wacz"));
        var probe = preflight.join();
        if (probe.clockTooFar()) {
            throw new IOException(probe.clockRefusal());
        }
        Files.writeString(bundle.resolve("steps.jsonl"), String.join("\n", steps.stream()
            .map(line -> Sealer.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(line)).toList()) + "\n",
                StandardCharsets.UTF_8);
        var environment = environment(request, probe, browser, finalUrl, status, startedAt, endedAt, limits);
        Files.writeString(bundle.resolve("environment.json"), Sealer.JSON.writeValueAsString(environment), StandardCharsets.UTF_8);
        var text = Files.readString(bundle.resolve("texte.txt"));
        var manifestDigest = new String[1];
        var zip = new Sealer().seal(bundle, id, request.url().toString(), startedAt, endedAt, request.authorities(),
                (dir, manifestSha256, files, tokens) -> {
                    manifestDigest[0] = manifestSha256;
                    if (tokens.size() < request.authorities().size()) {
                        limits.add("Horodatage : " + tokens.size() + " autorité(s) sur " + request.authorities().size()
                                + " configurées ont répondu ; la preuve est scellée par les jetons obtenus.");
                    }
                    new CaptureReport().write(new CaptureReport.Content(id, request.url().toString(), finalUrl,
                            request.requestedBy(), request.reason(), startedAt, endedAt, environment, steps,
                            images.stream().map(image -> new CaptureReport.Image(dir.resolve(image.file()), image.caption())).toList(),
                            files.stream().map(file -> new CaptureReport.FileDigest(file.path(), file.sha256(), file.size())).toList(),
                            manifestSha256, tokens, limits), dir.resolve(Sealer.REPORT));
                });
        return new Outcome(id, zip, finalUrl, status, text, Digests.sha256Hex(normalized(text).getBytes(StandardCharsets.UTF_8)),
                manifestDigest[0], List.copyOf(limits), rendered, startedAt, endedAt);
    }

    /** Text compared between checks: whitespace collapsed, so that a re-layout is not a change. */
    static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static Map<String, Object> environment(Request request, Preflight.Result probe, String browser, String finalUrl,
            int status, Instant startedAt, Instant endedAt, List<String> limits) {
        var environment = new LinkedHashMap<String, Object>();
        environment.put("debut", startedAt.toString());
        environment.put("fin", endedAt.toString());
        environment.put("url", request.url().toString());
        environment.put("adresseFinale", finalUrl);
        environment.put("statutHttp", status);
        environment.putAll(probe.toJson());
        environment.put("navigateur", browser);
        environment.put("proxyNavigateur", request.chromium() == null ? "sans objet (pas de navigateur)"
                : "aucun réglage propre : Chromium suit les variables de proxy de l'environnement (voir « proxys »)");
        environment.put("systeme", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        environment.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        environment.put("egide", EgideVersion.current());
        environment.put("profil", "profil neuf, cache et cookies vides, supprimé après la capture");
        environment.put("langue", "fr-FR");
        environment.put("fuseauHoraire", "Europe/Paris");
        environment.put("demandeur", request.requestedBy());
        environment.put("motif", request.reason());
        environment.put("autoritesHorodatage", request.authorities().stream().map(URI::toString).toList());
        environment.put("limites", limits);
        return environment;
    }

    private static Map<String, Object> step(Instant at, String kind, String detail) {
        var step = new LinkedHashMap<String, Object>();
        step.put("heure", at.toString());
        step.put("etape", kind);
        step.put("detail", detail);
        return step;
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | java.io.UncheckedIOException ex) {
            // Best effort: an unsealed directory left behind has no ZIP and is never presented as evidence.
        }
    }

}
