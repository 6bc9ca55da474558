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

    /** The enabled members of a cabinet, whatever their role, in a stable order. */
    public List<EgideUser> of(UUID cabinetId) {
        return jdbc.sql("""
                select u.id, u.email, u.display_name, u.administrator from identity_membership m
                join identity_user u on u.id = m.user_id where m.cabinet_id = ? and u.enabled order by u.email
                """)
            .param(cabinetId)
            .query((rs, n) -> new EgideUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                    rs.getBoolean("administrator")))
            .list();
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
