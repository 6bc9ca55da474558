package fr.egide.reporting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The « bons réflexes » checklist of a cabinet.
 *
 * @param score 0 to 100: two points for each réflexe done, one for each partly done
 * @param done how many réflexes are done
 */
public record Readiness(UUID cabinetId, String cabinetName, Instant computedAt, int score, int done, List<ReadinessItem> items) {
}
