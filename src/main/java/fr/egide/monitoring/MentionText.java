package fr.egide.monitoring;

import java.time.Instant;
import java.util.UUID;

/** What another module needs to process a mention's current text (analysis, alerts), without its history. */
public record MentionText(UUID id, UUID cabinetId, String text, Integer rating, String sourceName,
        Instant publishedEarliest, int versionCount) {
}
