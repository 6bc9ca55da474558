package fr.egide.identity.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.egide.identity.CabinetRole;
import fr.egide.identity.EgideUser;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * Invitations received by a real SMTP server (GreenMail): the link works once, expires, and only its hash is
 * stored; leaving and removal (the last titulaire stays); an organisation's view of a cabinet follows the cabinet's
 * consent, withdrawn and kept in the history.
 */
@SpringBootTest(properties = "egide.identity.invitations.base-url=https://egide.example.org")
class TenancyIntegrationTests {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    static final Pattern LINK = Pattern.compile("https://egide\\.example\\.org/invitation/([A-Za-z0-9_-]+)");

    @Autowired
    ApplicationContext context;

    @Autowired
    WebApplicationContext web;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PracticeManagement practice;

    MockMvc mvc;

    EgideUser titulaire;

    String token;

    UUID cabinet;

    @BeforeEach
    void cabinet() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        titulaire = TestAccounts.create(context, "Dr Invitante");
        TestAccounts.signIn(context, titulaire);
        try {
            cabinet = practice.createCabinet(new CabinetForm("Cabinet invitations " + UUID.randomUUID(), null, null, null)).id();
        }
        finally {
            TestAccounts.signOut();
        }
        token = TestAccounts.token(context, titulaire);
    }

    MockHttpServletResponse call(String bearer, String method, String path, String json) throws Exception {
        var request = MockMvcRequestBuilders.request(org.springframework.http.HttpMethod.valueOf(method), path);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            request.contentType("application/json").content(json);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    String mailedToken(String email) throws Exception {
        for (int i = 0; i < 100; i++) {
            var mails = new java.util.ArrayList<jakarta.mail.internet.MimeMessage>();
            for (var m : SMTP.getReceivedMessages()) {
                if (GreenMailUtil.getAddressList(m.getAllRecipients()).contains(email)) {
                    mails.add(m);
                }
            }
            if (!mails.isEmpty()) {
                assertThat(mails).hasSize(1);
                assertThat(mails.get(0).getSubject()).startsWith("Égide — invitation à rejoindre");
                var matcher = LINK.matcher(GreenMailUtil.getBody(mails.get(0)).replace("=\r\n", ""));
                assertThat(matcher.find()).as("lien d'invitation dans l'e-mail").isTrue();
                return matcher.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("aucun e-mail pour " + email);
    }

    @Test
    void anInvitationIsMailedWorksOnceAndIsStoredHashed() throws Exception {
        var email = "secretariat-" + UUID.randomUUID() + "@example.org";
        var invited = call(token, "POST", "/api/v1/cabinets/" + cabinet + "/invitations",
                "{\"email\": \"" + email + "\", \"role\": \"SECRETARIAT\"}");
        assertThat(invited.getStatus()).isEqualTo(201);
        var link = mailedToken(email);
        assertThat(jdbc.sql("select count(*) from identity_invitation i where i::text like ?").param("%" + link + "%").query(Long.class)
            .single()).as("le jeton n'est jamais stocké en clair").isZero();
        assertThat(jdbc.sql("select token_hash from identity_invitation where email = ?").param(email).query(String.class).single())
            .isEqualTo(ApiTokens.hash(link));

        var weak = call(null, "POST", "/api/v1/invitations/accept",
                "{\"token\": \"" + link + "\", \"displayName\": \"Mme Secrétaire\", \"password\": \"court\"}");
        assertThat(weak.getStatus()).isEqualTo(400);
        assertThat(weak.getContentAsString(StandardCharsets.UTF_8)).contains("au moins 12 caractères");

        var accepted = call(null, "POST", "/api/v1/invitations/accept",
                "{\"token\": \"" + link + "\", \"displayName\": \"Mme Secrétaire\", \"password\": \"une phrase de passe solide\"}");
        assertThat(accepted.getStatus()).isEqualTo(200);
        var user = context.getBean(Users.class).loadUserByUsername(email).user();
        assertThat(context.getBean(Memberships.class).roleOf(user.id(), cabinet)).contains(CabinetRole.SECRETARIAT);

        var again = call(null, "POST", "/api/v1/invitations/accept",
                "{\"token\": \"" + link + "\", \"displayName\": \"Quelqu'un\", \"password\": \"une autre phrase solide\"}");
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(again.getContentAsString(StandardCharsets.UTF_8)).contains("déjà été acceptée");

        // The secretariat may not invite, and sees 403 in French; a stranger sees 404.
        var secretary = TestAccounts.token(context, user);
        var refused = call(secretary, "POST", "/api/v1/cabinets/" + cabinet + "/invitations",
                "{\"email\": \"autre@example.org\", \"role\": \"TITULAIRE\"}");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("Secrétariat").contains("gérer le cabinet");
        var stranger = TestAccounts.token(context, TestAccounts.create(context, "Inconnu"));
        assertThat(call(stranger, "GET", "/api/v1/cabinets/" + cabinet + "/members", null).getStatus()).isEqualTo(404);
    }

    @Test
    void anExpiredInvitationIsRefused() throws Exception {
        var email = "tard-" + UUID.randomUUID() + "@example.org";
        assertThat(call(token, "POST", "/api/v1/cabinets/" + cabinet + "/invitations",
                "{\"email\": \"" + email + "\", \"role\": \"RELECTEUR\"}").getStatus()).isEqualTo(201);
        var link = mailedToken(email);
        jdbc.sql("update identity_invitation set expires_at = now() - interval '1 minute' where email = ?").param(email).update();
        var late = call(null, "POST", "/api/v1/invitations/accept",
                "{\"token\": \"" + link + "\", \"displayName\": \"Dr Tard\", \"password\": \"une phrase de passe solide\"}");
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("a expiré");
        assertThat(context.getBean(Users.class).emailTaken(email)).isFalse();
    }

    @Test
    void theLastTitulaireCannotLeaveAndOthersLeaveOrAreRemoved() throws Exception {
        var refused = call(token, "POST", "/api/v1/cabinets/" + cabinet + "/leave", null);
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("dernier titulaire");
        var reader = TestAccounts.create(context, "Dr Relecteur");
        TestAccounts.grant(context, reader, cabinet, CabinetRole.RELECTEUR);
        assertThat(call(TestAccounts.token(context, reader), "POST", "/api/v1/cabinets/" + cabinet + "/leave", null).getStatus())
            .isEqualTo(204);
        assertThat(context.getBean(Memberships.class).roleOf(reader.id(), cabinet)).isEmpty();
        var secretary = TestAccounts.create(context, "Secrétariat retiré");
        TestAccounts.grant(context, secretary, cabinet, CabinetRole.SECRETARIAT);
        assertThat(call(token, "DELETE", "/api/v1/cabinets/" + cabinet + "/members/" + secretary.id(), null).getStatus()).isEqualTo(204);
        assertThat(call(token, "DELETE", "/api/v1/cabinets/" + cabinet + "/members/" + titulaire.id(), null).getStatus()).isEqualTo(409);
        assertThat(jdbc.sql("select reason from identity_membership_end where cabinet_id = ? order by ended_at").param(cabinet)
            .query(String.class).list()).containsExactly("DEPART", "RETRAIT");
    }

    @Test
    void anOrganisationSeesACabinetOnlyWhileItConsents() throws Exception {
        var admin = TestAccounts.create(context, "Administratrice réseau");
        var organisation = TestAccounts.organisation(context, "Union régionale", admin);
        var adminToken = TestAccounts.token(context, admin);
        assertThat(call(adminToken, "GET", "/api/v1/cabinets/" + cabinet + "/members", null).getStatus()).isEqualTo(404);

        var granted = call(token, "PUT", "/api/v1/cabinets/" + cabinet + "/organisation-consent",
                "{\"organisationId\": \"" + organisation + "\"}");
        assertThat(granted.getStatus()).isEqualTo(200);
        assertThat(call(adminToken, "GET", "/api/v1/organisations/" + organisation, null).getContentAsString(StandardCharsets.UTF_8))
            .contains(cabinet.toString());
        assertThat(call(adminToken, "GET", "/api/v1/cabinets/" + cabinet + "/members", null).getStatus()).isEqualTo(200);
        // Consent gives the organisation the cabinet, never its contents.
        assertThat(call(adminToken, "GET", "/api/v1/cabinets/" + cabinet + "/dossiers", null).getStatus()).isEqualTo(404);

        assertThat(call(token, "DELETE", "/api/v1/cabinets/" + cabinet + "/organisation-consent", null).getStatus()).isEqualTo(200);
        assertThat(call(adminToken, "GET", "/api/v1/organisations/" + organisation, null).getContentAsString(StandardCharsets.UTF_8))
            .doesNotContain(cabinet.toString());
        assertThat(call(adminToken, "GET", "/api/v1/cabinets/" + cabinet + "/members", null).getStatus()).isEqualTo(404);
        var history = call(token, "GET", "/api/v1/cabinets/" + cabinet + "/organisation-consent", null).getContentAsString(StandardCharsets.UTF_8);
        assertThat(history).contains("\"grantedAt\"").contains("\"withdrawnAt\":\"").contains("Dr Invitante");

        var other = TestAccounts.organisation(context, "Autre courtier", admin);
        var elsewhere = call(token, "PUT", "/api/v1/cabinets/" + cabinet + "/organisation-consent", "{\"organisationId\": \"" + other + "\"}");
        assertThat(elsewhere.getStatus()).as("un cabinet n'appartient qu'à une organisation").isEqualTo(409);
    }


    @Test
    void anOrganisationCanDemandTwoFactorOfItsAdministratorsAndItsConsentingCabinetsMembers() throws Exception {
        var admin = TestAccounts.create(context, "Administratrice exigeante");
        var organisation = TestAccounts.organisation(context, "Courtier prudent " + UUID.randomUUID(), admin);
        var adminToken = TestAccounts.token(context, admin);
        var requirement = context.getBean(OrganisationTwoFactor.class);
        assertThat(call(token, "PUT", "/api/v1/cabinets/" + cabinet + "/organisation-consent",
                "{\"organisationId\": \"" + organisation + "\"}").getStatus()).isEqualTo(200);
        assertThat(requirement.requiredFor(titulaire.id())).isFalse();

        // Only the organisation's administrators decide; a cabinet's titulaire does not even see it.
        assertThat(call(token, "PUT", "/api/v1/organisations/" + organisation + "/two-factor", "{\"required\": true}").getStatus()).isEqualTo(404);
        var set = call(adminToken, "PUT", "/api/v1/organisations/" + organisation + "/two-factor", "{\"required\": true}");
        assertThat(set.getStatus()).isEqualTo(200);
        assertThat(set.getContentAsString(StandardCharsets.UTF_8)).contains("\"required\":true");
        assertThat(requirement.requiredFor(admin.id())).isTrue();
        assertThat(requirement.requiredFor(titulaire.id())).isTrue();

        // A withdrawn consent lifts the demand for the cabinet's members.
        assertThat(call(token, "DELETE", "/api/v1/cabinets/" + cabinet + "/organisation-consent", null).getStatus()).isEqualTo(200);
        assertThat(requirement.requiredFor(titulaire.id())).isFalse();
        assertThat(requirement.requiredFor(admin.id())).isTrue();

        // Both changes of consent are in the cabinet's audit chain.
        assertThat(context.getBean(fr.egide.audit.AuditLog.class).chain(cabinet.toString()))
            .filteredOn(e -> e.action() == fr.egide.audit.AuditAction.CHANGEMENT_ROLE)
            .extracting(e -> e.details().get("changement"))
            .contains("CONSENTEMENT_ACCORDE", "CONSENTEMENT_RETIRE");
    }

}
