package fr.egide.identity.internal;

import fr.egide.identity.CabinetRole;
import fr.egide.identity.EgideUser;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Creates fictional accounts for tests, as the user management of a later issue will. */
public final class TestAccounts {

    public static final String PASSWORD = "une phrase de passe de test";

    private TestAccounts() {
    }

    public static EgideUser create(ApplicationContext context, String displayName) {
        var users = context.getBean(Users.class);
        var encoder = context.getBean(PasswordEncoder.class);
        var email = "test-" + UUID.randomUUID() + "@example.org";
        return users.create(email, displayName, encoder.encode(PASSWORD), false);
    }

    public static String token(ApplicationContext context, EgideUser user) {
        return context.getBean(ApiTokens.class).issue(user.id()).token();
    }

    /** Issues an API token and gives its id (what the account page revokes). */
    public static UUID tokenId(ApplicationContext context, EgideUser user) {
        return context.getBean(ApiTokens.class).issue(user.id()).id();
    }

    public static void grant(ApplicationContext context, EgideUser user, UUID cabinetId) {
        context.getBean(Memberships.class).grant(user.id(), cabinetId, CabinetRole.TITULAIRE);
    }

    public static void grant(ApplicationContext context, EgideUser user, UUID cabinetId, CabinetRole role) {
        context.getBean(Memberships.class).grant(user.id(), cabinetId, role);
    }

    /** The authentication of a signed-in user, for MockMvc requests to pages. */
    public static org.springframework.security.core.Authentication authentication(ApplicationContext context, EgideUser user) {
        var signedIn = context.getBean(Users.class).findById(user.id()).orElseThrow();
        return UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities());
    }

    /** An organisation administered by {@code admin} (no page involved: the fixture of several tests). */
    public static UUID organisation(ApplicationContext context, String name, EgideUser admin) {
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        var id = UUID.randomUUID();
        jdbc.sql("insert into identity_organisation (id, name) values (?, ?)").params(id, name + " " + id).update();
        jdbc.sql("insert into identity_organisation_member (user_id, organisation_id, role) values (?, ?, 'ADMIN_ORG')")
            .params(admin.id(), id).update();
        return id;
    }

    public static void makeOrganisationAdmin(ApplicationContext context, UUID organisationId, EgideUser user) {
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
            .sql("insert into identity_organisation_member (user_id, organisation_id, role) values (?, ?, 'ADMIN_ORG') on conflict do nothing")
            .params(user.id(), organisationId).update();
    }

    /** Makes sure the cabinet consents to the organisation (attaching it the first time). */
    public static void consent(ApplicationContext context, UUID cabinetId, UUID organisationId, EgideUser titulaire) {
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        jdbc.sql("insert into identity_cabinet_organisation (cabinet_id, organisation_id) values (?, ?) on conflict do nothing")
            .params(cabinetId, organisationId).update();
        if (!jdbc.sql("select exists (select 1 from identity_organisation_consent where cabinet_id = ? and withdrawn_at is null)")
            .param(cabinetId).query(Boolean.class).single()) {
            jdbc.sql("insert into identity_organisation_consent (id, cabinet_id, organisation_id, granted_by) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), cabinetId, organisationId, titulaire.id()).update();
        }
    }

    /** A pending invitation with a known token, as if its e-mail had been read; returns {id, token}. */
    public static String[] invitation(ApplicationContext context, UUID cabinetId, UUID organisationId, String role, EgideUser inviter) {
        var token = "test-" + UUID.randomUUID();
        var id = UUID.randomUUID();
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
                insert into identity_invitation (id, email, cabinet_id, organisation_id, role, token_hash, invited_by, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, now() + interval '1 day')
                """).params(id, "invite-" + UUID.randomUUID() + "@example.org", cabinetId, organisationId, role, ApiTokens.hash(token),
                    inviter.id()).update();
        return new String[] { id.toString(), token };
    }

    /** Runs code as the given user, outside any HTTP request (for module-level tests). */
    public static void signIn(ApplicationContext context, EgideUser user) {
        var signedIn = context.getBean(Users.class).findById(user.id()).orElseThrow();
        SecurityContextHolder.getContext()
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(signedIn, null,
                    signedIn.getAuthorities()));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }

}
