package fr.egide.replies;

import fr.egide.compliance.LintResult;
import java.time.Instant;
import java.util.UUID;

/** One version of a reply's text, with the linter's verdict on it when it was written. */
public record ReplyVersion(UUID id, int number, String text, ReplyOrigin origin, UUID authorId, String authorName,
        Instant createdAt, LintResult lint) {
}
