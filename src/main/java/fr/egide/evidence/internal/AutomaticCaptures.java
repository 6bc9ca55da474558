package fr.egide.evidence.internal;

import fr.egide.analysis.MentionFlagged;
import fr.egide.analysis.MentionsFlagged;
import fr.egide.evidence.Captures;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the proof at once: a mention that the analysis flags (to examine, probably illicit, or of high impact) is
 * captured before its author can edit or delete it, once per version of its text.
 */
@Component
class AutomaticCaptures {

    private final Captures captures;

    private final EvidenceSettings settings;

    AutomaticCaptures(Captures captures, EvidenceSettings settings) {
        this.captures = captures;
        this.settings = settings;
    }

    @ApplicationModuleListener
    void on(MentionsFlagged flagged) {
        if (settings.automatic()) {
            flagged.mentions().forEach(mention -> captures.requestAutomatic(mention.mentionId(), settings.automaticWindow()));
        }
    }

    /** A single flag, as published before flags went by batch (still delivered from the registry after an upgrade). */
    @ApplicationModuleListener
    void on(MentionFlagged flagged) {
        on(new MentionsFlagged(flagged.cabinetId(), java.util.List.of(flagged)));
    }

}
