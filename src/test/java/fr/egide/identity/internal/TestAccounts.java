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

    public static void grant(ApplicationContext context, EgideUser user, UUID cabinetId) {
        context.getBean(Memberships.class).grant(user.id(), cabinetId, CabinetRole.TITULAIRE);
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
