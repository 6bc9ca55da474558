package fr.egide.evidence;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import fr.egide.evidence.engine.BundleFiles;
import fr.egide.evidence.internal.CaptureStore;
import fr.egide.identity.CabinetAccess;
import fr.egide.identity.Permission;
import fr.egide.monitoring.MentionFeed;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import fr.egide.system.PageResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;

/**
 * Captures in the application: asked for a URL or a mention (each one a background job that captures, seals and
 * keeps the bundle), listed, exported with their chain of custody, previewed and verified. Every view, export
 * and verification of a bundle is written in its chain of custody, with who and when. Only members of the
 * cabinet see its captures; a capture is never deleted.
 */
@Service
public class Captures {

    private final fr.egide.audit.AuditLog audit;

    public static final int MAX_PAGE_SIZE = 100;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final CaptureStore store;

    private final CabinetAccess access;

    private final CustodyLog custody;

    private final MentionFeed mentions;

    private final SchedulerClient scheduler;

    private final OneTimeTask<String> captureTask;

    private final Path storage;

    private final Set<String> allowHosts;

    Captures(CaptureStore store, CabinetAccess access, CustodyLog custody, MentionFeed mentions, SchedulerClient scheduler,
            OneTimeTask<String> captureTask, fr.egide.evidence.internal.EvidenceSettings settings,
            @Value("${egide.home}") Path home, fr.egide.audit.AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.access = access;
        this.custody = custody;
        this.mentions = mentions;
        this.scheduler = scheduler;
        this.captureTask = captureTask;
        this.storage = settings.storage() != null ? settings.storage() : home.resolve("preuves");
        this.allowHosts = settings.allowHosts();
    }

    /** Asks for a capture of any URL for a cabinet; the capture runs in the background. */
    @Transactional
    public CaptureSummary request(UUID cabinetId, String url, String reason) {
        access.require(cabinetId, Permission.READ, Permission.CAPTURE_EVIDENCE);
        var target = checked(url);
        var user = access.currentUser();
        return enqueue(new CaptureStore.NewCapture(Capturer.newId(), cabinetId, null, null, target, text(reason),
                actor(user), user.id(), "MANUELLE"));
    }

    /** Asks for a capture of the page where a mention was seen. */
    @Transactional
    public CaptureSummary requestForMention(UUID mentionId, String reason) {
        var place = mentions.place(mentionId).orElseThrow(() -> new NotFoundException("Mention introuvable."));
        access.requireOn(place.cabinetId(), "Mention introuvable.", Permission.READ, Permission.CAPTURE_EVIDENCE);
        if (place.url() == null || place.url().isBlank()) {
            throw new InvalidRequestException("Cette mention n'a pas d'adresse web : indiquez l'adresse de la page à capturer.");
        }
        var user = access.currentUser();
        return enqueue(new CaptureStore.NewCapture(Capturer.newId(), place.cabinetId(), mentionId, place.versionCount(),
                checked(place.url()), text(reason), actor(user), user.id(), "MANUELLE"));
    }

    /**
     * A capture of a risky mention, asked by the analysis (no user): once per version of the mention, and only
     * for a text first seen recently (an analyser upgrade does not capture years of history).
     */
    @Transactional
    public boolean requestAutomatic(UUID mentionId, java.time.Duration window) {
        var place = mentions.place(mentionId).orElse(null);
        if (place == null || place.url() == null || place.url().isBlank()
                || place.currentSince() != null && place.currentSince().isBefore(Instant.now().minus(window))) {
            return false;
        }
        String target;
        try {
            target = Targets.check(place.url(), allowHosts).toString();
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
        var capture = new CaptureStore.NewCapture(Capturer.newId(), place.cabinetId(), mentionId, place.versionCount(), target,
                "mention à examiner, probablement illicite ou à fort impact", "Égide (capture automatique)", null, "AUTOMATIQUE");
        if (!store.insert(capture)) {
            return false;
        }
        schedule(capture.id());
        return true;
    }

    private CaptureSummary enqueue(CaptureStore.NewCapture capture) {
        store.insert(capture);
        schedule(capture.id());
        return store.get(capture.id()).orElseThrow();
    }

    private void schedule(String id) {
        scheduler.scheduleIfNotExists(captureTask.instance(id, id), Instant.now());
    }

    public PageResult<CaptureSummary> list(UUID cabinetId, UUID mentionId, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("Page invalide : page à partir de 0, taille de 1 à " + MAX_PAGE_SIZE + ".");
        }
        if (cabinetId != null) {
            access.requireAccess(cabinetId);
        }
        return store.page(access.cabinetsOfCurrentUser(), cabinetId, mentionId, page, size);
    }

