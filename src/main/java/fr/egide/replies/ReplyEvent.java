package fr.egide.replies;

import java.time.Instant;
import java.util.UUID;

/**
 * A step of a reply's history: CREE, VERSION, SOUMIS, RENVOYE, APPROUVE, DELAI_LEVE (approved before the
 * délai de réflexion ended; the comment is the reason given), PUBLIE, ABANDONNE.
 */
public record ReplyEvent(String kind, UUID userId, String userName, Instant at, String comment) {
}
