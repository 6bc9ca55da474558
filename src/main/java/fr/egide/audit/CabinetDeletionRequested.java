package fr.egide.audit;

import java.util.UUID;

/**
 * A cabinet's deletion, confirmed by its titulaire: every module deletes its rows (and files) of the cabinet when
 * it receives it. The audit log keeps the cabinet's chain and a tombstone entry.
 */
public record CabinetDeletionRequested(UUID cabinetId, UUID requestedBy) {
}
