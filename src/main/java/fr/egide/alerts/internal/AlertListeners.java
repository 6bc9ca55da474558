package fr.egide.alerts.internal;

import fr.egide.alerts.AlertTrigger;
import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.analysis.MentionFlagged;
import fr.egide.analysis.MentionsFlagged;
import fr.egide.analysis.NegativeMentionsFound;
import fr.egide.analysis.WaveDetected;
import fr.egide.analysis.WavesDetected;
import fr.egide.analysis.WaveKind;
import fr.egide.analysis.Qualification;
import fr.egide.evidence.EvidenceChecked;
import fr.egide.identity.CabinetMembers;
import fr.egide.monitoring.SourceFailed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Alerts from other modules' events, delivered by the event publication registry: an event whose listener did
 * not finish (a restart) is delivered again, and the alert's key makes the second delivery a no-op. Immediate
 * deliveries leave once the alert is committed; the dispatch job sends whatever that missed.
 */
@Component
class AlertListeners {

    /** Marks a transaction that already has its dispatch registered. */
    private static final Object DISPATCH_AFTER_COMMIT = new Object();

    private final AlertRaiser raiser;

    private final AlertDispatcher dispatcher;

    private final MentionAnalyses analyses;

    private final CabinetMembers members;

    AlertListeners(AlertRaiser raiser, AlertDispatcher dispatcher, MentionAnalyses analyses, CabinetMembers members) {
        this.raiser = raiser;
        this.dispatcher = dispatcher;
        this.analyses = analyses;
        this.members = members;
    }

    /** The flags of one analysed batch: one alert per mention and version, as for single flags. */
    @ApplicationModuleListener
    void on(MentionsFlagged flagged) {
        // One statement for the batch's alerts (an import of a thousand reviews may flag a hundred of them).
        var pending = flagged.mentions().stream().map(this::pending).toList();
        if (!raiser.raiseAll(flagged.cabinetId(), pending, Instant.now()).isEmpty()) {
            dispatchAfterCommit();
        }
    }

    /** A single flag, as published before flags went by batch (still delivered from the registry after an upgrade). */
    @ApplicationModuleListener
    void on(MentionFlagged flagged) {
        raise(flagged);
    }

    private void raise(MentionFlagged flagged) {
        var alert = pending(flagged);
        raise(flagged.cabinetId(), alert.trigger(), alert.key(), alert.itemPath(), alert.params());
    }

    /** One alert per mention and version of its text. */
    private AlertRaiser.Pending pending(MentionFlagged flagged) {
        return new AlertRaiser.Pending(trigger(flagged), "mention:" + flagged.mentionId() + ":v" + flagged.versionCount(),
                "/mentions/" + flagged.mentionId(),
                List.of(String.valueOf(flagged.versionCount()), String.valueOf(flagged.impactScore())));
    }

    /** New negative reviews, one alert per analysed batch (an import of a hundred old reviews is one alert). */
    @ApplicationModuleListener
    void on(NegativeMentionsFound found) {
        if (found.mentionIds().isEmpty()) {
            return;
        }
        var ids = found.mentionIds().stream().map(UUID::toString).sorted().toList();
        var path = ids.size() == 1 ? "/mentions/" + ids.get(0) : "/mentions";
        raise(found.cabinetId(), AlertTrigger.AVIS_NEGATIF, "negatifs:" + digest(String.join(",", ids)), path,
                List.of(String.valueOf(ids.size())));
    }

    /** The waves that appeared or grew at one refresh; one alert per wave, keyed on its earliest member. */
    @ApplicationModuleListener
    void on(WavesDetected detected) {
        detected.waves().forEach(this::raise);
    }

    /** A single wave, as published before waves went by refresh (still delivered from the registry after an upgrade). */
    @ApplicationModuleListener
    void on(WaveDetected wave) {
        raise(wave);
    }

    private void raise(WaveDetected wave) {
        raise(wave.cabinetId(), AlertTrigger.VAGUE, "vague:" + wave.kind() + ":" + wave.firstMentionId(), "/mentions/" + wave.firstMentionId(),
                List.of(String.valueOf(wave.size()), wave.kind() == WaveKind.MEME_AUTEUR ? "1" : "0"));
    }

    private static String digest(String value) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @ApplicationModuleListener
    void on(SourceFailed failed) {
        raise(failed.cabinetId(), AlertTrigger.SOURCE_EN_ERREUR, "source:" + failed.sourceId() + ":" + LocalDate.now(AlertRaiser.PARIS),
                "/veille/sources/" + failed.sourceId(), List.of(failed.sourceName(), failed.reason() == null ? "" : failed.reason()));
    }

    @ApplicationModuleListener
    void on(EvidenceChecked checked) {
        var removed = "DISPARUE".equals(checked.finding());
        raise(checked.cabinetId(), AlertTrigger.PREUVE_MODIFIEE, "preuve:" + checked.captureId() + ":" + checked.finding(),
                checked.mentionId() != null ? "/mentions/" + checked.mentionId() : "/preuves/" + checked.captureId(),
                List.of(removed ? "1" : "0", checked.url()));
    }

    /** A threat is always the alert's reason, whatever else the analysis says; then the qualification, then the impact. */
    private AlertTrigger trigger(MentionFlagged flagged) {
        if (Boolean.TRUE.equals(flagged.threat())) {
            return AlertTrigger.MENACE;
        }
        // Events stored before the threat was carried: the stored analysis says.
        var reader = flagged.threat() == null ? members.of(flagged.cabinetId()).stream().findFirst()
                : java.util.Optional.<fr.egide.identity.EgideUser>empty();
        if (reader.isPresent()) {
            try {
                var analysis = members.runAs(reader.get().id(), () -> analyses.ofMention(flagged.mentionId()));
                if (analysis.indicators().stream().anyMatch(i -> i.type() == IndicatorType.MENACE)) {
                    return AlertTrigger.MENACE;
                }
            }
            catch (fr.egide.system.NotFoundException gone) {
                // The mention was deleted since: the flag itself still deserves the alert.
            }
        }
        if (flagged.qualification() == Qualification.ILLICITE_PROBABLE) {
            return AlertTrigger.ILLICITE_PROBABLE;
        }
        if (flagged.qualification() == Qualification.A_EXAMINER) {
            return AlertTrigger.A_EXAMINER;
        }
        return AlertTrigger.IMPACT_ELEVE;
    }

    private void raise(UUID cabinetId, AlertTrigger trigger, String key, String path, List<String> params) {
        if (raiser.raise(cabinetId, trigger, key, path, params, Instant.now()).isPresent()) {
            dispatchAfterCommit();
        }
    }

    /** One dispatch after the commit, however many alerts the transaction raised (a batch of flags raises many). */
    private void dispatchAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(DISPATCH_AFTER_COMMIT)) {
            TransactionSynchronizationManager.bindResource(DISPATCH_AFTER_COMMIT, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DISPATCH_AFTER_COMMIT);
                }

                @Override
                public void afterCommit() {
                    dispatcher.dispatchDue(Instant.now());
                }
            });
        }
    }

}
