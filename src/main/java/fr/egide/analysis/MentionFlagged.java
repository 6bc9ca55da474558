package fr.egide.analysis;

import java.util.UUID;

/**
 * A mention whose analysis calls for attention: its indicators point to content to examine or probably illicit,
 * or its impact is high. The analysis publishes them by batch ({@link MentionsFlagged}); the listeners decide what
 * is new to them (evidence captures each version once, alerts key on the version).
 *
 * @param threat whether the analysis found a threat (MENACE indicator); null in events stored before it was carried,
 *        in which case a listener that needs it reads the stored analysis
 */
public record MentionFlagged(UUID mentionId, UUID cabinetId, int versionCount, Qualification qualification, int impactScore,
        Boolean threat) {

    /** As published before the threat was carried (still delivered from the registry after an upgrade). */
    public MentionFlagged(UUID mentionId, UUID cabinetId, int versionCount, Qualification qualification, int impactScore) {
        this(mentionId, cabinetId, versionCount, qualification, impactScore, null);
    }

}
