package fr.egide.analysis;

import java.util.UUID;

/**
 * A mention whose analysis calls for attention: its indicators point to content to examine or probably illicit,
 * or its impact is high. Published each time such a mention is analysed (a new version, a new analyser); the
 * listeners decide what is new to them (evidence captures each version once).
 */
public record MentionFlagged(UUID mentionId, UUID cabinetId, int versionCount, Qualification qualification, int impactScore) {
}
