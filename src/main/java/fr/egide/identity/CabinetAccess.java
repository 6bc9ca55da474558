package fr.egide.identity;

import fr.egide.identity.internal.Memberships;
import fr.egide.identity.internal.SignedInUser;
import fr.egide.identity.internal.Users;
import fr.egide.system.ForbiddenException;
import fr.egide.system.NotFoundException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one place where modules ask which cabinets the current user may see and what they may do there. Every
 * query on cabinet data goes through it, in the modules' root services, so that isolation and roles do not
 * depend on each controller remembering to check. A cabinet the user is not a member of is "not found" (its
 * existence does not leak); a cabinet they belong to, with a role lacking the right, is "forbidden" in French.
 */
@Service
public class CabinetAccess {

    /**
     * Rights lent for the time of one call: reading a dossier shared with a CONSEIL reads its mentions, analyses and
     * captures through the other modules, which would otherwise refuse a role without READ.
     */
    private static final ThreadLocal<Map<UUID, Set<Permission>>> LENT = ThreadLocal.withInitial(Map::of);

    private final Memberships memberships;

    private final Users users;

    CabinetAccess(Memberships memberships, Users users) {
        this.memberships = memberships;
        this.users = users;
    }

    /** Display names of users, for the histories pages show ("approuvé par …"); unknown ids are left out. */
    public Map<UUID, String> displayNames(java.util.Collection<UUID> userIds) {
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

    /**
     * Runs {@code work} with these permissions lent in one cabinet the current user belongs to, then takes them back.
     * Only the cases module uses it, once it has checked that the dossier is shared with the user.
     */
    public <T> T lending(UUID cabinetId, Set<Permission> permissions, java.util.function.Supplier<T> work) {
        require(cabinetId);
        var previous = LENT.get();
        var lent = new java.util.HashMap<>(previous);
        var all = java.util.EnumSet.noneOf(Permission.class);
        all.addAll(permissions);
        all.addAll(previous.getOrDefault(cabinetId, Set.of()));
        lent.put(cabinetId, all);
        LENT.set(Map.copyOf(lent));
        try {
            return work.get();
        }
        finally {
            if (previous.isEmpty()) {
                LENT.remove();
            }
            else {
                LENT.set(previous);
            }
        }
    }

    private boolean allows(UUID cabinetId, CabinetRole role, Permission permission) {
        return role.may(permission) || LENT.get().getOrDefault(cabinetId, Set.of()).contains(permission);
    }

    /** The current user's role in each cabinet they belong to. */
    public Map<UUID, CabinetRole> rolesOfCurrentUser() {
        return memberships.rolesOf(currentUser().id());
    }

    /** The cabinets whose contents the current user may read (a CONSEIL only reads the dossiers shared with them). */
    public Set<UUID> cabinetsOfCurrentUser() {
        return cabinetsWith(Permission.READ);
    }

    /** The cabinets the current user belongs to, whatever the role. */
    public Set<UUID> memberCabinets() {
        return rolesOfCurrentUser().keySet();
    }

    /** The cabinets where the current user's role gives this permission. */
    public Set<UUID> cabinetsWith(Permission permission) {
        return rolesOfCurrentUser().entrySet().stream().filter(entry -> allows(entry.getKey(), entry.getValue(), permission))
            .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** Whether the current user may read this cabinet's contents. */
    public boolean canAccess(UUID cabinetId) {
        return may(cabinetId, Permission.READ);
    }

    public boolean isMember(UUID cabinetId) {
        return cabinetId != null && memberships.roleOf(currentUser().id(), cabinetId).isPresent();
    }

    public boolean may(UUID cabinetId, Permission permission) {
        return cabinetId != null
                && memberships.roleOf(currentUser().id(), cabinetId).map(role -> allows(cabinetId, role, permission)).orElse(false);
    }

    /**
     * The cabinets the current user oversees without reading their contents: those where they may manage the
     * cabinet (the titulaire), and those whose consent is in force for an organisation they administer (ADMIN_ORG).
     */
    public Set<UUID> managedCabinets() {
        var managed = new java.util.HashSet<>(cabinetsWith(Permission.MANAGE_CABINET));
        managed.addAll(memberships.cabinetsAdministeredThroughOrganisation(currentUser().id()));
        return managed;
    }

    /**
     * Refuses what only the cabinet's management may see (its audit journal): "not found" for a stranger,
     * "forbidden" for a member whose role does not manage the cabinet; the titulaire and the consenting
     * organisation's ADMIN_ORG pass.
     */
    public void requireManagement(UUID cabinetId) {
        if (cabinetId != null && memberships.cabinetsAdministeredThroughOrganisation(currentUser().id()).contains(cabinetId)) {
            return;
        }
        require(cabinetId, Permission.READ, Permission.MANAGE_CABINET);
    }

    /** Refuses, as "not found", a cabinet whose contents the current user may not read. */
    public void requireAccess(UUID cabinetId) {
        require(cabinetId, Permission.READ);
    }

    /**
     * Refuses "not found" when the current user is not a member of the cabinet, "forbidden" (with the reason) when
     * their role lacks one of the permissions.
     */
    public CabinetRole require(UUID cabinetId, Permission... permissions) {
        return requireOn(cabinetId, "Cabinet introuvable.", permissions);
    }

    /**
     * The same check for an object of a cabinet (a mention, a draft): "not found" says {@code notFound} (the object,
     * not its cabinet, is what the caller asked for).
     */
    public CabinetRole requireOn(UUID cabinetId, String notFound, Permission... permissions) {
        var role = cabinetId == null ? null : memberships.roleOf(currentUser().id(), cabinetId).orElse(null);
        if (role == null) {
            throw new NotFoundException(notFound);
        }
        for (var permission : permissions) {
            if (!allows(cabinetId, role, permission)) {
                throw refusal(role, permission);
            }
        }
        return role;
    }

    /** The French refusal for a role lacking a permission, for the checks modules make themselves. */
    public static ForbiddenException refusal(CabinetRole role, Permission permission) {
        return new ForbiddenException("Votre rôle dans ce cabinet (" + role.label() + ") ne permet pas de "
                + permission.label() + ".");
    }

    /** The current user's role in a cabinet they belong to ("not found" otherwise). */
    public CabinetRole roleIn(UUID cabinetId) {
        return require(cabinetId);
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
