package fr.egide.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What to look for among the mentions the current user may see; every field is optional.
 *
 * @param from mentions whose publication range reaches this day or later
 * @param to mentions whose publication range starts on this day or before
 * @param query words searched with PostgreSQL's French full-text search (stemmed: "attendre" finds "attente")
 * @param labels labels the mention must all carry (see {@link MentionLabels}), e.g. "qualification.A_EXAMINER"
 */
public record MentionFilter(UUID cabinetId, UUID sourceId, Integer minRating, Integer maxRating, LocalDate from,
        LocalDate to, MentionStatus status, String query, List<String> labels) {

    public MentionFilter {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public MentionFilter(UUID cabinetId, UUID sourceId, Integer minRating, Integer maxRating, LocalDate from,
            LocalDate to, MentionStatus status, String query) {
        this(cabinetId, sourceId, minRating, maxRating, from, to, status, query, List.of());
    }

    public static MentionFilter none() {
        return new MentionFilter(null, null, null, null, null, null, null, null, List.of());
    }

    /** The value of the label of this family the filter asks for ("qualification" → "A_EXAMINER"), or null. */
    public String label(String family) {
        return labels.stream().filter(label -> label.startsWith(family + "."))
            .map(label -> label.substring(family.length() + 1)).findFirst().orElse(null);
    }

}
