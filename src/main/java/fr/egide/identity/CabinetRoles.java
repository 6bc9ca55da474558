package fr.egide.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who holds which role in a cabinet, for background work that has no signed-in user: the monthly report is mailed
 * to the titulaires, the « bons réflexes » look for a second reader (relecteur).
 */
@Service
public class CabinetRoles {

    private final JdbcClient jdbc;

    CabinetRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The enabled members of a cabinet holding this role, in a stable order. */
    public List<EgideUser> withRole(UUID cabinetId, CabinetRole role) {
        return jdbc.sql("""
                select u.id, u.email, u.display_name, u.administrator from identity_membership m
                join identity_user u on u.id = m.user_id where m.cabinet_id = ? and m.role = ? and u.enabled order by u.email
                """)
            .params(cabinetId, role.name())
            .query((rs, n) -> new EgideUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                    rs.getBoolean("administrator")))
            .list();
    }

}
