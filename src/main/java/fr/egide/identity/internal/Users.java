package fr.egide.identity.internal;

import fr.egide.identity.EgideUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** User accounts. E-mail addresses are compared without case: people type them both ways. */
@Repository
public class Users implements UserDetailsService {

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean any() {
        return jdbc.sql("select exists (select 1 from identity_user)").query(Boolean.class).single();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from identity_user where lower(email) = lower(?))")
            .param(email)
            .query(Boolean.class)
            .single();
    }

    EgideUser create(String email, String displayName, String passwordHash, boolean administrator) {
        var user = new EgideUser(UUID.randomUUID(), email.trim(), displayName.trim(), administrator);
        jdbc.sql("""
                insert into identity_user (id, email, display_name, password_hash, administrator)
                values (?, ?, ?, ?, ?)
                """)
            .params(user.id(), user.email(), user.displayName(), passwordHash, administrator)
            .update();
        return user;
    }

    Optional<SignedInUser> findById(UUID id) {
        return jdbc.sql("select * from identity_user where id = ?").param(id).query(Users::map).optional();
    }

    /** Display names of these users, for histories ("approuvé par …"). */
    public java.util.Map<java.util.UUID, String> displayNames(java.util.Collection<java.util.UUID> ids) {
        var names = new java.util.HashMap<java.util.UUID, String>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, display_name from identity_user where id in (:ids)").param("ids", ids)
                .query(rs -> {
                    names.put(rs.getObject("id", java.util.UUID.class), rs.getString("display_name"));
                });
        }
        return names;
    }

    @Override
    public SignedInUser loadUserByUsername(String email) {
        return jdbc.sql("select * from identity_user where lower(email) = lower(?)")
            .param(email)
            .query(Users::map)
            .optional()
            .orElseThrow(() -> new UsernameNotFoundException("Identifiants incorrects"));
    }

    private static SignedInUser map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var user = new EgideUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getBoolean("administrator"));
        return new SignedInUser(user, rs.getString("password_hash"), rs.getBoolean("enabled"));
    }

}
