package fr.egide.identity.internal;

import fr.egide.identity.EgideUser;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** User accounts. E-mail addresses are compared without case: people type them both ways. */
@Repository
public class Users implements UserDetailsService, UserDetailsPasswordService {

    private final JdbcClient jdbc;

    /** The TOTP secrets are encrypted at rest (AES-GCM, {@link fr.egide.system.Secrets}); a key rotation re-encrypts them. */
    @org.springframework.context.annotation.Bean
    static fr.egide.system.SecretColumn totpSecrets() {
        return new fr.egide.system.SecretColumn("identity_user", "id", "totp_secret");
    }

    private fr.egide.system.Secrets secrets;

    @org.springframework.beans.factory.annotation.Autowired
    void secrets(fr.egide.system.Secrets secrets) {
        this.secrets = secrets;
    }

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

    /**
     * Called by Spring Security after a successful sign-in whose hash is in an older format (bcrypt): the
     * password, known at that moment, is rehashed in Argon2id.
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        jdbc.sql("update identity_user set password_hash = ? where lower(email) = lower(?)")
            .params(newPasswordHash, user.getUsername())
            .update();
        return loadUserByUsername(user.getUsername());
    }

    void changePassword(UUID userId, String passwordHash) {
        jdbc.sql("update identity_user set password_hash = ?, password_changed_at = now() where id = ?")
            .params(passwordHash, userId)
            .update();
    }

    String passwordHash(UUID userId) {
        return jdbc.sql("select password_hash from identity_user where id = ?").param(userId).query(String.class).single();
    }

    /** The TOTP state of an account: the secret (null until enrolled) and the last time step accepted. */
    record TotpState(String secret, Long lastStep) {

        boolean enabled() {
            return secret != null;
        }

    }

    TotpState totp(UUID userId) {
        return jdbc.sql("select totp_secret, totp_last_step from identity_user where id = ?")
            .param(userId)
            .query((rs, n) -> new TotpState(rs.getString(1) == null ? null
                    : secrets.isEncrypted(rs.getString(1)) ? secrets.decrypt(rs.getString(1)) : rs.getString(1), (Long) rs.getObject(2)))
            .single();
    }

    void enableTotp(UUID userId, String secret, long step) {
        jdbc.sql("update identity_user set totp_secret = ?, totp_enabled_at = now(), totp_last_step = ? where id = ?")
            .params(secrets.encrypt(secret), step, userId)
            .update();
    }

    void disableTotp(UUID userId) {
        jdbc.sql("update identity_user set totp_secret = null, totp_enabled_at = null, totp_last_step = null where id = ?")
            .param(userId)
            .update();
    }

    /** Records the step just used, only if it is later than the last one: false means a replayed code. */
    boolean advanceTotpStep(UUID userId, long step) {
        return jdbc.sql("update identity_user set totp_last_step = ? where id = ? and (totp_last_step is null or totp_last_step < ?)")
            .params(step, userId, step)
            .update() == 1;
    }

    Optional<String> rppsOf(UUID userId) {
        return jdbc.sql("select rpps from identity_user where id = ?").param(userId).query(String.class).optional();
    }

    void linkRpps(UUID userId, String rpps) {
        jdbc.sql("update identity_user set rpps = ? where id = ?").params(rpps, userId).update();
    }

    boolean rppsTaken(String rpps, UUID exceptUserId) {
        return jdbc.sql("select exists (select 1 from identity_user where rpps = ? and id <> ?)")
            .params(rpps, exceptUserId)
            .query(Boolean.class)
            .single();
    }

    Optional<SignedInUser> findByRpps(String rpps) {
        return jdbc.sql("select * from identity_user where rpps = ?").param(rpps).query(Users::map).optional();
    }

    Optional<SignedInUser> findByEmail(String email) {
        return jdbc.sql("select * from identity_user where lower(email) = lower(?)").param(email).query(Users::map).optional();
    }

    private static SignedInUser map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var user = new EgideUser(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                rs.getBoolean("administrator"));
        return new SignedInUser(user, rs.getString("password_hash"), rs.getBoolean("enabled"));
    }

}
