package fr.egide.audit;

import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log in PostgreSQL: entries chained per cabinet, UPDATE, DELETE and TRUNCATE refused by the database
 * itself, and a chain check that names the entry someone changed or removed behind the triggers' back (as a
 * superuser would), and sign-ins and failed sign-ins recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditLogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    EgideUser user;

    UUID cabinet;

    @BeforeEach
    void user() {
        user = TestAccounts.create(context, "Dr Journal");
        TestAccounts.signIn(context, user);
        cabinet = UUID.randomUUID();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void chainsEntriesOfACabinetAndTheirActor() {
        var first = audit.record(cabinet, AuditAction.CONSULTATION_DOSSIER, "dossier", "D-1", Map.of("reference", "2026-001"));
        var second = audit.record(cabinet, AuditAction.EXPORT, "dossier", "D-1", Map.of());
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditLog.GENESIS);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.actorId()).isEqualTo(user.id());
        assertThat(audit.verify(cabinet).intact()).isTrue();
        assertThat(audit.verify(cabinet).entries()).isEqualTo(2);
        var page = audit.entries(cabinet, new AuditFilter(AuditAction.EXPORT, user.id(), null, null), 0, 20);
        assertThat(page.items()).extracting(AuditEntry::action).containsExactly(AuditAction.EXPORT);
        assertThat(page.totalItems()).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        var entry = audit.record(cabinet, AuditAction.PARAMETRES_MODIFIES, "cabinet", cabinet, Map.of("champ", "adresse"));
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set action = 'EXPORT' where id = ?").param(entry.id()).update())
            .isInstanceOf(DataAccessException.class)
            .hasStackTraceContaining("ne se modifie pas");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = ?").param(entry.id()).update())
            .isInstanceOf(DataAccessException.class)
            .hasStackTraceContaining("ne se modifie pas");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update()).isInstanceOf(DataAccessException.class)
            .hasStackTraceContaining("ne se modifie pas");
        assertThat(jdbc.sql("select action from audit_entry where id = ?").param(entry.id()).query(String.class).single())
            .isEqualTo("PARAMETRES_MODIFIES");
    }

    @Test
    void theChainCheckNamesAnEntryChangedBehindTheTriggers() throws Exception {
        audit.record(cabinet, AuditAction.CONSULTATION_PREUVE, "capture", "c1", Map.of());
        var victim = audit.record(cabinet, AuditAction.EXPORT, "capture", "c1", Map.of("fichier", "preuve.zip"));
        audit.record(cabinet, AuditAction.CONSULTATION_DOSSIER, "dossier", "d1", Map.of());
        asSuperuserWithoutTriggers("update audit_entry set details = '{\"fichier\": \"autre.zip\"}' where id = " + victim.id());
        var check = audit.verify(cabinet);
        assertThat(check.intact()).isFalse();
        assertThat(check.brokenSeq()).isEqualTo(2);
        assertThat(check.problem()).contains("modifiée");
    }

    @Test
    void theChainCheckNamesARemovedEntry() throws Exception {
        audit.record(cabinet, AuditAction.CONSULTATION_PREUVE, "capture", "c1", Map.of());
        var victim = audit.record(cabinet, AuditAction.EXPORT, "capture", "c1", Map.of());
        audit.record(cabinet, AuditAction.CONSULTATION_DOSSIER, "dossier", "d1", Map.of());
        asSuperuserWithoutTriggers("delete from audit_entry where id = " + victim.id());
        var check = audit.verify(cabinet);
        assertThat(check.brokenSeq()).isEqualTo(2);
        assertThat(check.problem()).contains("absente");
    }

    @Test
    void recordsRoleChangesInTheCabinetsChainWithWhoMadeThem() {
        var colleague = TestAccounts.create(context, "Secrétaire Journal");
        context.getBean(fr.egide.identity.internal.Memberships.class).grant(colleague.id(), cabinet, fr.egide.identity.CabinetRole.SECRETARIAT);
        context.getBean(fr.egide.identity.internal.Memberships.class).grant(colleague.id(), cabinet, fr.egide.identity.CabinetRole.SECRETARIAT);
        context.getBean(fr.egide.identity.internal.Memberships.class).grant(colleague.id(), cabinet, fr.egide.identity.CabinetRole.RELECTEUR);
        var changes = audit.chain(cabinet.toString()).stream().filter(e -> e.action() == AuditAction.CHANGEMENT_ROLE).toList();
        // Granting the same role again changes nothing, so it is not traced twice.
        assertThat(changes).hasSize(2);
        assertThat(changes).allSatisfy(entry -> {
            assertThat(entry.actorId()).isEqualTo(user.id());
            assertThat(entry.objectId()).isEqualTo(colleague.id().toString());
            assertThat(entry.details()).containsEntry("changement", "ROLE_ACCORDE");
        });
        assertThat(changes).extracting(e -> e.details().get("role")).containsExactly("SECRETARIAT", "RELECTEUR");
    }

    @Test
    void recordsSignInsAndFailedSignIns() throws Exception {
        TestAccounts.signOut();
        assertThat(signIn(user.email(), "pas le bon mot de passe").headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("erreur"));
        assertThat(signIn(user.email(), TestAccounts.PASSWORD).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).doesNotContain("erreur"));
        // The API's token request is a sign-in too.
        var token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"" + user.email() + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isLessThan(300);
        var global = audit.chain(AuditLog.GLOBAL_CHAIN);
        assertThat(global).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CONNEXION);
            assertThat(entry.actorId()).isEqualTo(user.id());
            assertThat(entry.details()).containsKey("adresse").containsEntry("methode", "FORMULAIRE");
        });
        assertThat(global).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.CONNEXION);
            assertThat(entry.actorId()).isEqualTo(user.id());
            assertThat(entry.details()).containsEntry("methode", "JETON_API");
        });
        assertThat(global).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.ECHEC_CONNEXION);
            assertThat(entry.details()).containsEntry("identifiant", user.email());
        });
        assertThat(audit.verify(null).intact()).isTrue();
    }

    /** The sign-in form as a browser posts it: the CSRF token of the page, then the e-mail and the password. */
    HttpResponse<String> signIn(String email, String password) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        var page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion")).build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = page.body().replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");
        var form = "_csrf=" + enc(csrf) + "&email=" + enc(email) + "&motDePasse=" + enc(password);
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What a superuser could do: disable the triggers for one session and rewrite the table. */
    void asSuperuserWithoutTriggers(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local session_replication_role = replica");
            statement.execute(sql);
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

}
