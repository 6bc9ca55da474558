package fr.egide.identity;

import fr.egide.identity.internal.Memberships;
import fr.egide.identity.internal.SignedInUser;
import fr.egide.identity.internal.Users;
import fr.egide.system.NotFoundException;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one place where modules ask which cabinets the current user may see. Every query on cabinet data
 * goes through it, so that isolation does not depend on each controller remembering to check.
 */
@Service
public class CabinetAccess {

    private final Memberships memberships;

    private final Users users;

    CabinetAccess(Memberships memberships, Users users) {
        this.memberships = memberships;
        this.users = users;
    }

    /** Display names of users, for the histories pages show ("approuvé par …"); unknown ids are left out. */
    public java.util.Map<UUID, String> displayNames(java.util.Collection<UUID> userIds) {
        return users.displayNames(userIds);
    }

    /** The signed-in user; fails when called outside an authenticated request. */
    public EgideUser currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
            return signedIn.user();
        }
        throw new IllegalStateException("Aucun utilisateur connecté");
    }

    /** The cabinets the current user belongs to, whatever the role. */
    public Set<UUID> cabinetsOfCurrentUser() {
        return memberships.cabinetsOf(currentUser().id());
    }

    public boolean canAccess(UUID cabinetId) {
        return cabinetId != null && cabinetsOfCurrentUser().contains(cabinetId);
    }

    /** Refuses, as "not found", a cabinet the current user may not see. */
    public void requireAccess(UUID cabinetId) {
        if (!canAccess(cabinetId)) {
            throw new NotFoundException("Cabinet introuvable.");
        }
    }

    /** The current user's role in a cabinet they belong to ("not found" otherwise). */
    public CabinetRole roleIn(UUID cabinetId) {
        requireAccess(cabinetId);
        return memberships.roleOf(currentUser().id(), cabinetId).orElseThrow(() -> new NotFoundException("Cabinet introuvable."));
    }

    /** Gives a user a role in a cabinet (the creator of a cabinet becomes its titulaire). */
    public void grant(UUID userId, UUID cabinetId, CabinetRole role) {
        memberships.grant(userId, cabinetId, role);
    }

    /** Gives every administrator a role in a cabinet (the demo cabinet, which nobody created). */
    public void grantToAdministrators(UUID cabinetId, CabinetRole role) {
        memberships.grantToAdministrators(cabinetId, role);
    }

}
