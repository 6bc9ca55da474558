package fr.egide.identity.internal;

import fr.egide.identity.EgideUser;
import fr.egide.identity.SignInRecorded;
import fr.egide.identity.TwoFactorRequirement;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication as a browser and an API client meet it, over real HTTP on the embedded PostgreSQL: Argon2id and
 * the upgrade of bcrypt hashes, the password policy, lockout per account and per address, TOTP (enrolment, code,
 * recovery code, wrong code, mandatory through the organisations' hook), scoped and revocable tokens, session
 * fixation, CSRF and the security headers. Each test signs in from an address of its own (X-Forwarded-For, which
 * Tomcat trusts from the loopback proxy), so that the per-address counts of one test do not lock another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "egide.identity.lockout-address-threshold=20")
class AuthenticationIntegrationTests {

    /** Users an "organisation" demands two-factor authentication of, through the hook other modules implement. */
    static final Set<UUID> TOTP_DEMANDED = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class Organisation {

        @Bean
        TwoFactorRequirement demandingOrganisation() {
            return TOTP_DEMANDED::contains;
        }

    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    WebClient browser() {
        return new WebClient(port, "198.51." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255));
    }

    List<SignInRecorded> recordEvents() {
        var events = new CopyOnWriteArrayList<SignInRecorded>();
        ((ConfigurableApplicationContext) context).addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof SignInRecorded recorded) {
                events.add(recorded);
            }
        });
        return events;
    }

    String hashOf(EgideUser user) {
        return jdbc.sql("select password_hash from identity_user where id = ?").param(user.id()).query(String.class).single();
    }

    @Test
    void newPasswordsAreHashedWithArgon2idAndBcryptHashesAreUpgradedAtSignIn() throws Exception {
        var fresh = TestAccounts.create(context, "Dr Argon");
        assertThat(hashOf(fresh)).startsWith("{argon2}$argon2id$");

        var users = context.getBean(Users.class);
        var old = users.create("ancien-" + UUID.randomUUID() + "@example.org", "Dr Ancien",
                "{bcrypt}" + new BCryptPasswordEncoder().encode(TestAccounts.PASSWORD), false);
        var browser = browser();
        var signIn = browser.signIn(old.email(), TestAccounts.PASSWORD);
        assertThat(WebClient.location(signIn)).endsWith("/");
        assertThat(hashOf(old)).startsWith("{argon2}$argon2id$");
        // And the upgraded hash still opens the account.
        assertThat(WebClient.location(browser().signIn(old.email(), TestAccounts.PASSWORD))).endsWith("/");
    }

    @Test
    void passwordChangeAppliesThePolicyAndTheCommonList() throws Exception {
        var user = TestAccounts.create(context, "Dr Changement");
        var browser = browser();
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        var common = browser.submit("/compte", "/compte/mot-de-passe", "current", TestAccounts.PASSWORD, "password",
                "motdepasse123", "confirmation", "motdepasse123");
        assertThat(WebClient.location(common)).endsWith("/compte");
        assertThat(WebClient.text(browser.get("/compte"))).contains("mots de passe les plus courants");
        var wrongCurrent = browser.submit("/compte", "/compte/mot-de-passe", "current", "pas le bon mot de passe", "password",
                "un nouveau mot de passe solide", "confirmation", "un nouveau mot de passe solide");
        assertThat(WebClient.location(wrongCurrent)).endsWith("/compte");
        assertThat(WebClient.text(browser.get("/compte"))).contains("Le mot de passe actuel est incorrect");

        browser.submit("/compte", "/compte/mot-de-passe", "current", TestAccounts.PASSWORD, "password",
                "un nouveau mot de passe solide", "confirmation", "un nouveau mot de passe solide");
        assertThat(WebClient.text(browser.get("/compte"))).contains("Votre mot de passe est changé");
        assertThat(WebClient.location(browser().signIn(user.email(), TestAccounts.PASSWORD))).contains("erreur");
        assertThat(WebClient.location(browser().signIn(user.email(), "un nouveau mot de passe solide"))).endsWith("/");
    }

    @Test
    void anAccountIsLockedAfterFiveFailuresWithProgressiveDelaysAndTheSameMessageForUnknownAccounts() throws Exception {
        var events = recordEvents();
        var user = TestAccounts.create(context, "Dr Verrou");
        var browser = browser();
        for (int i = 1; i <= 4; i++) {
            assertThat(WebClient.location(browser.signIn(user.email(), "mauvais mot de passe " + i))).as("essai " + i)
                .endsWith("/connexion?erreur");
        }
        var fifth = browser.signIn(user.email(), "mauvais mot de passe 5");
        assertThat(WebClient.location(fifth)).contains("/connexion?bloque=");
        // Even the right password is refused now, from anywhere: the account is locked, not only this address.
        var elsewhere = browser();
        var right = elsewhere.signIn(user.email(), TestAccounts.PASSWORD);
        assertThat(WebClient.location(right)).contains("/connexion?bloque=");
        var page = elsewhere.get(WebClient.location(right).replace("http://localhost:" + port, ""));
        assertThat(WebClient.text(page)).contains("Trop de tentatives de connexion").containsPattern("Réessayez dans \\d+ (secondes|minute)");
        // The API's token endpoint shares the count.
        var token = elsewhere.json("POST", "/api/v1/auth/token",
                "{\"email\": \"" + user.email() + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}");
        assertThat(token.statusCode()).isEqualTo(429);
        assertThat(token.headers().firstValue("Retry-After")).isPresent();
        assertThat(token.body()).contains("Trop de tentatives de connexion");

        // An address nobody has an account for behaves exactly the same: a lock says nothing about existence.
        var nobody = "personne-" + UUID.randomUUID() + "@example.org";
        var probe = browser();
        for (int i = 1; i <= 4; i++) {
            assertThat(WebClient.location(probe.signIn(nobody, "x" + i))).endsWith("/connexion?erreur");
        }
        assertThat(WebClient.location(probe.signIn(nobody, "x5"))).contains("/connexion?bloque=");

        // Each further failure doubles the lock, up to an hour.
        var throttle = context.getBean(SignInThrottle.class);
        assertThat(throttle.lockDuration(0)).hasMinutes(1);
        assertThat(throttle.lockDuration(1)).hasMinutes(2);
        assertThat(throttle.lockDuration(3)).hasMinutes(8);
        assertThat(throttle.lockDuration(20)).hasHours(1);

        // The audit module can listen: failures, then refusals while locked, with the address.
        assertThat(events).filteredOn(event -> user.email().equals(event.email()))
            .extracting(SignInRecorded::outcome)
            .containsSequence(SignInRecorded.Outcome.FAILURE, SignInRecorded.Outcome.FAILURE, SignInRecorded.Outcome.LOCKED,
                    SignInRecorded.Outcome.LOCKED);
        assertThat(events).filteredOn(event -> user.email().equals(event.email()))
            .first().satisfies(event -> {
                assertThat(event.userId()).isEqualTo(user.id());
                assertThat(event.address()).isEqualTo(browser.address);
                assertThat(event.method()).isEqualTo("FORMULAIRE");
            });
    }

    @Test
    void anAddressIsLockedAfterTwentyFailuresWhateverTheAccounts() throws Exception {
        var user = TestAccounts.create(context, "Dr Même Adresse");
        var browser = browser();
        for (int i = 1; i <= 19; i++) {
            var attempt = browser.signIn("essai-" + i + "-" + UUID.randomUUID() + "@example.org", "x");
            assertThat(WebClient.location(attempt)).as(attempt.statusCode() + " " + attempt.body()).endsWith("/connexion?erreur");
        }
        assertThat(WebClient.location(browser.signIn("essai-20@example.org", "x"))).contains("bloque");
        assertThat(WebClient.location(browser.signIn(user.email(), TestAccounts.PASSWORD))).contains("bloque");
        // From another address the same account signs in.
        assertThat(WebClient.location(browser().signIn(user.email(), TestAccounts.PASSWORD))).endsWith("/");
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() throws Exception {
        var user = TestAccounts.create(context, "Dr Oublieuse");
        var browser = browser();
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i <= 4; i++) {
                assertThat(WebClient.location(browser.signIn(user.email(), "faux " + i))).endsWith("erreur");
            }
            assertThat(WebClient.location(browser.signIn(user.email(), TestAccounts.PASSWORD))).endsWith("/");
        }
    }

    @Test
    void totpEnrolmentThenSignInWithACodeOrARecoveryCode() throws Exception {
        var user = TestAccounts.create(context, "Dr Deux Facteurs");
        var browser = browser();
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        var enrolment = browser.get("/compte/double-authentification");
        var html = Jsoup.parse(enrolment.body());
        var secret = html.selectFirst("#secret").text().replace(" ", "");
        assertThat(html.selectFirst("#otpauth").text()).startsWith("otpauth://totp/").contains("secret=" + secret);
        var step = Totp.step(Instant.now());

        var wrong = browser.submit("/compte/double-authentification", "/compte/double-authentification", "code",
                Totp.code(secret, step + 5));
        assertThat(WebClient.text(browser.get(WebClient.location(wrong).replace("http://localhost:" + port, ""))))
            .contains("Code incorrect");
        var enabled = browser.submit("/compte/double-authentification", "/compte/double-authentification", "code",
                Totp.code(secret, step));
        // The TOTP secret is encrypted at rest: the column never holds it in clear.
        var stored = jdbc.sql("select totp_secret from identity_user where id = ?").param(user.id()).query(String.class).single();
        assertThat(stored).startsWith("enc:").doesNotContain(secret);
        var codes = Jsoup.parse(enabled.body()).select("ul.recovery-codes code").eachText();
        assertThat(codes).hasSize(10).allMatch(code -> code.matches("[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}"));
        assertThat(jdbc.sql("select code_hash from identity_recovery_code where user_id = ?").param(user.id()).query(String.class)
            .list()).hasSize(10).doesNotContainAnyElementsOf(codes);

        // Sign in again: after the password, only the code page opens.
        var next = browser();
        var password = next.signIn(user.email(), TestAccounts.PASSWORD);
        assertThat(WebClient.location(password)).endsWith("/connexion/code");
        assertThat(WebClient.location(next.get("/mentions"))).endsWith("/connexion/code");
        assertThat(next.get("/api/v1/mentions").statusCode()).isEqualTo(401);
        var refused = next.submit("/connexion/code", "/connexion/code", "code", Totp.code(secret, step + 7));
        assertThat(WebClient.text(refused)).contains("Code incorrect");
        // The enrolment code cannot be replayed; the next one is accepted.
        assertThat(WebClient.text(next.submit("/connexion/code", "/connexion/code", "code", Totp.code(secret, step))))
            .contains("Code incorrect");
        var before = next.sessionId();
        var accepted = next.submit("/connexion/code", "/connexion/code", "code", Totp.code(secret, step + 1));
        assertThat(WebClient.location(accepted)).endsWith("/");
        assertThat(next.sessionId()).isNotEqualTo(before);
        assertThat(next.get("/mentions").statusCode()).isEqualTo(200);

        // A recovery code works once.
        var lostPhone = browser();
        lostPhone.signIn(user.email(), TestAccounts.PASSWORD);
        assertThat(WebClient.location(lostPhone.submit("/connexion/code", "/connexion/code", "code", codes.get(3).toUpperCase())))
            .endsWith("/");
        assertThat(WebClient.text(lostPhone.get("/compte/double-authentification"))).contains("Il vous reste 9 codes de secours");
        var again = browser();
        again.signIn(user.email(), TestAccounts.PASSWORD);
        assertThat(WebClient.text(again.submit("/connexion/code", "/connexion/code", "code", codes.get(3)))).contains("Code incorrect");

        // The token endpoint also demands the second factor of this account.
        var withoutCode = browser().json("POST", "/api/v1/auth/token",
                "{\"email\": \"" + user.email() + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}");
        assertThat(withoutCode.statusCode()).isEqualTo(401);
        var withCode = browser().json("POST", "/api/v1/auth/token", "{\"email\": \"" + user.email() + "\", \"password\": \""
                + TestAccounts.PASSWORD + "\", \"code\": \"" + codes.get(4) + "\"}");
        assertThat(withCode.statusCode()).isEqualTo(200);
    }

    @Test
    void wrongCodesCountTowardsTheLockout() throws Exception {
        var user = TestAccounts.create(context, "Dr Codes Faux");
        var secret = Totp.newSecret();
        context.getBean(Users.class).enableTotp(user.id(), secret, Totp.step(Instant.now()));
        var browser = browser();
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        for (int i = 1; i <= 4; i++) {
            assertThat(WebClient.text(browser.submit("/connexion/code", "/connexion/code", "code", "00000" + i)))
                .contains("Code incorrect");
        }
        var locked = browser.submit("/connexion/code", "/connexion/code", "code", "000005");
        assertThat(WebClient.location(locked)).contains("/connexion?bloque=");
        assertThat(WebClient.location(browser.get("/mentions"))).endsWith("/connexion");
    }

    @Test
    void anOrganisationCanMakeTwoFactorAuthenticationMandatory() throws Exception {
        var user = TestAccounts.create(context, "Dr Obligée");
        TOTP_DEMANDED.add(user.id());
        var browser = browser();
        assertThat(WebClient.location(browser.signIn(user.email(), TestAccounts.PASSWORD))).endsWith("/compte/double-authentification");
        assertThat(WebClient.location(browser.get("/mentions"))).endsWith("/compte/double-authentification");
        var page = browser.get("/compte/double-authentification");
        assertThat(WebClient.text(page)).contains("obligatoire pour votre compte");
        var secret = Jsoup.parse(page.body()).selectFirst("#secret").text().replace(" ", "");
        browser.submit("/compte/double-authentification", "/compte/double-authentification", "code",
                Totp.code(secret, Totp.step(Instant.now())));
        assertThat(browser.get("/mentions").statusCode()).isEqualTo(200);
        // It cannot be turned off while demanded.
        assertThat(WebClient.text(browser.get("/compte/double-authentification"))).doesNotContain("Désactiver");
    }

    @Test
    void personalTokensAreScopedListedAndRevocable() throws Exception {
        var user = TestAccounts.create(context, "Dr Jetons");
        var browser = browser();
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        var created = browser.submit("/compte/jetons", "/compte/jetons", "name", "Tableur du cabinet", "scope", "read", "days", "30");
        var readToken = Jsoup.parse(created.body()).selectFirst("#nouveau-jeton").text();
        assertThat(readToken).startsWith("egd_");
        assertThat(jdbc.sql("select count(*) from identity_api_token where token_hash = ?").param(readToken).query(Integer.class)
            .single()).isZero();
        var api = browser();
        var bearer = new String[] { "Authorization", "Bearer " + readToken };
        assertThat(api.get("/api/v1/cabinets", bearer).statusCode()).isEqualTo(200);
        var write = api.json("POST", "/api/v1/cabinets", "{\"name\": \"Cabinet interdit\"}", bearer);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("Vous n'avez pas le droit");

        var writeToken = api.json("POST", "/api/v1/auth/token", "{\"email\": \"" + user.email() + "\", \"password\": \""
                + TestAccounts.PASSWORD + "\", \"scope\": \"write\"}");
        var writeBearer = "Bearer " + writeToken.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(api.json("POST", "/api/v1/cabinets", "{\"name\": \"Cabinet permis\"}", "Authorization", writeBearer)
            .statusCode()).isEqualTo(201);

        var list = browser.get("/compte/jetons");
        assertThat(WebClient.text(list)).contains("Tableur du cabinet").contains("Lecture seule").contains("Jeton obtenu par l'API");
        var tokenId = jdbc.sql("select id from identity_api_token where user_id = ? and name = 'Tableur du cabinet'")
            .param(user.id()).query(UUID.class).single();
        // Somebody else cannot revoke it.
        var stranger = TestAccounts.create(context, "Dr Étrangère");
        var strangerBrowser = browser();
        strangerBrowser.signIn(stranger.email(), TestAccounts.PASSWORD);
        strangerBrowser.submit("/compte/jetons", "/compte/jetons/" + tokenId + "/revoquer");
        assertThat(api.get("/api/v1/cabinets", bearer).statusCode()).isEqualTo(200);

        var revoked = browser.submit("/compte/jetons", "/compte/jetons/" + tokenId + "/revoquer");
        assertThat(WebClient.location(revoked)).endsWith("/compte/jetons");
        var afterwards = api.get("/api/v1/cabinets", bearer);
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(afterwards.body()).contains("révoqué");
        assertThat(WebClient.text(browser.get("/compte/jetons"))).contains("Révoqué");

        // A client revokes the token it holds.
        assertThat(api.json("DELETE", "/api/v1/auth/token", null, "Authorization", writeBearer).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/cabinets", "Authorization", writeBearer).statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneOpensNothing() throws Exception {
        var user = TestAccounts.create(context, "Dr Fixation");
        var browser = browser();
        browser.get("/connexion");
        var before = browser.sessionId();
        assertThat(before).isNotNull();
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        var after = browser.sessionId();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/mentions").statusCode()).isEqualTo(200);
        var attacker = new WebClient(port);
        var planted = attacker.get("/mentions", "Cookie", "JSESSIONID=" + before);
        assertThat(planted.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(planted)).endsWith("/connexion");
    }

    @Test
    void formsRefuseAPostWithoutCsrfTokenEvenWhenSignedIn() throws Exception {
        var user = TestAccounts.create(context, "Dr Csrf Compte");
        var browser = browser();
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        var forged = browser.post("/compte/mot-de-passe", "current=" + WebClient.enc(TestAccounts.PASSWORD)
                + "&password=mot+de+passe+du+pirate&confirmation=mot+de+passe+du+pirate");
        assertThat(forged.statusCode()).isEqualTo(403);
        var forgedToken = browser.post("/compte/jetons", "name=pirate&scope=write&days=365");
        assertThat(forgedToken.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from identity_api_token where user_id = ?").param(user.id()).query(Integer.class)
            .single()).isZero();
        assertThat(WebClient.location(browser().signIn(user.email(), TestAccounts.PASSWORD))).endsWith("/");
    }

    @Test
    void securityHeadersAndSecureCookiesOverHttps() throws Exception {
        TestAccounts.create(context, "Dr Entêtes");
        var plain = browser().get("/connexion");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
            .contains("frame-ancestors 'none'").contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(plain.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(plain.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
            .contains("HttpOnly").contains("SameSite=Lax"));

        // Behind the HTTPS proxy: HSTS, and the session cookie is Secure.
        var secure = browser().get("/connexion", "X-Forwarded-Proto", "https");
        assertThat(secure.headers().firstValue("Strict-Transport-Security"))
            .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        assertThat(secure.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
            .contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
        var api = browser().get("/api/v1/mentions", "X-Forwarded-Proto", "https");
        assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

}
