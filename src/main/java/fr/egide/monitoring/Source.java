package fr.egide.monitoring;

import java.util.UUID;

/** A place mentions come from, for one cabinet. */
public record Source(UUID id, UUID cabinetId, SourceKind kind, String name, String state, String lastError) {
}
