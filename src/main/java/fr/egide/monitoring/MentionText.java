package fr.egide.monitoring;

import java.time.Instant;
import java.util.UUID;

/**
 * What another module needs to process a mention's current text (analysis, alerts), without its history.
 *
 * @param author the author's displayed name (pseudonym), or null
 * @param publishedEarliest the earliest possible first publication (relative dates give a range)
 * @param publishedLatest the latest possible first publication
 */
public record MentionText(UUID id, UUID cabinetId, String text, Integer rating, String sourceName, String author,
        Instant publishedEarliest, Instant publishedLatest, int versionCount) {
}
