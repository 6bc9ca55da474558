package fr.egide.evidence;

import java.time.Instant;
import java.util.UUID;

/**
 * A captured URL that Égide re-checks on a schedule.
 *
 * @param state EN_LIGNE (unchanged since the first capture), MODIFIEE or DISPARUE (no more checks)
 */
public record WatchSummary(UUID cabinetId, String url, UUID mentionId, String firstCaptureId, String lastCaptureId, String state,
        Instant lastCheckAt, Instant nextCheckAt) {
}
