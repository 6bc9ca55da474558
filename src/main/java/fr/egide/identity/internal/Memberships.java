package fr.egide.identity.internal;

import fr.egide.identity.CabinetRole;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which user belongs to which cabinet, with which role. */
@Repository
public class Memberships {

    private final JdbcClient jdbc;

    private final org.springframework.context.ApplicationEventPublisher events;

    Memberships(JdbcClient jdbc, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Set<UUID> cabinetsOf(UUID userId) {
        return new HashSet<>(jdbc.sql("select cabinet_id from identity_membership where user_id = ?")
            .param(userId)
            .query(UUID.class)
            .list());
    }

    public java.util.Map<UUID, CabinetRole> rolesOf(UUID userId) {
        var roles = new java.util.HashMap<UUID, CabinetRole>();
        jdbc.sql("select cabinet_id, role from identity_membership where user_id = ?")
            .param(userId)
            .query(rs -> {
                roles.put(rs.getObject("cabinet_id", UUID.class), CabinetRole.valueOf(rs.getString("role")));
            });
        return roles;
    }

    public java.util.Optional<CabinetRole> roleOf(UUID userId, UUID cabinetId) {
        return jdbc.sql("select role from identity_membership where user_id = ? and cabinet_id = ?")
            .params(userId, cabinetId)
            .query(String.class)
            .optional()
            .map(CabinetRole::valueOf);
    }

    /** The cabinets whose consent is in force for an organisation this user administers (ADMIN_ORG). */
    public Set<UUID> cabinetsAdministeredThroughOrganisation(UUID userId) {
        return new HashSet<>(jdbc.sql("""
                select c.cabinet_id from identity_organisation_consent c
                join identity_organisation_member m on m.organisation_id = c.organisation_id and m.role = 'ADMIN_ORG'
                where m.user_id = ? and c.withdrawn_at is null
                """).param(userId).query(UUID.class).list());
    }

    public void grant(UUID userId, UUID cabinetId, CabinetRole role) {
        var before = roleOf(userId, cabinetId);
        jdbc.sql("""
                insert into identity_membership (user_id, cabinet_id, role) values (?, ?, ?)
                on conflict (user_id, cabinet_id) do update set role = excluded.role
                """)
            .params(userId, cabinetId, role.name())
            .update();
        if (before.isEmpty() || before.get() != role) {
            events.publishEvent(new fr.egide.identity.AccessChanged(cabinetId, fr.egide.identity.AccessChanged.Change.ROLE_ACCORDE, userId,
                    null, role.name(), actor()));
        }
    }

    /** The signed-in person making a change, null when Égide itself does (the demo data, a first installation). */
    static UUID actor() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn ? signedIn.user().id() : null;
    }

    public void grantToAdministrators(UUID cabinetId, CabinetRole role) {
        jdbc.sql("""
                insert into identity_membership (user_id, cabinet_id, role)
                select id, ?, ? from identity_user where administrator
                on conflict (user_id, cabinet_id) do nothing
                """)
            .params(cabinetId, role.name())
            .update();
    }

}
