package fr.egide.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an import did. Either it succeeded (TERMINE: every valid line stored, every other listed), or it
 * failed as a whole (ECHEC: nothing stored, {@code error} says why, e.g. a malformed JSON file).
 *
 * @param created new mentions
 * @param updated known mentions whose text or rating changed (a new version was kept)
 * @param unchanged known mentions seen again with the same content
 * @param duplicates lines repeating an earlier line of the same file
 * @param rejected invalid lines
 * @param issues the first duplicate and rejected lines, in file order
 */
public record ImportReport(UUID id, UUID cabinetId, String fileName, String format, String charset, String status,
        String error, List<String> warnings, long totalRows, long created, long updated, long unchanged,
        long duplicates, long rejected, Instant startedAt, Instant finishedAt, List<ImportIssue> issues) {

    public boolean succeeded() {
        return "TERMINE".equals(status);
    }

}
