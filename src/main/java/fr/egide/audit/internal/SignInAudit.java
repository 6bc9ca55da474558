package fr.egide.audit.internal;

import fr.egide.audit.AuditAction;
import fr.egide.audit.AuditLog;
import fr.egide.identity.SignInRecorded;
import java.util.HashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sign-ins, failed and refused sign-ins, from identity's {@link SignInRecorded} (web form, API token request, OIDC /
 * Pro Santé Connect and the TOTP second step alike), into the global chain: a sign-in is not an act on one cabinet.
 */
@Component
class SignInAudit {

    private final AuditLog log;

    SignInAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(SignInRecorded signIn) {
        var details = new HashMap<String, String>();
        if (signIn.address() != null) {
            details.put("adresse", signIn.address());
        }
        details.put("methode", signIn.method());
        if (signIn.outcome() == SignInRecorded.Outcome.SUCCESS) {
            log.recordAs(signIn.userId(), null, AuditAction.CONNEXION, "utilisateur", signIn.userId(), details);
            return;
        }
        details.put("identifiant", String.valueOf(signIn.email()));
        details.put("motif", signIn.outcome() == SignInRecorded.Outcome.LOCKED ? "VERROUILLE" : "ECHEC");
        log.recordAs(null, null, AuditAction.ECHEC_CONNEXION, "utilisateur", signIn.userId(), details);
    }

}
