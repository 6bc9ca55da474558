package fr.egide.monitoring;

import java.time.Instant;
import java.util.UUID;

/** A mention as lists show it. */
public record MentionSummary(UUID id, UUID cabinetId, UUID sourceId, String sourceName, String author, Integer rating,
        String text, String language, String publishedRaw, Instant publishedEarliest, Instant publishedLatest,
        String publishedPrecision, MentionStatus status, Instant firstSeen, String url, int versionCount) {
}
