package fr.egide.cases;

import fr.egide.Browser;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dossiers through the API and the pages: every invalid step refused with its reason, the deadlines of the
 * mentions (and why one cannot be computed), uploads checked, the timeline insert-only, the export ZIP, the
 * reminders, and a dossier marked prescribed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossiersIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The smallest valid PNG: a 1×1 transparent pixel. */
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            + "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082");

    static final String DEFAMATORY = "Le Dr Martin est un incompétent et un escroc, il a falsifié mon dossier pour toucher plus de "
            + "la sécurité sociale.";

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
    DossierMaintenance maintenance;

    @Autowired
    JdbcClient jdbc;

    EgideUser user;

    UUID cabinet;

    String token;

    @BeforeEach
    void cabinet() {
        user = TestAccounts.create(context, "Dr Dossier");
        TestAccounts.signIn(context, user);
        cabinet = practice.createCabinet(new CabinetForm("Cabinet dossiers " + UUID.randomUUID(), "12 rue Paul Bert", "69003", "Lyon")).id();
        practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Claire", "Martin", Profession.MEDECIN, null, null,
                List.of(), List.of(), null, null, false));
        token = TestAccounts.token(context, user);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    UUID mention(String text, String date) throws InterruptedException {
        var report = mentions.addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(),
                "Jean D.", 1, text, date));
        var id = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and text = ? order by created_at desc limit 1")
            .params(cabinet, text).query(UUID.class).single();
        assertThat(report).isNotNull();
        awaitAnalysis(analyses, id);
        return id;
    }

    /** Waits (30 s at most) until the mention's analysis, done in the background after it is stored, is there. */
    static void awaitAnalysis(MentionAnalyses analyses, UUID id) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                analyses.ofMention(id);
                return;
            }
            catch (fr.egide.system.NotFoundException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("analyse jamais faite");
                }
                Thread.sleep(100);
            }
        }
    }

    HttpResponse<String> api(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void everyInvalidStepIsRefusedThroughTheApiWithItsReason() throws Exception {
        var mention = mention(DEFAMATORY, "2026-11-10");
        var opened = api("POST", "/api/v1/cabinets/" + cabinet + "/dossiers", "{\"mentionIds\": [\"" + mention + "\"]}");
        assertThat(opened.statusCode()).isEqualTo(201);
        var id = body(opened).path("id").asString();
        assertThat(body(opened).path("stage").asString()).isEqualTo("OUVERT");
        assertThat(body(opened).path("reference").asString()).matches("D-\\d{4}-0001");
        assertThat(body(opened).path("recommendedStrategy").asString()).isEqualTo("OFFENSIVE");

        var skip = api("POST", "/api/v1/dossiers/" + id + "/stage", "{\"stage\": \"QUALIFIE\"}");
        assertThat(skip.statusCode()).isEqualTo(409);
        assertThat(skip.body()).contains("On ne saute pas d'étape");
        var noEvidence = api("POST", "/api/v1/dossiers/" + id + "/stage", "{\"stage\": \"PREUVES\"}");
        assertThat(noEvidence.statusCode()).isEqualTo(409);
        assertThat(noEvidence.body()).contains("Joignez d'abord une preuve");
        var qualifyTooEarly = api("PUT", "/api/v1/dossiers/" + id + "/qualification", "{\"qualification\": \"DIFFAMATION\"}");
        assertThat(qualifyTooEarly.statusCode()).isEqualTo(409);
        assertThat(qualifyTooEarly.body()).contains("Conservez d'abord une preuve");
        var strategyTooEarly = api("PUT", "/api/v1/dossiers/" + id + "/strategy", "{\"strategy\": \"OFFENSIVE\"}");
        assertThat(strategyTooEarly.statusCode()).isEqualTo(409);
        assertThat(strategyTooEarly.body()).contains("Pas de stratégie sans qualification");
        var unknownStage = api("POST", "/api/v1/dossiers/" + id + "/stage", "{\"stage\": \"JUGE\"}");
        assertThat(unknownStage.statusCode()).isEqualTo(400);

        dossiers.addScreenshot(UUID.fromString(id), "capture.png", "image/png", PNG);
        assertThat(dossiers.get(UUID.fromString(id)).stage()).isEqualTo(DossierStage.PREUVES);
        var again = api("POST", "/api/v1/dossiers/" + id + "/stage", "{\"stage\": \"PREUVES\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("déjà à l'étape");
        var beforeQualification = api("POST", "/api/v1/dossiers/" + id + "/stage", "{\"stage\": \"QUALIFIE\"}");
        assertThat(beforeQualification.body()).contains("Choisissez d'abord une qualification");

        var qualified = api("PUT", "/api/v1/dossiers/" + id + "/qualification", "{\"qualification\": \"DIFFAMATION\", \"reason\": \"fait précis\"}");
        assertThat(body(qualified).path("stage").asString()).isEqualTo("QUALIFIE");
        var otherWithoutReason = api("PUT", "/api/v1/dossiers/" + id + "/strategy", "{\"strategy\": \"NEUTRE\"}");
        assertThat(otherWithoutReason.statusCode()).isEqualTo(400);
        assertThat(otherWithoutReason.body()).contains("indiquez pourquoi");
        var chosen = api("PUT", "/api/v1/dossiers/" + id + "/strategy", "{\"strategy\": \"OFFENSIVE\"}");
        assertThat(body(chosen).path("stage").asString()).isEqualTo("STRATEGIE");
        var noLetter = api("POST", "/api/v1/dossiers/" + id + "/stage", "{\"stage\": \"ACTIONS\"}");
        assertThat(noLetter.statusCode()).isEqualTo(409);
        assertThat(noLetter.body()).contains("Générez d'abord un courrier");
        var toClosedByStage = api("POST", "/api/v1/dossiers/" + id + "/stage", "{\"stage\": \"CLOS\"}");
        assertThat(toClosedByStage.statusCode()).isEqualTo(400);
        assertThat(toClosedByStage.body()).contains("indiquez son issue");
        var noOutcome = api("POST", "/api/v1/dossiers/" + id + "/close", "{}");
        assertThat(noOutcome.statusCode()).isEqualTo(400);

        var closed = api("POST", "/api/v1/dossiers/" + id + "/close", "{\"outcome\": \"CONTENU_RETIRE\", \"comment\": \"retiré par Google\"}");
        assertThat(body(closed).path("stage").asString()).isEqualTo("CLOS");
        var afterClose = api("PUT", "/api/v1/dossiers/" + id + "/qualification", "{\"qualification\": \"INJURE\"}");
        assertThat(afterClose.statusCode()).isEqualTo(409);
        assertThat(afterClose.body()).contains("Ce dossier est clos");
        assertThat(api("POST", "/api/v1/dossiers/" + id + "/stage", "{\"stage\": \"ACTIONS\"}").body()).contains("Ce dossier est clos");

        var timeline = body(api("GET", "/api/v1/dossiers/" + id, null)).path("timeline");
        assertThat(timeline.size()).isGreaterThanOrEqualTo(7);
        assertThat(timeline.toString()).contains("OUVERTURE", "PREUVE", "QUALIFICATION", "STRATEGIE", "CLOTURE", "Dr Dossier");

        // Another cabinet's user sees nothing: 404, not 403.
        var stranger = TestAccounts.token(context, TestAccounts.create(context, "Autre praticien"));
        var foreign = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers/" + id))
            .header("Authorization", "Bearer " + stranger).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void theDossierPageRefusesAnInvalidStepWithItsReason() throws Exception {
        var mention = mention(DEFAMATORY, "2026-11-10");
        var browser = new Browser(port);
        browser.signIn(user);
        var mentionPage = browser.get("/dossiers/mentions/" + mention + "?cabinet=" + cabinet + "&qualification=ILLICITE_PROBABLE");
        assertThat(Browser.text(mentionPage)).contains("Ouvrir un dossier", "probablement illicite");
        var opened = browser.post("/dossiers/mentions/" + mention, false, "cabinetId", cabinet.toString());
        assertThat(opened.uri().getPath()).startsWith("/dossiers/");
        var id = opened.uri().getPath().substring("/dossiers/".length());
        var skipped = browser.post("/dossiers/" + id + "/etape", false, "stage", "STRATEGIE");
        assertThat(Browser.text(skipped)).contains("On ne saute pas d'étape");
        var qualifyEarly = browser.post("/dossiers/" + id + "/qualification", false, "qualification", "DIFFAMATION");
        assertThat(Browser.text(qualifyEarly)).contains("Conservez d'abord une preuve");
        assertThat(dossiers.get(UUID.fromString(id)).qualification()).isNull();
        var page = Jsoup.parse(browser.get("/dossiers/" + id).body());
        assertThat(page.select("[aria-current=step]").text()).contains("Ouvert");
        assertThat(page.select("select#qualification option[selected]").text()).isEqualTo("Diffamation publique");
        assertThat(page.text()).contains("falsifié mon dossier", "Seul un juge qualifie", "voies exclusives");
    }

    @Test
    void deadlinesComeFromEachMentionsPublicationAndAMissingDateIsExplained() throws Exception {
        var dated = mention(DEFAMATORY, "2026-11-10");
        var undated = mention("Le Dr Martin est un escroc qui a falsifié les ordonnances de mon fils.", null);
        var dossier = dossiers.open(cabinet, List.of(dated, undated), null, "Deux avis");

        var byMention = new HashMap<UUID, List<Dossier.DeadlineItem>>();
        dossier.deadlines().forEach(d -> byMention.computeIfAbsent(d.mentionId(), k -> new java.util.ArrayList<>()).add(d));
        assertThat(byMention.get(dated)).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("PRESCRIPTION_PENALE");
            assertThat(d.date()).isEqualTo(LocalDate.of(2027, 2, 9));
            assertThat(d.basis()).contains("art. 65");
            assertThat(d.approximate()).isFalse();
        });
        assertThat(byMention.get(undated)).allSatisfy(d -> {
            assertThat(d.date()).isNull();
            assertThat(d.missing()).contains("Date de première publication inconnue", "non de la découverte");
        });

        dossiers.addScreenshot(dossier.id(), "avis.png", "image/png", PNG);
        var civil = dossiers.qualify(dossier.id(), DossierQualification.DENIGREMENT, "critique des services");
        assertThat(civil.deadlines().stream().filter(d -> dated.equals(d.mentionId())).map(Dossier.DeadlineItem::kind))
            .containsExactlyInAnyOrder("ACTION_CIVILE", "DROIT_DE_REPONSE");
        assertThat(civil.deadlines()).anySatisfy(d -> assertThat(d.date()).isEqualTo(LocalDate.of(2031, 11, 9)));

        // Reminders J-30, J-14, J-7 and J-2 of the droit de réponse deadline (9 February 2027).
        var reminders = api("GET", "/api/v1/cabinets/" + cabinet + "/deadline-reminders?from=2027-01-01&to=2027-02-28", null);
        assertThat(reminders.statusCode()).isEqualTo(200);
        assertThat(reminders.body()).contains("\"on\":\"2027-01-10\"", "\"on\":\"2027-01-26\"", "\"on\":\"2027-02-02\"", "\"on\":\"2027-02-07\"",
                "\"daysBefore\":30", "DROIT_DE_REPONSE");
        var badWindow = api("GET", "/api/v1/cabinets/" + cabinet + "/deadline-reminders?from=2027-03-01&to=2027-01-01", null);
        assertThat(badWindow.statusCode()).isEqualTo(400);
    }

    @Test
    void indicatorsAreAcceptedOrRejectedAndRejectedOnesOpenNoDeadline() throws Exception {
        var mention = mention(DEFAMATORY, "2026-11-10");
        var dossier = dossiers.open(cabinet, List.of(mention), null, null);
        assertThat(dossier.indicators()).extracting(Dossier.IndicatorItem::type).contains("DIFFAMATION", "INJURE");
        assertThat(dossier.indicators()).anySatisfy(i -> assertThat(i.words()).contains("falsifié mon dossier"));

        var decided = dossiers.decideIndicator(dossier.id(), mention, "DIFFAMATION", false);
        decided = dossiers.decideIndicator(dossier.id(), mention, "INJURE", true);

        assertThat(decided.indicators()).anySatisfy(i -> {
            assertThat(i.type()).isEqualTo("DIFFAMATION");
            assertThat(i.accepted()).isFalse();
        });
        assertThat(decided.deadlines()).allSatisfy(d -> assertThat(d.origin()).endsWith("INJURE"));
        assertThatThrownBy(() -> dossiers.decideIndicator(dossier.id(), mention, "MENACE", true)).hasMessageContaining("ne relève pas");
    }

    @Test
    void uploadsAreCheckedByTheirContentAndTheirNamesMadeSafe() throws Exception {
        var dossier = dossiers.open(cabinet, List.of(mention(DEFAMATORY, "2026-11-10")), null, null);
        assertThatThrownBy(() -> dossiers.addScreenshot(dossier.id(), "capture.png", "image/png",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
            .hasMessageContaining("Type de fichier refusé");
        assertThatThrownBy(() -> dossiers.addScreenshot(dossier.id(), "vide.png", "image/png", new byte[0])).hasMessageContaining("vide");
        var big = new byte[(int) Dossiers.MAX_UPLOAD + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThatThrownBy(() -> dossiers.addScreenshot(dossier.id(), "gros.png", "image/png", big)).hasMessageContaining("10 Mo au plus");
        assertThat(dossiers.get(dossier.id()).evidence()).isEmpty();

        var kept = dossiers.addScreenshot(dossier.id(), "../../etc/passwd", "text/plain", PNG);

        var evidence = kept.evidence().get(0);
        assertThat(evidence.fileName()).isEqualTo("passwd.png");
        assertThat(evidence.contentType()).isEqualTo("image/png");
        assertThat(evidence.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
    }

    @Test
    void theTimelineCannotBeRewrittenEvenByTheApplication() throws Exception {
        var dossier = dossiers.open(cabinet, List.of(mention(DEFAMATORY, "2026-11-10")), null, null);
        assertThatThrownBy(() -> jdbc.sql("update cases_timeline set detail = 'rien' where dossier_id = ?").param(dossier.id()).update())
            .rootCause().hasMessageContaining("ne se modifie pas");
        assertThatThrownBy(() -> jdbc.sql("delete from cases_timeline where dossier_id = ?").param(dossier.id()).update())
            .rootCause().hasMessageContaining("ne se modifie pas");
        assertThat(dossiers.get(dossier.id()).timeline()).isNotEmpty();
    }

    @Test
    void theExportHoldsTheDossierPdfTheEvidenceAndTheirDigests() throws Exception {
        var dossier = dossiers.open(cabinet, List.of(mention(DEFAMATORY, "2026-11-10")), null, null);
        dossiers.addScreenshot(dossier.id(), "avis google.png", "image/png", PNG);
        dossiers.qualify(dossier.id(), DossierQualification.DIFFAMATION, null);

        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers/"
                + dossier.id() + "/export")).header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains(dossier.reference());
        var files = new java.util.LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(files.keySet()).contains("dossier.pdf", "dossier.json", "delais.json", "SHA256SUMS.txt");
        assertThat(files.keySet()).anySatisfy(name -> assertThat(name).startsWith("preuves/captures-ecran/").endsWith("avis google.png"));
        try (var pdf = Loader.loadPDF(files.get("dossier.pdf"))) {
            var text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains(dossier.reference(), "Diffamation publique", "seul un juge qualifie", "Prescription de l'action pénale",
                    "2027-02-09", "falsifié mon dossier", "Chronologie", "SHA-256");
        }
        var sums = new String(files.get("SHA256SUMS.txt"), StandardCharsets.UTF_8);
        for (var file : files.entrySet()) {
            if (!file.getKey().equals("SHA256SUMS.txt")) {
                assertThat(sums).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.getValue())) + "  " + file.getKey());
            }
        }
        assertThat(dossiers.get(dossier.id()).timeline()).anySatisfy(t -> assertThat(t.kind()).isEqualTo("EXPORT"));
    }

    @Test
    void aDossierWhoseCriminalDeadlinePassedWithoutActionIsMarkedPrescribed() throws Exception {
        var old = mention(DEFAMATORY, "2025-01-10");
        var dossier = dossiers.open(cabinet, List.of(old), null, "Ancien avis");
        dossiers.decideIndicator(dossier.id(), old, "DIFFAMATION", true);
        var recent = dossiers.open(cabinet, List.of(mention(DEFAMATORY + " Encore.", "2026-11-20")), null, "Avis récent");
        dossiers.decideIndicator(recent.id(), recent.mentions().get(0).id(), "DIFFAMATION", true);

        TestAccounts.signOut();
        assertThat(maintenance.markPrescribed()).isGreaterThanOrEqualTo(1);
        TestAccounts.signIn(context, user);

        var prescribed = dossiers.get(dossier.id());
        assertThat(prescribed.prescribedAt()).isNotNull();
        assertThat(prescribed.timeline()).anySatisfy(t -> assertThat(t.detail()).contains("prescription pénale dépassé", "2025-04-09"));
        assertThat(dossiers.get(recent.id()).prescribedAt()).isNull();
        assertThat(dossiers.list(cabinet)).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(dossier.id());
            assertThat(s.prescribedAt()).isNotNull();
        });
        // Run again: marked once.
        TestAccounts.signOut();
        maintenance.markPrescribed();
        TestAccounts.signIn(context, user);
        assertThat(dossiers.get(dossier.id()).timeline().stream().filter(t -> t.kind().equals("PRESCRIPTION")).count()).isEqualTo(1);
    }

}
