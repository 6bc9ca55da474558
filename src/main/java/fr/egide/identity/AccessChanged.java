package fr.egide.identity;

import java.util.UUID;

/**
 * Who may see a cabinet changed: a role given (a membership created or its role changed, an invitation accepted),
 * a membership ended (left or removed), an organisation's consent granted or withdrawn. Published in the
 * transaction of the change, for the audit log.
 *
 * @param userId the person whose access changed (null for a consent)
 * @param organisationId the organisation of a consent (null otherwise)
 * @param role the role given or ended (null for a consent)
 * @param byUserId who made the change (null when Égide did, e.g. the demo data)
 */
public record AccessChanged(UUID cabinetId, Change change, UUID userId, UUID organisationId, String role, UUID byUserId) {

    public enum Change {
        ROLE_ACCORDE, ROLE_RETIRE, CONSENTEMENT_ACCORDE, CONSENTEMENT_RETIRE
    }

}
