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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

/**
 * The letters of a dossier wired to the dossier: from a mention to an exported ZIP holding a platform notice and a
 * mise en demeure in under ten clicks through the pages; a notice refused without evidence and held until the
 * user confirms when the content is qualified lawful; the insurer letter refused without insurer details and its
 * deadline taken from the practitioner's contract; edits checked again for medical secrecy; the record of sending
 * opening the answer's deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DossierLettersIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String DEFAMATORY = DossiersIntegrationTests.DEFAMATORY;

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
    JdbcClient jdbc;

    EgideUser user;

    UUID cabinet;

    String token;

    @BeforeEach
    void cabinet() {
        user = TestAccounts.create(context, "Dr Laurent");
        TestAccounts.signIn(context, user);
        cabinet = practice.createCabinet(new CabinetForm("Cabinet courriers " + UUID.randomUUID(), "4 place Bellecour", "69002", "Lyon")).id();
        token = TestAccounts.token(context, user);
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    void practitioner(String insurer, String policy, Integer declarationDays) {
        practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Paul", "Laurent", Profession.MEDECIN, null, "10101010101",
                List.of(), List.of(), insurer, policy, insurer != null, declarationDays));
    }

    UUID mention(String text) throws InterruptedException {
        mentions.addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(), "Jean D.", 1, text,
                "2026-11-20"));
        var id = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and text = ? order by created_at desc limit 1")
            .params(cabinet, text).query(UUID.class).single();
        DossiersIntegrationTests.awaitAnalysis(analyses, id);
        return id;
    }

    HttpResponse<String> api(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode body(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /**
     * Submits a form of the page as a browser does: its fields with their current values (the selected option, the
     * checked boxes), the given ones changed. Returns the page the browser lands on.
     */
    static HttpResponse<String> submit(Browser browser, Document page, String action, Map<String, String> changed) throws Exception {
        var form = page.select("form").stream().filter(f -> f.attr("action").endsWith(action)).findFirst()
            .orElseThrow(() -> new AssertionError("pas de formulaire " + action + " sur la page"));
        var fields = new LinkedHashMap<String, String>();
        for (var input : form.select("input[name], select[name], textarea[name]")) {
            var name = input.attr("name");
            if (name.equals("_csrf") || input.attr("type").equals("file")) {
                continue;
            }
            if (input.attr("type").equals("checkbox") && !input.hasAttr("checked")) {
                continue;
            }
            var value = switch (input.tagName()) {
                case "select" -> {
                    var selected = input.selectFirst("option[selected]");
                    yield selected != null ? selected.val() : input.select("option").first().val();
                }
                case "textarea" -> input.text();
                default -> input.val();
            };
            fields.put(name, value);
        }
        fields.putAll(changed);
        var flat = new ArrayList<String>();
        fields.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        return browser.post(form.attr("action"), false, flat.toArray(String[]::new));
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void fromAMentionToAnExportedZipWithANoticeAndAMiseEnDemeureInUnderTenClicks() throws Exception {
        practitioner(null, null, null);
        var mention = mention(DEFAMATORY);
        var browser = new Browser(port);
        browser.signIn(user);
        int clicks = 0;

        // The mention's page loads the dossier panel, which proposes a dossier for content that may be illicite.
        var panel = Jsoup.parse(browser.get("/dossiers/mentions/" + mention + "?cabinet=" + cabinet + "&qualification=ILLICITE_PROBABLE").body());
        assertThat(panel.text()).contains("Ouvrir un dossier");
        var opened = submit(browser, panel, "/dossiers/mentions/" + mention, Map.of());
        clicks++; // « Ouvrir un dossier »
        var id = opened.uri().getPath().substring("/dossiers/".length());
        var dossierId = UUID.fromString(id);

        var page = Jsoup.parse(opened.body());
        assertThat(page.select("form[action$=/preuves/ecran] input[type=file]")).hasSize(1);
        var uploaded = browser.upload("/dossiers/" + id + "/preuves/ecran", "file", "capture-avis.png", "image/png", DossiersIntegrationTests.PNG);
        clicks += 2; // choose the file, « Joindre »
        assertThat(Browser.text(uploaded)).contains("SHA-256");

        var qualified = submit(browser, Jsoup.parse(uploaded.body()), "/qualification", Map.of());
        clicks++; // the analyser's suggestion is pre-selected: « Retenir cette qualification »
        assertThat(dossiers.get(dossierId).qualification()).isEqualTo(DossierQualification.DIFFAMATION);
        var strategy = submit(browser, Jsoup.parse(qualified.body()), "/strategie", Map.of());
        clicks++; // the recommended strategy is pre-selected: « Choisir cette stratégie »
        assertThat(dossiers.get(dossierId).strategy()).isNotNull();

        var letterForm = Jsoup.parse(strategy.body());
        assertThat(letterForm.select("select#letter-type option").first().val()).isEqualTo("SIGNALEMENT_PLATEFORME");
        var notice = submit(browser, letterForm, "/courriers", Map.of());
        clicks++; // « Rédiger le courrier »: the notice, to Google Ireland by default for a Google page
        assertThat(Browser.text(notice)).contains("Courrier rédigé", "Signalement");
        var med = submit(browser, Jsoup.parse(notice.body()), "/courriers", Map.of("type", "MISE_EN_DEMEURE_AUTEUR",
                "recipientName", "Monsieur Jean Dupré", "recipientAddress", "8 rue des Lilas\n69100 Villeurbanne"));
        clicks += 2; // pick « Mise en demeure de l'auteur », « Rédiger le courrier » (typing the address is no click)
        assertThat(Browser.text(med)).contains("Courrier rédigé", "Mise en demeure");
        var dossier = dossiers.get(dossierId);
        assertThat(dossier.stage()).isEqualTo(DossierStage.ACTIONS);
        assertThat(dossier.letters()).extracting(Dossier.LetterItem::type).containsExactly("SIGNALEMENT_PLATEFORME", "MISE_EN_DEMEURE_AUTEUR");

        var exportLink = Jsoup.parse(med.body()).selectFirst("a[href$=/export]");
        assertThat(exportLink).isNotNull();
        var zip = browser.download(exportLink.attr("href"));
        clicks++; // « Exporter le dossier (ZIP) »
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(clicks).isLessThan(10);

        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        var pdfs = entries.keySet().stream().filter(n -> n.startsWith("courriers/") && n.endsWith(".pdf")).sorted().toList();
        assertThat(pdfs).hasSize(2);
        assertThat(entries.keySet().stream().filter(n -> n.startsWith("courriers/") && n.endsWith(".docx"))).hasSize(2);
        assertThat(entries.keySet()).contains("dossier.pdf", "SHA256SUMS.txt");
        assertThat(entries.keySet().stream().anyMatch(n -> n.startsWith("preuves/captures-ecran/"))).isTrue();
        var noticeText = pdfText(entries.get(pdfs.get(0)));
        assertThat(noticeText).contains("Google Ireland Limited", "règlement (UE) 2022/2065", "bonne foi", "falsifié", "Capture d'écran",
                "article L1110-4 du code de la santé publique");
        var medText = pdfText(entries.get(pdfs.get(1)));
        assertThat(medText).contains("Monsieur Jean Dupré", "Villeurbanne", "dans un délai de huit jours", "diffamation publique");
        assertThat(new String(entries.get("SHA256SUMS.txt"))).contains(pdfs.get(0), pdfs.get(1));
        assertThat(dossiers.get(dossierId).timeline()).extracting(Dossier.TimelineEntry::kind).contains("COURRIER", "EXPORT");
        assertThat(context.getBean(fr.egide.audit.AuditLog.class).chain(cabinet.toString())).extracting(fr.egide.audit.AuditEntry::action)
            .contains(fr.egide.audit.AuditAction.CONSULTATION_DOSSIER, fr.egide.audit.AuditAction.COURRIER_GENERE, fr.egide.audit.AuditAction.EXPORT);
    }

    @Test
    void aNoticeNeedsEvidenceAndAskForConfirmationWhenTheContentIsQualifiedLawful() throws Exception {
        practitioner(null, null, null);
        var mention = mention("Attente interminable et accueil froid, je ne reviendrai pas.");
        var id = body(api("POST", "/api/v1/cabinets/" + cabinet + "/dossiers", "{\"mentionIds\": [\"" + mention + "\"]}")).path("id").asString();

        var noEvidence = api("POST", "/api/v1/dossiers/" + id + "/letters", "{\"type\": \"SIGNALEMENT_PLATEFORME\"}");
        assertThat(noEvidence.statusCode()).isEqualTo(409);
        assertThat(noEvidence.body()).contains("Pas de signalement sans preuve");
        assertThat(dossiers.get(UUID.fromString(id)).letters()).isEmpty();

        dossiers.addScreenshot(UUID.fromString(id), "avis.png", "image/png", DossiersIntegrationTests.PNG);
        api("PUT", "/api/v1/dossiers/" + id + "/qualification", "{\"qualification\": \"CRITIQUE_LICITE\"}");
        var unconfirmed = api("POST", "/api/v1/dossiers/" + id + "/letters", "{\"type\": \"SIGNALEMENT_PLATEFORME\"}");
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        assertThat(unconfirmed.body()).contains("15 000 €", "J'ai lu cet avertissement");
        assertThat(dossiers.get(UUID.fromString(id)).letters()).isEmpty();

        var confirmed = api("POST", "/api/v1/dossiers/" + id + "/letters", "{\"type\": \"SIGNALEMENT_PLATEFORME\", \"confirmed\": true}");
        assertThat(confirmed.statusCode()).isEqualTo(201);
        assertThat(body(confirmed).path("draft").path("warnings").toString()).contains("SIGNALEMENT_CONTENU_LICITE");
        assertThat(dossiers.get(UUID.fromString(id)).timeline()).extracting(Dossier.TimelineEntry::detail)
            .anyMatch(d -> d.contains("avertissement lu et confirmé"));

        // Through the page: the same warning comes back as the form's error, with what was typed kept.
        var browser = new Browser(port);
        browser.signIn(user);
        var page = Jsoup.parse(browser.get("/dossiers/" + id).body());
        var refused = submit(browser, page, "/courriers", Map.of("recipientName", "Google Ireland Limited"));
        assertThat(Browser.text(refused)).contains("15 000 €");
        assertThat(Jsoup.parse(refused.body()).selectFirst("#letter-recipient").val()).isEqualTo("Google Ireland Limited");
        var unknown = submit(browser, Jsoup.parse(refused.body()), "/courriers", Map.of("type", "LETTRE_ANONYME"));
        assertThat(Browser.text(unknown)).contains("Courrier inconnu : « LETTRE_ANONYME »");
        assertThat(Jsoup.parse(unknown.body()).select("#event option").eachText()).contains("Organisme de règlement extrajudiciaire saisi");
    }

    @Test
    void theInsurerLetterNeedsTheInsurerAndItsDeadlineComesFromTheContract() throws Exception {
        practitioner(null, null, null);
        var mention = mention(DEFAMATORY);
        var id = body(api("POST", "/api/v1/cabinets/" + cabinet + "/dossiers", "{\"mentionIds\": [\"" + mention + "\"]}")).path("id").asString();
        dossiers.addScreenshot(UUID.fromString(id), "avis.png", "image/png", DossiersIntegrationTests.PNG);
        api("PUT", "/api/v1/dossiers/" + id + "/qualification", "{\"qualification\": \"DIFFAMATION\"}");

        var refused = api("POST", "/api/v1/dossiers/" + id + "/letters", "{\"type\": \"DECLARATION_ASSUREUR\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Renseignez l'assureur et le numéro de contrat");
        assertThat(body(api("GET", "/api/v1/dossiers/" + id + "/deadlines", null)).toString()).doesNotContain("DECLARATION_ASSUREUR");

        var p = practice.practitioners(cabinet).get(0);
        practice.updatePractitioner(cabinet, p.id(), new PractitionerForm(p.civility(), p.firstName(), p.lastName(), p.profession(), null,
                p.rpps(), List.of(), List.of(), "MACSF", "RCP-2026-0042", true, 7));
        var deadlines = body(api("GET", "/api/v1/dossiers/" + id + "/deadlines", null));
        var insurer = new ArrayList<JsonNode>();
        deadlines.forEach(d -> {
            if (d.path("kind").asString().equals("DECLARATION_ASSUREUR")) {
                insurer.add(d);
            }
        });
        assertThat(insurer).hasSize(1);
        var opened = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertThat(insurer.get(0).path("date").asString()).isEqualTo(DeadlineRules.plusWorkingDays(opened, 7).toString());
        assertThat(insurer.get(0).path("description").asString()).contains("7 jours ouvrés");

        var declared = api("POST", "/api/v1/dossiers/" + id + "/letters", "{\"type\": \"DECLARATION_ASSUREUR\"}");
        assertThat(declared.statusCode()).isEqualTo(201);
        var letterId = body(declared).path("id").asString();
        var pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers/" + id
                + "/letters/" + letterId + "/pdf")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdfText(pdf.body())).contains("MACSF", "RCP-2026-0042");
        var docx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers/" + id
                + "/letters/" + letterId + "/docx")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        try (var document = new XWPFDocument(new ByteArrayInputStream(docx.body())); var extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("MACSF", "RCP-2026-0042");
        }
        var sent = api("POST", "/api/v1/dossiers/" + id + "/letters/" + letterId + "/sending",
                "{\"sentOn\": \"" + opened + "\", \"channel\": \"EMAIL\"}");
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(body(api("GET", "/api/v1/dossiers/" + id + "/deadlines", null)).toString()).doesNotContain("DECLARATION_ASSUREUR");
        // Both acts are in the cabinet's audit log, with the letter's id.
        var audit = context.getBean(fr.egide.audit.AuditLog.class).chain(cabinet.toString());
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(fr.egide.audit.AuditAction.COURRIER_GENERE);
            assertThat(e.objectId()).isEqualTo(letterId);
        });
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(fr.egide.audit.AuditAction.COURRIER_ENVOYE);
            assertThat(e.objectId()).isEqualTo(letterId);
            assertThat(e.details()).containsEntry("voie", "EMAIL");
        });
    }

    @Test
    void editsAreCheckedAgainAndTheSendingOpensTheAnswersDeadline() throws Exception {
        practitioner(null, null, null);
        var mention = mention(DEFAMATORY);
        var id = body(api("POST", "/api/v1/cabinets/" + cabinet + "/dossiers", "{\"mentionIds\": [\"" + mention + "\"]}")).path("id").asString();
        dossiers.addScreenshot(UUID.fromString(id), "avis.png", "image/png", DossiersIntegrationTests.PNG);
        api("PUT", "/api/v1/dossiers/" + id + "/qualification", "{\"qualification\": \"DIFFAMATION\"}");
        var letter = body(api("POST", "/api/v1/dossiers/" + id + "/letters", "{\"type\": \"SIGNALEMENT_PLATEFORME\"}"));
        var letterId = letter.path("id").asString();
        assertThat(letter.path("draft").path("elements").toString()).contains("A1", "A8");

        // A paragraph that reveals a care relationship is refused, and nothing changes.
        var paragraphs = JSON.createArrayNode();
        letter.path("draft").path("paragraphs").forEach(paragraphs::add);
        ((tools.jackson.databind.node.ObjectNode) paragraphs.get(0)).put("text", "Ce patient que je soigne pour son diabète depuis 2019 ment.");
        var leaking = api("PUT", "/api/v1/dossiers/" + id + "/letters/" + letterId + "/paragraphs", "{\"paragraphs\": " + paragraphs + "}");
        assertThat(leaking.statusCode()).isEqualTo(400);
        assertThat(leaking.body()).contains("secret médical");
        assertThat(body(api("GET", "/api/v1/dossiers/" + id + "/letters/" + letterId, null)).path("edited").asBoolean()).isFalse();

        // A harmless edit is kept and exported as edited.
        ((tools.jackson.databind.node.ObjectNode) paragraphs.get(0)).put("text", "Madame, Monsieur, je vous signale le contenu suivant.");
        var edited = api("PUT", "/api/v1/dossiers/" + id + "/letters/" + letterId + "/paragraphs", "{\"paragraphs\": " + paragraphs + "}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(body(edited).path("edited").asBoolean()).isTrue();

        var future = api("POST", "/api/v1/dossiers/" + id + "/letters/" + letterId + "/sending",
                "{\"sentOn\": \"" + LocalDate.now().plusDays(3) + "\", \"channel\": \"LRAR\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        var badNumber = api("POST", "/api/v1/dossiers/" + id + "/letters/" + letterId + "/sending",
                "{\"sentOn\": \"" + LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(8) + "\", \"channel\": \"LRAR\", \"registeredNumber\": \"<script>\"}");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        // Sent eight days ago: the follow-up falls 14 days after the sending (its last day the 13th day after).
        var sentOn = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(8);
        var sent = api("POST", "/api/v1/dossiers/" + id + "/letters/" + letterId + "/sending",
                "{\"sentOn\": \"" + sentOn + "\", \"channel\": \"LRAR\", \"registeredNumber\": \"1A 123 456 7890 1\"}");
        assertThat(sent.statusCode()).isEqualTo(200);
        var deadlines = body(api("GET", "/api/v1/dossiers/" + id + "/deadlines", null)).toString();
        assertThat(deadlines).contains("SUIVI_SIGNALEMENT", sentOn.plusDays(13).toString());
        assertThat(api("POST", "/api/v1/dossiers/" + id + "/letters/" + letterId + "/sending",
                "{\"sentOn\": \"" + sentOn + "\", \"channel\": \"LRAR\"}").statusCode()).isEqualTo(409);
        assertThat(api("PUT", "/api/v1/dossiers/" + id + "/letters/" + letterId + "/paragraphs", "{\"paragraphs\": " + paragraphs + "}")
            .statusCode()).isEqualTo(409);

        // The platform's decision opens the internal complaint window (6 months, DSA art. 20).
        assertThat(api("POST", "/api/v1/dossiers/" + id + "/events", "{\"event\": \"JUGEMENT\", \"on\": \"2026-11-30\"}").statusCode())
            .isEqualTo(400);
        var decision = api("POST", "/api/v1/dossiers/" + id + "/events", "{\"event\": \"DECISION_PLATEFORME\", \"on\": \"2026-11-30\"}");
        assertThat(decision.statusCode()).isEqualTo(200);
        assertThat(body(decision).path("deadlines").toString()).contains("RECLAMATION_INTERNE", "2027-05-29");

        // The letter's page shows the elements and the sending; another cabinet's user gets 404.
        var browser = new Browser(port);
        browser.signIn(user);
        var page = Browser.text(browser.get("/dossiers/" + id + "/courriers/" + letterId));
        assertThat(page).contains("Éléments obligatoires", "A8", "Envoyé le " + sentOn.format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.FRANCE)), "1A 123 456 7890 1");
        // The follow-up's reminder (J-2) is on the dashboard.
        assertThat(Browser.text(browser.get("/"))).contains("Délais à venir", "Relance du signalement", "rappel J-2");
        var stranger = TestAccounts.token(context, TestAccounts.create(context, "Autre"));
        var foreign = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/dossiers/" + id
                + "/letters/" + letterId)).header("Authorization", "Bearer " + stranger).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

}