    public CaptureSummary get(String id) {
        return get(id, Permission.READ);
    }

    private CaptureSummary get(String id, Permission permission) {
        var capture = store.get(id).orElseThrow(() -> new NotFoundException("Capture introuvable."));
        access.requireOn(capture.cabinetId(), "Capture introuvable.", Permission.READ, permission);
        return capture;
    }

    public List<CustodyEntry> custody(String id) {
        get(id);
        return custody.entries(id);
    }

    public List<WatchSummary> watches(UUID mentionId) {
        var place = mentions.place(mentionId).orElseThrow(() -> new NotFoundException("Mention introuvable."));
        access.requireOn(place.cabinetId(), "Mention introuvable.", Permission.READ);
        return store.watchesOfMention(place.id());
    }

    public java.util.Optional<WatchSummary> watch(String captureId) {
        var capture = get(captureId);
        return store.watch(capture.cabinetId(), capture.url());
    }

    /** Makes the URL of this capture due for a re-check now. */
    public void recheckNow(String captureId) {
        var capture = get(captureId, Permission.CAPTURE_EVIDENCE);
        if (!store.dueNow(capture.cabinetId(), capture.url())) {
            throw new fr.egide.system.ConflictException("Cette adresse n'est pas surveillée, ou la page a déjà disparu.");
        }
    }

    /** An export ready to be written: the permission is checked and the export recorded when it is made. */
    public interface Export {

        void writeTo(OutputStream out) throws IOException;

    }

    /**
     * The bundle as exported: the sealed files as they are, plus {@code custody.jsonl}, the chain of custody up to
     * this export (which the verifier checks). The export is recorded before anything is written; writing needs no
     * signed-in user (it may happen on another thread).
     */
    public Export export(String id) {
        sealedFile(id, Permission.EXPORT_EVIDENCE);
        store.get(id).ifPresent(capture -> audit.record(capture.cabinetId(), fr.egide.audit.AuditAction.CONSULTATION_PREUVE, "capture", id,
                java.util.Map.of("acte", "téléchargement du lot scellé")));
        return export(id, actor(access.currentUser()));
    }

