package fr.egide.analysis;

import java.util.List;
import java.util.UUID;

/**
 * Mentions of one cabinet analysed for the first time whose tone is negative and which are not flagged otherwise
 * (a flagged mention has its own {@link MentionFlagged}). Published once per analysed batch and cabinet, so a large
 * import yields a few events, not one per review.
 */
public record NegativeMentionsFound(UUID cabinetId, List<UUID> mentionIds) {

    public NegativeMentionsFound {
        mentionIds = List.copyOf(mentionIds);
    }

}
