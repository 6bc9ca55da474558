package fr.egide.identity.internal;

import fr.egide.identity.EgideUser;
import fr.egide.identity.UserCreated;
import org.springframework.context.ApplicationEventPublisher;
import fr.egide.system.InvalidRequestException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First run. Égide ships with no account and no default password: the first administrator is created
 * either through the installation page or, for unattended installs, from two environment variables.
 */
@Service
@Order(0)
class Installation implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;

    private static final Logger log = LoggerFactory.getLogger(Installation.class);

    private final Users users;

    private final PasswordEncoder passwordEncoder;

    private final IdentitySettings settings;

    private final AtomicBoolean installed = new AtomicBoolean();

    private final ApplicationEventPublisher events;

    private final TransactionTemplate transaction;

    Installation(Users users, PasswordEncoder passwordEncoder, IdentitySettings settings,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.settings = settings;
    }

    /** Cached once true: an installed instance never goes back to the installation page. */
    boolean installed() {
        if (!installed.get() && users.any()) {
            installed.set(true);
        }
        return installed.get();
    }

    @Transactional
    synchronized EgideUser createFirstAdministrator(String email, String displayName, String password) {
        if (installed()) {
            throw new InvalidRequestException("Égide est déjà installé : connectez-vous avec un compte existant.");
        }
        checkPassword(password, email, displayName);
        var user = users.create(email, displayName, passwordEncoder.encode(password), true);
        installed.set(true);
        events.publishEvent(new UserCreated(user.id(), true));
        return user;
    }

    /** The password policy (length first, common passwords refused), for this first account as for every other. */
    static void checkPassword(String password, String... personalWords) {
        PasswordPolicy.check(password, personalWords);
    }

    @Override
    public void run(ApplicationArguments args) {
        var email = settings.bootstrapAdminEmail();
        if (email == null || email.isBlank() || installed()) {
            return;
        }
        try {
            // Through a transaction, so that the UserCreated event is recorded and delivered after the commit.
            transaction.executeWithoutResult(
                    status -> createFirstAdministrator(email, "Administrateur", settings.bootstrapAdminPassword()));
            log.info("Administrateur initial créé pour {}", email);
        }
        catch (InvalidRequestException ex) {
            throw new IllegalStateException("EGIDE_BOOTSTRAP_ADMIN_PASSWORD refusé : " + ex.getMessage(), ex);
        }
    }

}
