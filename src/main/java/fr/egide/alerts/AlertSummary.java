package fr.egide.alerts;

import java.time.Instant;
import java.util.UUID;

/** An alert in a list: what it is about, where to look, and how far its e-mails went for the reader. */
public record AlertSummary(UUID id, UUID cabinetId, AlertTrigger trigger, String title, String link, Instant createdAt, String delivery) {
}
