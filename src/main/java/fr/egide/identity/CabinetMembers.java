package fr.egide.identity;

import fr.egide.identity.internal.Users;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The members of a cabinet, for the modules that write to them (alerts), and a way for background jobs to
 * read a cabinet's data on behalf of one of its members, through the same access checks as a request.
 */
@Service
public class CabinetMembers {

    private final JdbcClient jdbc;

    private final Users users;

    CabinetMembers(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * The enabled members of a cabinet who read its contents (alerts go to them; a CONSEIL only sees the dossiers
     * shared with them), in a stable order.
     */
    public List<EgideUser> of(UUID cabinetId) {
        var readers = java.util.Arrays.stream(CabinetRole.values()).filter(role -> role.may(Permission.READ)).map(Enum::name).toList();
        return jdbc.sql("""
                select u.id, u.email, u.display_name, u.administrator from identity_membership m
                join identity_user u on u.id = m.user_id where m.cabinet_id = :cabinet and u.enabled and m.role in (:roles)
                order by u.email
                """)
            .param("cabinet", cabinetId).param("roles", readers)
            .query((rs, n) -> new EgideUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                    rs.getBoolean("administrator")))
            .list();
    }

    /** The members of a cabinet with their roles, enabled or not, in a stable order. */
    public List<CabinetMember> withRoles(UUID cabinetId) {
        return jdbc.sql("""
                select u.id, u.email, u.display_name, u.administrator, m.role, m.granted_at from identity_membership m
                join identity_user u on u.id = m.user_id where m.cabinet_id = ? order by u.display_name, u.email
                """)
            .param(cabinetId)
            .query((rs, n) -> new CabinetMember(new EgideUser(rs.getObject("id", UUID.class), rs.getString("email"),
                    rs.getString("display_name"), rs.getBoolean("administrator")), CabinetRole.valueOf(rs.getString("role")),
                    rs.getTimestamp("granted_at").toInstant()))
            .list();
    }

    /** The member of a cabinet with this e-mail address (compared without case), if there is one. */
    public java.util.Optional<CabinetMember> byEmail(UUID cabinetId, String email) {
        return withRoles(cabinetId).stream().filter(member -> member.user().email().equalsIgnoreCase(email == null ? "" : email.strip()))
            .findFirst();
    }

    /** Every cabinet that has at least one member. */
    public List<UUID> cabinets() {
        return jdbc.sql("select distinct cabinet_id from identity_membership order by cabinet_id").query(UUID.class).list();
    }

    /**
     * Runs code as this user, outside any request (a background job), then restores the previous security context.
     * The user only sees what their memberships allow.
     */
    public <T> T runAs(UUID userId, Supplier<T> work) {
        var email = jdbc.sql("select email from identity_user where id = ?").param(userId).query(String.class).optional()
            .orElseThrow(() -> new IllegalArgumentException("Utilisateur inconnu : " + userId));
        var signedIn = users.loadUserByUsername(email);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

}
