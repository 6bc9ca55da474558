package fr.egide.analysis;

import java.util.List;
import java.util.UUID;

/**
 * The mentions of one cabinet that one analysed batch flagged, in one event: an import of thousands of reviews makes
 * a few publications in the event registry rather than one per flagged review. Each listener handles every mention
 * as it would a single {@link MentionFlagged}, and a redelivery (after a restart) is a no-op for those already done.
 */
public record MentionsFlagged(UUID cabinetId, List<MentionFlagged> mentions) {

    public MentionsFlagged {
        mentions = List.copyOf(mentions);
    }

}
