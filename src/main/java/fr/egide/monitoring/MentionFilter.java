package fr.egide.monitoring;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What to look for among the mentions the current user may see; every field is optional.
 *
 * @param from mentions whose publication range reaches this day or later
 * @param to mentions whose publication range starts on this day or before
 * @param query words searched with PostgreSQL's French full-text search (stemmed: "attendre" finds "attente")
 */
public record MentionFilter(UUID cabinetId, UUID sourceId, Integer minRating, Integer maxRating, LocalDate from,
        LocalDate to, MentionStatus status, String query) {

    public static MentionFilter none() {
        return new MentionFilter(null, null, null, null, null, null, null, null);
    }

}
