package fr.egide.evidence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A capture requested in the application and where it stands.
 *
 * @param trigger MANUELLE (a user asked), AUTOMATIQUE (a risky mention), CONTROLE (a scheduled re-check of a URL)
 * @param status EN_ATTENTE, EN_COURS, SCELLEE or ECHEC (with the reason in {@code error})
 * @param rendered false when Chromium was missing (WARC, HTML and text only)
 * @param limits what the capture could not keep whole, in French
 * @param finding for a re-check: INCHANGEE, MODIFIEE or DISPARUE, with the reason in {@code findingDetail}
 */
public record CaptureSummary(String id, UUID cabinetId, UUID mentionId, String url, String reason, String requestedBy,
        String trigger, String status, String error, Instant requestedAt, Instant startedAt, Instant endedAt, String finalUrl,
        Integer httpStatus, Boolean rendered, String bundleSha256, Long bundleSize, String manifestSha256, List<String> limits,
        String finding, String findingDetail) {

    public boolean pending() {
        return "EN_ATTENTE".equals(status) || "EN_COURS".equals(status);
    }

    public boolean sealed() {
        return "SCELLEE".equals(status);
    }

}