    private Export export(String id, String actor) {
        var file = storage.resolve(store.bundleFile(id).orElseThrow(() -> new NotFoundException("Capture introuvable.")));
        custody.append(id, "EXPORT", actor, "export du lot avec sa chaîne de preuve");
        var lines = new StringBuilder();
        for (var entry : custody.entries(id)) {
            lines.append(Sealer.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(entry)).append('\n');
        }
        var chain = lines.toString().getBytes(StandardCharsets.UTF_8);
        return out -> {
            try (var zip = new ZipFile(file.toFile()); var export = new ZipOutputStream(out)) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    export.putNextEntry(new ZipEntry(entry.getName()));
                    try (var in = zip.getInputStream(entry)) {
                        in.transferTo(export);
                    }
                    export.closeEntry();
                }
                export.putNextEntry(new ZipEntry(Sealer.CUSTODY));
                export.write(chain);
                export.closeEntry();
            }
        };
    }

    /** A link to download a sealed bundle without an account, until it expires. */
    public record ShareLink(String path, String recipient, Instant expiresAt) {
    }

    /**
     * Shares a sealed bundle with someone without an account (a lawyer, an insurer, a commissaire de justice): a
     * secret link valid for 1 to 30 days. The share is written in the chain of custody; each download through the
     * link is an export by the recipient.
     */
    @Transactional
    public ShareLink share(String id, String recipient, int days) {
        sealedFile(id, Permission.EXPORT_EVIDENCE);
        var who = recipient == null ? "" : recipient.strip();
        if (who.isEmpty() || who.length() > 200) {
            throw new InvalidRequestException("Indiquez à qui le lien est destiné (200 caractères au plus), par exemple « Maître Durand, avocate ».");
        }
        if (days < 1 || days > 30) {
            throw new InvalidRequestException("Un lien de partage vaut de 1 à 30 jours.");
        }
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var tokenSha256 = fr.egide.evidence.engine.Digests.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
        var expiresAt = Instant.now().plus(java.time.Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var actor = actor(access.currentUser());
        store.share(UUID.randomUUID(), id, tokenSha256, who, actor, expiresAt);
        custody.append(id, "PARTAGE", actor, "lien de partage pour " + who + ", valable jusqu'au " + expiresAt
                + " (jeton " + tokenSha256.substring(0, 12) + "…)");
        return new ShareLink("/partage/" + token, who, expiresAt);
    }

    /** The export behind a share link (no signed-in user); unknown, expired or revoked links are "not found". */
    public Export shared(String token) {
        var tokenSha256 = fr.egide.evidence.engine.Digests.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
        var share = store.shared(tokenSha256)
            .orElseThrow(() -> new NotFoundException("Lien de partage inconnu ou expiré : demandez-en un nouveau à l'expéditeur."));
        return export(share[0], share[1] + " (lien de partage)");
    }

    /** A screenshot of the capture (the first one), for the page; viewing it is recorded in the chain of custody. */
    public byte[] preview(String id) throws IOException {
        var file = sealedFile(id);
        try (var files = BundleFiles.of(file)) {
            for (var name : List.of("page.png", "page-01.png")) {
                var bytes = files.read(name);
                if (bytes != null) {
                    custody.append(id, "CONSULTATION", actor(access.currentUser()), "aperçu de " + name);
                    return bytes;
                }
            }
        }
        throw new NotFoundException("Cette capture n'a pas de capture d'écran (Chromium était absent).");
    }

    /** Verifies the stored bundle and the chain of custody in the database; the verification is recorded. */
    public List<Check> verify(String id) {
        var file = sealedFile(id);
        var checks = new ArrayList<>(new BundleVerifier().verify(file));
        checks.addAll(custody.verify(id));
        custody.append(id, "VERIFICATION", actor(access.currentUser()), BundleVerifier.allPassed(checks)
                ? "toutes les vérifications sont passées" : checks.stream().filter(c -> !c.passed()).count() + " vérification(s) en échec");
        return checks;
    }

    private Path sealedFile(String id) {
        return sealedFile(id, Permission.READ);
    }

    private Path sealedFile(String id, Permission permission) {
        var capture = get(id, permission);
        if (!capture.sealed()) {
            throw new fr.egide.system.ConflictException(capture.pending() ? "Capture en cours : le lot n'est pas encore scellé."
                    : "Cette capture a échoué : il n'y a pas de lot scellé.");
        }
        var file = storage.resolve(store.bundleFile(id).orElseThrow());
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("Lot de preuve introuvable sur le disque : " + file));
        }
        return file;
    }

    private String checked(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException("Indiquez l'adresse (http ou https) de la page à capturer.");
        }
        try {
            return Targets.check(url, allowHosts).toString();
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException(ex.getMessage());
        }
    }

    private static String text(String reason) {
        var value = reason == null ? "" : reason.strip();
        if (value.length() > 500) {
            throw new InvalidRequestException("Le motif tient en 500 caractères au plus.");
        }
        return value;
    }

    static String actor(fr.egide.identity.EgideUser user) {
        return user.displayName() + " <" + user.email() + ">";
    }

}
