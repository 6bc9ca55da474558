package fr.egide.replies;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reply to a mention with its whole history.
 *
 * @param reflectionEndsAt when the délai de réflexion ends (approval before needs a written reason)
 * @param versions newest first
 * @param events oldest first
 */
public record ReplyDraft(UUID id, UUID mentionId, UUID cabinetId, ReplyState state, UUID createdBy, Instant createdAt,
        Instant reflectionEndsAt, boolean peerReviewRequired, String publishedText, String publishedUrl,
        String publishedVia, Instant publishedAt, List<ReplyVersion> versions, List<ReplyEvent> events) {

    public ReplyVersion current() {
        return versions.get(0);
    }

}
