package fr.egide.audit.internal;

import fr.egide.audit.AuditAction;
import fr.egide.audit.AuditLog;
import fr.egide.identity.AccessChanged;
import java.util.HashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Role changes (a role given, a membership ended) and an organisation's consent granted or withdrawn, from
 * identity's {@link AccessChanged}, into the cabinet's chain, in the transaction of the change: the change and its
 * trace are written together or not at all.
 */
@Component
class AccessAudit {

    private final AuditLog log;

    AccessAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(AccessChanged change) {
        var details = new HashMap<String, String>();
        details.put("changement", change.change().name());
        if (change.role() != null) {
            details.put("role", change.role());
        }
        if (change.organisationId() != null) {
            details.put("organisation", change.organisationId().toString());
        }
        var subject = change.userId() != null ? change.userId() : change.organisationId();
        log.recordAs(change.byUserId(), change.cabinetId(), AuditAction.CHANGEMENT_ROLE, change.userId() != null ? "utilisateur" : "organisation",
                subject, details);
    }

}
