package fr.egide.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A mention as lists show it, with the labels other modules gave it (see {@link MentionLabels}). */
public record MentionSummary(UUID id, UUID cabinetId, UUID sourceId, String sourceName, String author, Integer rating,
        String text, String language, String publishedRaw, Instant publishedEarliest, Instant publishedLatest,
        String publishedPrecision, MentionStatus status, Instant firstSeen, String url, int versionCount,
        List<String> labels, Instant removedAt) {

    /** The value of this mention's label of a family ("qualification" → "A_EXAMINER"), or null. */
    public String label(String family) {
        return labels.stream().filter(label -> label.startsWith(family + "."))
            .map(label -> label.substring(family.length() + 1)).findFirst().orElse(null);
    }

}
