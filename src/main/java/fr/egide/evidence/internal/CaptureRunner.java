package fr.egide.evidence.internal;

import fr.egide.evidence.Capturer;
import fr.egide.evidence.CustodyLog;
import fr.egide.evidence.EvidenceChecked;
import fr.egide.evidence.engine.ChromiumCapture;
import fr.egide.evidence.engine.Digests;
import fr.egide.monitoring.MentionFeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one requested capture (a background job): captures and seals the page with {@link Capturer}, keeps the
 * ZIP in the storage folder, records the capture and the seal in the chain of custody, starts watching the URL,
 * and, for a re-check, says whether the page changed or disappeared (the check itself is a sealed capture).
 */
@Component
class CaptureRunner {

    static final String SYSTEM = "Égide (système)";

    private static final Logger log = LoggerFactory.getLogger(CaptureRunner.class);

    private final CaptureStore store;

    private final CustodyLog custody;

    private final EvidenceSettings settings;

    private final MentionFeed mentions;

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transactions;

    private final Path storage;

    CaptureRunner(CaptureStore store, CustodyLog custody, EvidenceSettings settings, MentionFeed mentions,
            ApplicationEventPublisher events, TransactionTemplate transactions, @org.springframework.beans.factory.annotation.Value("${egide.home}") Path home) {
        this.store = store;
        this.custody = custody;
        this.settings = settings;
        this.mentions = mentions;
        this.events = events;
        this.transactions = transactions;
        this.storage = settings.storage() != null ? settings.storage() : home.resolve("preuves");
    }

    Path storage() {
        return storage;
    }

    void run(String id) {
        if (!store.start(id)) {
            return;
        }
        var capture = store.get(id).orElseThrow();
        try {
            Files.createDirectories(storage);
            var url = fr.egide.evidence.Targets.check(capture.url(), settings.allowHosts());
            var chromium = settings.browser() ? ChromiumCapture.findChromium() : null;
            var request = new Capturer.Request(url, capture.requestedBy(), reason(capture), settings.tsa(), settings.ntp(),
                    settings.publicIpService() == null || settings.publicIpService().toString().isBlank() ? null
                            : settings.publicIpService(), settings.timeout(), chromium, ChromiumCapture.Limits.DEFAULT);
            var work = Files.createDirectories(storage.resolve("en-cours"));
            var outcome = new Capturer().capture(id, request, work);
            var zip = Files.move(outcome.zip(), storage.resolve(id + ".zip"));
            deleteQuietly(work.resolve(id));
            byte[] digest;
            try (var in = Files.newInputStream(zip)) {
                digest = Digests.sha256(in.readAllBytes());
            }
            var bundleSha256 = java.util.HexFormat.of().formatHex(digest);
            transactions.executeWithoutResult(status -> {
                store.sealed(id, new CaptureStore.Sealed(outcome.finalUrl(), outcome.httpStatus(), outcome.rendered(),
                        zip.getFileName().toString(), bundleSha256, sizeOf(zip), outcome.manifestSha256(), outcome.textSha256(),
                        outcome.limits(), outcome.startedAt(), outcome.endedAt()));
                custody.append(id, "CAPTURE", capture.requestedBy(), "capture de " + capture.url() + " du "
                        + outcome.startedAt() + " au " + outcome.endedAt() + (capture.reason().isBlank() ? "" : " ; motif : " + capture.reason()));
                custody.append(id, "SCELLEMENT", SYSTEM, "manifeste SHA-256 " + outcome.manifestSha256() + " ; lot SHA-256 "
                        + bundleSha256 + " (" + sizeOf(zip) + " octets)");
                watch(capture, outcome);
            });
            log.info("Capture {} de {} scellée", id, capture.url());
        }
        catch (IOException | RuntimeException ex) {
            log.warn("Capture {} de {} impossible : {}", id, capture.url(), ex.getMessage());
            store.failed(id, message(ex));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            store.failed(id, "Capture interrompue (arrêt du serveur) : demandez-la de nouveau.");
        }
    }

    /** Starts watching a first capture's URL, or records what a re-check found. */
    private void watch(fr.egide.evidence.CaptureSummary capture, Capturer.Outcome outcome) {
        var next = Instant.now().plus(settings.recheckInterval());
        var existing = store.watch(capture.cabinetId(), capture.url());
        if (existing.isEmpty()) {
            String excerpt = null;
            if (capture.mentionId() != null) {
                var text = mentions.get(capture.mentionId()).map(m -> m.text()).orElse(null);
                var probe = excerpt(text);
                if (probe != null && normalized(outcome.text()).contains(probe)) {
                    excerpt = probe;
                }
            }
            store.startWatching(capture.cabinetId(), capture.url(), capture.mentionId(), excerpt, capture.id(), next);
            return;
        }
        if (!"CONTROLE".equals(capture.trigger())) {
            return;
        }
        var watch = existing.get();
        var previous = store.textSha256(watch.lastCaptureId()).orElse(null);
        var excerpt = store.excerpt(capture.cabinetId(), capture.url()).orElse(null);
        String finding;
        String detail;
        if (outcome.httpStatus() >= 400) {
            finding = "DISPARUE";
            detail = "la page répond HTTP " + outcome.httpStatus() + " : elle n'est plus en ligne";
        }
        else if (excerpt != null && !normalized(outcome.text()).contains(excerpt)) {
            finding = "DISPARUE";
            detail = "le texte de la mention n'apparaît plus sur la page (retiré par son auteur ou par la plateforme)";
        }
        else if (!outcome.textSha256().equals(previous)) {
            finding = "MODIFIEE";
            detail = "le texte visible de la page a changé depuis la capture " + watch.lastCaptureId();
        }
        else {
            finding = "INCHANGEE";
            detail = "le texte visible de la page est le même qu'à la capture " + watch.lastCaptureId();
        }
        store.finding(capture.id(), finding, detail);
        var state = switch (finding) {
            case "DISPARUE" -> "DISPARUE";
            case "MODIFIEE" -> "MODIFIEE";
            default -> watch.state();
        };
        store.checked(capture.cabinetId(), capture.url(), capture.id(), state, state.equals("DISPARUE") ? null : Instant.now()
            .plus(settings.recheckInterval()));
        if (!finding.equals("INCHANGEE")) {
            events.publishEvent(new EvidenceChecked(capture.id(), capture.cabinetId(), capture.mentionId(), capture.url(), finding, detail));
        }
    }

    private static String reason(fr.egide.evidence.CaptureSummary capture) {
        return switch (capture.trigger()) {
            case "AUTOMATIQUE" -> "capture automatique : mention à examiner, probablement illicite ou à fort impact";
            case "CONTROLE" -> "contrôle programmé : la page est-elle toujours en ligne, et inchangée ?";
            default -> capture.reason().isBlank() ? "non précisé" : capture.reason();
        };
    }

    /** The start of a mention's text, as looked for on the page (whitespace and case folded). */
    static String excerpt(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var folded = normalized(text);
        return folded.length() < 20 ? null : folded.substring(0, Math.min(60, folded.length()));
    }

    static String normalized(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private static String message(Exception ex) {
        var message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) + "…" : message;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException ex) {
            return -1;
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | java.io.UncheckedIOException ex) {
            // The sealed ZIP is kept; the unpacked copy is only a leftover.
        }
    }


}
