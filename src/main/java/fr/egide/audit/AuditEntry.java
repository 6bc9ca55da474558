package fr.egide.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit log.
 *
 * @param chain the cabinet's id, or {@link AuditLog#GLOBAL_CHAIN} for acts outside any cabinet
 * @param seq position in its chain, from 1, without gaps
 * @param details short facts (no review text, no health data): strings only, so that their serialization is canonical
 */
public record AuditEntry(long id, String chain, long seq, Instant at, UUID actorId, UUID cabinetId, AuditAction action,
        String objectType, String objectId, Map<String, String> details, String prevHash, String hash) {
}
