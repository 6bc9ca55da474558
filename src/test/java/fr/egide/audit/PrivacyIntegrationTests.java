package fr.egide.audit;

import fr.egide.analysis.MentionAnalyses;
import fr.egide.audit.internal.RetentionJob;
import fr.egide.cases.DossierOutcome;
import fr.egide.cases.Dossiers;
import fr.egide.identity.CabinetAccess;
import fr.egide.identity.CabinetRole;
import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import fr.egide.replies.Replies;
import fr.egide.system.ConflictException;
import fr.egide.system.ForbiddenException;
import fr.egide.system.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log fed by the modules (dossier viewed, exported, settings changed), the journal page and API for the
 * titulaire only, and the GDPR: export contents, deletion refused without the typed name and, while a procedure
 * is ongoing, without the warning acknowledged, then carried out in every module with a tombstone; the retention
 * job erasing only what is past the cabinet's periods.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PrivacyIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    Mentions mentions;

    @Autowired
    MentionAnalyses analyses;

    @Autowired
    Dossiers dossiers;

    @Autowired
    Replies replies;

    @Autowired
    AuditLog audit;

    @Autowired
    CabinetPrivacy privacy;

    @Autowired
    RetentionJob retentionJob;

    @Autowired
    CabinetAccess access;

    @Autowired
    JdbcClient jdbc;

    EgideUser user;

    UUID cabinet;

    String name;

    String token;

    @BeforeEach
    void cabinet() {
        user = TestAccounts.create(context, "Dr Registre");
        TestAccounts.signIn(context, user);
        name = "Cabinet RGPD " + UUID.randomUUID();
        cabinet = practice.createCabinet(new CabinetForm(name, "3 place Bellecour", "69002", "Lyon")).id();
        token = TestAccounts.token(context, user);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    UUID mention(String text) throws InterruptedException {
        mentions.addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(), "Jean D.", 1, text,
                "2026-11-02"));
        var id = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and text = ?").params(cabinet, text).query(UUID.class).single();
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                analyses.ofMention(id);
                return id;
            }
            catch (fr.egide.system.NotFoundException notYet) {
                assertThat(System.nanoTime()).as("analyse jamais faite").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    HttpResponse<byte[]> api(String method, String path, String json, String bearer) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    List<AuditAction> actions() {
        return audit.chain(cabinet.toString()).stream().map(AuditEntry::action).toList();
    }

    @Test
    void modulesRecordViewsExportsAndSettingsAndOnlyTheTitulaireReadsTheJournal() throws Exception {
        var mention = mention("Le Dr Registre est un escroc, il vole ses patients.");
        var dossier = dossiers.open(cabinet, List.of(mention), null, null);
        assertThat(api("GET", "/api/v1/dossiers/" + dossier.id(), null, token).statusCode()).isEqualTo(200);
        assertThat(api("GET", "/api/v1/dossiers/" + dossier.id() + "/export", null, token).statusCode()).isEqualTo(200);
        practice.updateCabinet(cabinet, new CabinetForm(name, "4 place Bellecour", "69002", "Lyon"));
        replies.changeSettings(cabinet, 24, true);

        assertThat(actions()).contains(AuditAction.CONSULTATION_DOSSIER, AuditAction.EXPORT, AuditAction.PARAMETRES_MODIFIES);
        var view = audit.chain(cabinet.toString()).stream().filter(e -> e.action() == AuditAction.CONSULTATION_DOSSIER).findFirst().orElseThrow();
        assertThat(view.actorId()).isEqualTo(user.id());
        assertThat(view.objectId()).isEqualTo(dossier.id().toString());
        assertThat(audit.verify(cabinet).intact()).isTrue();

        var page = api("GET", "/api/v1/cabinets/" + cabinet + "/audit?action=PARAMETRES_MODIFIES", null, token);
        assertThat(page.statusCode()).isEqualTo(200);
        var body = JSON.readTree(page.body());
        assertThat(body.get("totalItems").asLong()).isEqualTo(2);
        assertThat(body.get("items").get(0).get("action").asString()).isEqualTo("PARAMETRES_MODIFIES");
        assertThat(JSON.readTree(api("GET", "/api/v1/cabinets/" + cabinet + "/audit/verification", null, token).body()).get("intact").asBoolean())
            .isTrue();

        // A secretary of the cabinet does not see the journal; a stranger does not even see the cabinet.
        var secretary = TestAccounts.create(context, "Secrétaire");
        access.grant(secretary.id(), cabinet, CabinetRole.SECRETARIAT);
        assertThat(api("GET", "/api/v1/cabinets/" + cabinet + "/audit", null, TestAccounts.token(context, secretary)).statusCode()).isEqualTo(403);
        var stranger = TestAccounts.create(context, "Inconnu");
        assertThat(api("GET", "/api/v1/cabinets/" + cabinet + "/audit", null, TestAccounts.token(context, stranger)).statusCode()).isEqualTo(404);
    }

    @Test
    void theJournalPageFiltersByAction() throws Exception {
        practice.updateCabinet(cabinet, new CabinetForm(name, "5 place Bellecour", "69002", "Lyon"));
        var html = pageAsUser("/journal?cabinet=" + cabinet + "&action=PARAMETRES_MODIFIES");
        var document = Jsoup.parse(html);
        assertThat(document.select("h1").text()).isEqualTo("Journal d'audit");
        assertThat(document.select("tbody tr")).hasSize(1);
        assertThat(document.select("tbody tr").text()).contains("Réglage modifié", "Dr Registre");
        assertThat(document.text()).contains("Chaîne vérifiée");
    }

    @Test
    void theExportHoldsEveryModulesDataWithAManifest() throws Exception {
        var mention = mention("Ce médecin est un charlatan, fuyez.");
        dossiers.open(cabinet, List.of(mention), null, null);
        var response = api("GET", "/api/v1/cabinets/" + cabinet + "/gdpr/export", null, token);
        assertThat(response.statusCode()).isEqualTo(200);
        var files = new HashMap<String, String>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(files).containsKeys("manifest.json", "practice/practice_cabinet.json", "monitoring/monitoring_mention.json",
                "analysis/analysis_mention.json", "cases/cases_dossier.json", "cases/cases_timeline.json", "evidence/manifestes.json",
                "replies/replies_setting.json", "alerts/alerts_alert.json", "audit/audit_entry.json");
        assertThat(files.get("practice/practice_cabinet.json")).contains(name);
        assertThat(files.get("monitoring/monitoring_mention.json")).contains("charlatan");
        assertThat(JSON.readTree(files.get("cases/cases_dossier.json"))).hasSize(1);
        // The analysis, stored as text, is exported as the JSON object it is.
        var analysis = JSON.readTree(files.get("analysis/analysis_mention.json")).get(0).get("result");
        assertThat(analysis.get("qualification").asString()).isNotBlank();
        // Its fixed sentences, kept once in the phrase book, are written out in the export.
        assertThat(files.get("analysis/analysis_mention.json")).doesNotContain("\uE000").doesNotContain("\\ue000");
        assertThat(analysis.get("strategy").get("rationale").asString()).isNotBlank();
        assertThat(analysis.get("impact").get("factors").get(0).get("explanation").asString()).endsWith(".");
        var manifest = JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.get("fichiers").has("cases/cases_dossier.json")).isTrue();
        assertThat(manifest.get("fichiers").get("cases/cases_dossier.json").asString()).hasSize(64);
        assertThat(actions()).contains(AuditAction.EXPORT_RGPD);
    }

    @Test
    void deletionIsRefusedWithoutTheNameAndWithoutTheWarningAcknowledgedThenDoneInEveryModule() throws Exception {
        var mention = mention("Le Dr X est un escroc.");
        var dossier = dossiers.open(cabinet, List.of(mention), null, null);
        dossiers.recordEvent(dossier.id(), "DECISION_PLATEFORME", java.time.LocalDate.now(), null);

        // The page warns in French about the open dossier.
        var html = Jsoup.parse(pageAsUser("/rgpd?cabinet=" + cabinet));
        assertThat(html.select("#avertissement-procedure").text()).contains("procédure en cours", dossier.reference(), "encore ouvert", "délai légal");

        assertThatThrownBy(() -> privacy.delete(cabinet, null, true)).isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("tapez exactement le nom du cabinet").hasMessageContaining(name);
        assertThatThrownBy(() -> privacy.delete(cabinet, "Cabinet RGPD", true)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> privacy.delete(cabinet, name, false)).isInstanceOf(ConflictException.class)
            .hasMessageContaining("procédure en cours").hasMessageContaining(dossier.reference());
        var refused = api("POST", "/api/v1/cabinets/" + cabinet + "/gdpr/deletion", "{\"confirmation\": \"" + name + "\"}", token);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("procédure en cours");
        assertThat(count("practice_cabinet", "id")).isEqualTo(1);

        var secretary = TestAccounts.create(context, "Secrétaire pressée");
        access.grant(secretary.id(), cabinet, CabinetRole.SECRETARIAT);
        TestAccounts.signIn(context, secretary);
        assertThatThrownBy(() -> privacy.delete(cabinet, name, true)).isInstanceOf(ForbiddenException.class);
        TestAccounts.signIn(context, user);

        var accepted = api("POST", "/api/v1/cabinets/" + cabinet + "/gdpr/deletion",
                "{\"confirmation\": \"" + name + "\", \"acknowledgeWarnings\": true}", token);
        assertThat(accepted.statusCode()).isEqualTo(202);
        awaitZero("practice_cabinet", "id");
        awaitZero("cases_dossier", "cabinet_id");
        awaitZero("monitoring_mention", "cabinet_id");
        awaitZero("analysis_mention", "cabinet_id");
        assertThat(jdbc.sql("select count(*) from cases_timeline where dossier_id = ?").param(dossier.id()).query(Long.class).single()).isZero();
        // The journal keeps the cabinet's chain, closed by a tombstone, still intact.
        var chain = audit.chain(cabinet.toString());
        assertThat(chain.get(chain.size() - 1).action()).isEqualTo(AuditAction.SUPPRESSION_CABINET);
        assertThat(chain.get(chain.size() - 1).details()).containsEntry("nom", name).containsEntry("avertissements", "2");
        assertThat(audit.verify(cabinet).intact()).isTrue();
    }

    @Test
    void theRetentionJobErasesOnlyWhatIsPastTheCabinetsPeriods() throws Exception {
        var oldMention = mention("Avis ancien : ce cabinet est nul.");
        var recentMention = mention("Avis récent : ce cabinet est nul.");
        jdbc.sql("update monitoring_mention set raw = '{\"source\": \"brut\"}'::jsonb where cabinet_id = ?").param(cabinet).update();
        jdbc.sql("update monitoring_mention set last_seen = now() - interval '14 months' where id = ?").param(oldMention).update();
        var oldDossier = dossiers.open(cabinet, List.of(oldMention), null, null);
        var recentDossier = dossiers.open(cabinet, List.of(recentMention), null, null);
        var openDossier = dossiers.open(cabinet, List.of(recentMention), null, "Toujours en cours");
        dossiers.close(oldDossier.id(), DossierOutcome.CLASSE_SANS_SUITE, null);
        dossiers.close(recentDossier.id(), DossierOutcome.CLASSE_SANS_SUITE, null);
        jdbc.sql("update cases_dossier set closed_at = now() - interval '40 months' where id = ?").param(oldDossier.id()).update();

        assertThatThrownBy(() -> privacy.changeRetention(cabinet, 0, 36)).hasMessageContaining("de 1 à 240 mois");
        privacy.changeRetention(cabinet, 12, 36);
        TestAccounts.signOut();
        assertThat(retentionJob.applyAll(Instant.now())).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select count(*) from cases_dossier where id = ?").param(oldDossier.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from cases_timeline where dossier_id = ?").param(oldDossier.id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from cases_dossier where id in (?, ?)").params(recentDossier.id(), openDossier.id())
            .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select raw is null from monitoring_mention where id = ?").param(oldMention).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select raw is null from monitoring_mention where id = ?").param(recentMention).query(Boolean.class).single()).isFalse();
        var purge = audit.chain(cabinet.toString()).stream().filter(e -> e.action() == AuditAction.PURGE_CONSERVATION).findFirst().orElseThrow();
        assertThat(purge.actorId()).isNull();
        assertThat(purge.details().get("supprime")).contains("1 dossier(s) clos", "1 donnée(s) brute(s)");
        // The job is registered with db-scheduler, every night.
        assertThat(context.getBeansOfType(com.github.kagkarlsson.scheduler.task.helper.RecurringTask.class).values())
            .anyMatch(task -> task.getName().equals("rgpd-conservation"));
        // Nothing more is past: a second run erases nothing and records nothing.
        retentionJob.applyAll(Instant.now());
        assertThat(audit.chain(cabinet.toString()).stream().filter(e -> e.action() == AuditAction.PURGE_CONSERVATION)).hasSize(1);
    }

    @Test
    void theRecordsOfProcessingShowTheConfiguredRetentionAndRecipients() throws Exception {
        privacy.changeRetention(cabinet, 6, null);
        fr.egide.alerts.Alerts alerts = context.getBean(fr.egide.alerts.Alerts.class);
        alerts.setWebhook(cabinet, "https://hooks.example.org/egide", "secret-du-webhook-0123456789");
        var html = Jsoup.parse(pageAsUser("/rgpd/registre?cabinet=" + cabinet));
        assertThat(html.select("h1").text()).contains("Registre des traitements");
        assertThat(html.text()).contains("6 mois après la dernière lecture", "webhook hooks.example.org", "aucun serveur SMTP configuré",
                "Journal d'audit et sécurité");
    }

    long count(String table, String column) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(cabinet).query(Long.class).single();
    }

    void awaitZero(String table, String column) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (count(table, column) > 0) {
            assertThat(System.nanoTime()).as(table + " jamais vidée").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** A page as the signed-in user sees it, through the sign-in form. */
    String pageAsUser(String path) throws Exception {
        var client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        var signIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion")).build(),
                HttpResponse.BodyHandlers.ofString());
        var csrf = Jsoup.parse(signIn.body()).select("input[name=_csrf]").attr("value");
        client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/connexion"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&email=" + enc(user.email()) + "&motDePasse="
                    + enc(TestAccounts.PASSWORD)))
            .build(), HttpResponse.BodyHandlers.ofString());
        var page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
