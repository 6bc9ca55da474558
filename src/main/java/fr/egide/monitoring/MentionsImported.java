package fr.egide.monitoring;

import java.util.UUID;

/** Published when an import stored new or changed mentions, so that analysis and alerts can take them up. */
public record MentionsImported(UUID importId, UUID cabinetId, long created, long updated) {
}
