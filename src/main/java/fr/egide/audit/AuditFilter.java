package fr.egide.audit;

import java.time.LocalDate;
import java.util.UUID;

/** What the journal page and API filter on; every part is optional (null). Dates are Europe/Paris days, inclusive. */
public record AuditFilter(AuditAction action, UUID actorId, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null);
    }

}
