package fr.egide.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A cabinet's retention periods, in months (null: kept until deleted by hand).
 *
 * @param rawMonths the raw data captured by the watch (the sources' payloads kept beside each mention)
 * @param closedMonths closed dossiers, counted from their closing
 */
public record Retention(UUID cabinetId, Integer rawMonths, Integer closedMonths) {

    /**
     * A module's purge of what is past a cabinet's retention; returns a French summary ("3 dossiers clos") or an
     * empty string when nothing was past. Called by the retention job, once a day.
     */
    public interface Purge {

        String purge(Retention retention, Instant now);

    }

}
