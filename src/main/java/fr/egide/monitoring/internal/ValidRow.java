package fr.egide.monitoring.internal;

import fr.egide.monitoring.PublicationDate;
import java.time.Instant;

/** A record that passed validation, ready for the staging table. */
record ValidRow(long line, String sourceName, String externalId, String url, String author, Integer rating,
        String text, String language, PublicationDate published, Instant seenAt, String fingerprint, String rawJson) {
}
