package fr.egide.audit.internal;

import fr.egide.audit.AuditAction;
import fr.egide.audit.AuditLog;
import fr.egide.identity.EgideUser;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins and failed sign-ins, from Spring Security's authentication events (form sign-in and the API's token
 * request), into the global chain: a sign-in is not an act on one cabinet. Until identity publishes its own
 * sign-in event, the user's id is read from the principal's {@code user()} accessor (identity's principal type is
 * internal to that module); the address comes from the request's details.
 */
@Component
class SignInAudit {

    private final AuditLog log;

    SignInAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        var details = facts(authentication);
        log.recordAs(userId(authentication.getPrincipal()), null, AuditAction.CONNEXION, "utilisateur", userId(authentication.getPrincipal()),
                details);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        var details = facts(event.getAuthentication());
        details.put("identifiant", String.valueOf(event.getAuthentication().getName()));
        details.put("motif", event.getClass().getSimpleName().replace("AuthenticationFailure", ""));
        log.recordAs(null, null, AuditAction.ECHEC_CONNEXION, "utilisateur", null, details);
    }

    private static HashMap<String, String> facts(Authentication authentication) {
        var details = new HashMap<String, String>();
        if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            details.put("adresse", web.getRemoteAddress());
        }
        return details;
    }

    static UUID userId(Object principal) {
        if (principal == null) {
            return null;
        }
        try {
            var accessor = principal.getClass().getMethod("user");
            if (accessor.invoke(principal) instanceof EgideUser user) {
                return user.id();
            }
        }
        catch (ReflectiveOperationException | RuntimeException notAnEgideUser) {
            // Another principal (an OIDC user until identity maps it): the sign-in is recorded without an id.
        }
        return null;
    }

}
