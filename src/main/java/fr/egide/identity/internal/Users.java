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
class Users implements UserDetailsService {

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
