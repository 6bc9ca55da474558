package fr.egide.replies;

import java.util.UUID;

/**
 * A cabinet's reply rules.
 *
 * @param reflectionHours hours between first reading a review and approving a reply (0 to 720; default 24)
 * @param requirePeerReview approval must come from someone other than the reply's author
 */
public record ReplySettings(UUID cabinetId, int reflectionHours, boolean requirePeerReview) {

    public static final int DEFAULT_REFLECTION_HOURS = 24;

}
