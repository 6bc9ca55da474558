package fr.egide.evidence;

import java.util.UUID;

/**
 * A re-check found that a captured page changed or disappeared (the review was edited, or removed by the
 * platform or its author); the check is itself a sealed capture. For dossiers and alerts.
 *
 * @param finding MODIFIEE or DISPARUE
 */
public record EvidenceChecked(String captureId, UUID cabinetId, UUID mentionId, String url, String finding, String detail) {
}
