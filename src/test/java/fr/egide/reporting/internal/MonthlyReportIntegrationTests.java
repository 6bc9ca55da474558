package fr.egide.reporting.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.egide.cases.Dossiers;
import fr.egide.identity.CabinetAccess;
import fr.egide.identity.CabinetRole;
import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.FrenchDates;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.MentionImports;
import fr.egide.monitoring.Mentions;
import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceScans;
import fr.egide.monitoring.internal.TestScans;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import fr.egide.reporting.ReadinessCheck;
import fr.egide.reporting.ReadinessStatus;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly report and the « bons réflexes » of a seeded cabinet (an import of four reviews, one of them an insult,
 * a search source scanned against a fake SearXNG, a dossier, a relecteur, a practitioner's insurance and online
 * presence): the PDF's text read back with PDFBox, the monthly job run twice making one report and one e-mail
 * (received by GreenMail, the PDF attached), the pages with their progress and the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportIntegrationTests {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static final WireMockServer SEARXNG = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SMTP.start();
        SEARXNG.start();
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("egide.monitoring.searxng-url", SEARXNG::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    CabinetAccess access;

    @Autowired
    MentionImports imports;

    @Autowired
    Mentions mentions;

    @Autowired
    SourceScans sources;

    @Autowired
    Dossiers dossiers;

    @Autowired
    MonthlyReports reports;

    @Autowired
    ReadinessChecks readiness;

    @Autowired
    fr.egide.analysis.MonthlyFigures analysisFigures;

    @Autowired
    fr.egide.monitoring.MonthlyFigures watchFigures;

    @Autowired
    fr.egide.cases.MonthlyFigures caseFigures;

    @Autowired
    JdbcClient jdbc;

    EgideUser titulaire;

    EgideUser relecteur;

    UUID cabinet;

    String dossierReference;

    UUID practitionerId;

    static String result(String url, String title, String content) {
        return """
                {"url": "%s", "title": "%s", "content": "%s", "publishedDate": null, "engine": "duckduckgo",
                 "engines": ["duckduckgo"], "positions": [1], "template": "default.html", "score": 1.0, "category": "general"}
                """.formatted(url, title, content);
    }

    static String page(List<String> results) {
        return """
                {"query": "x", "number_of_results": 0, "results": [%s], "answers": [], "corrections": [], "infoboxes": [],
                 "suggestions": [], "unresponsive_engines": []}
                """.formatted(String.join(",", results));
    }

    @BeforeAll
    void seed() throws Exception {
        titulaire = TestAccounts.create(context, "Dr Claire Martin");
        relecteur = TestAccounts.create(context, "Dr Paul Relecteur");
        TestAccounts.signIn(context, titulaire);
        try {
            cabinet = practice.createCabinet(new CabinetForm("Cabinet veille " + UUID.randomUUID().toString().substring(0, 8), "1 rue Imaginaire", "69003", "Lyon")).id();
            var practitioner = practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Claire", "Martin", Profession.MEDECIN, null,
                    null, List.of(), List.of(), "Assureur fictif", "RCP-0042", true, 10, "https://annuaire.sante.fr/web/site-pro/claire-martin",
                    "https://www.cabinet-martin.example.fr"));
            practitionerId = practitioner.id();
            access.grant(relecteur.id(), cabinet, CabinetRole.RELECTEUR);

            var file = """
                    source;external_id;rating;text
                    Google;vm-1;1;Le Dr Martin est un con.
                    Google;vm-2;2;Attente beaucoup trop longue, plus d'une heure en salle d'attente.
                    Google;vm-3;5;Médecin très à l'écoute, accueil chaleureux du secrétariat.
                    Google;vm-4;4;Consultation sérieuse, explications claires.
                    """;
            imports.importFile(cabinet, "avis.csv", () -> new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null);

            SEARXNG.stubFor(get(urlPathEqualTo("/search")).atPriority(10).willReturn(okJson(page(List.of()))));
            SEARXNG.stubFor(get(urlPathEqualTo("/search")).atPriority(1).withQueryParam("pageno", equalTo("1")).willReturn(okJson(page(List.of(
                    result("https://www.doctolib.fr/medecin-generaliste/lyon/claire-martin", "Dr Claire Martin - Doctolib", "Prenez rendez-vous"),
                    result("https://annuaire.sante.fr/web/site-pro/claire-martin", "Claire Martin - Annuaire Santé", "Médecin généraliste"),
                    result("https://www.facebook.com/claire.martin.lyon", "Claire Martin | Facebook", "Claire Martin est sur Facebook"),
                    result("https://www.strava.com/athletes/claire-martin-69", "Claire Martin | Strava", "Course à pied à Lyon"))))));
            var search = sources.add(cabinet, new SourceScans.SourceSettings(SourceKind.RECHERCHE, "Nom sur SearXNG", Map.of("extra", "médecin Lyon"),
                    null, null, null));
            assertThat(TestScans.scan(context, search.id())).isIn("TERMINE", "PARTIEL");

            var insult = mentions.search(new MentionFilter(cabinet, null, 1, 1, null, null, null, null), 0, 1).items().get(0).id();
            // The analyser runs in the background after the import and the scan.
            var all = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 100).items().stream()
                .map(m -> m.id()).toList();
            assertThat(all).hasSize(8);
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(
                    () -> assertThat(analysisFigures.of(cabinet, all).analysed()).isEqualTo(8));
            TestAccounts.signIn(context, titulaire);
            dossierReference = dossiers.open(cabinet, List.of(insult), practitioner.id(), "Injure sur la fiche Google").reference();
        }
        finally {
            TestAccounts.signOut();
        }
    }

    @AfterAll
    void stop() {
        SMTP.stop();
        SEARXNG.stop();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            // Table cells wrap their words: the text is compared with its spaces and line breaks made single spaces.
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", " ");
        }
    }

    @Test
    void checklistScoresTheSeededCabinet() {
        TestAccounts.signIn(context, titulaire);
        var checklist = readiness.of(cabinet);
        var statuses = new java.util.EnumMap<ReadinessCheck, ReadinessStatus>(ReadinessCheck.class);
        checklist.items().forEach(item -> statuses.put(item.check(), item.status()));
        assertThat(statuses).containsEntry(ReadinessCheck.FICHE_GOOGLE, ReadinessStatus.A_FAIRE)
            .containsEntry(ReadinessCheck.PRESENCE_MAITRISEE, ReadinessStatus.FAIT)
            .containsEntry(ReadinessCheck.ASSURANCE, ReadinessStatus.FAIT)
            .containsEntry(ReadinessCheck.SOURCES, ReadinessStatus.FAIT)
            .containsEntry(ReadinessCheck.SEPARATION_PRO_PERSO, ReadinessStatus.PARTIEL)
            .containsEntry(ReadinessCheck.RELECTURE, ReadinessStatus.PARTIEL);
        // Two points per réflexe done, one per réflexe partly done: 8 out of 12.
        assertThat(checklist.score()).isEqualTo(67);
        assertThat(checklist.done()).isEqualTo(3);
        var separation = checklist.items().stream().filter(i -> i.check() == ReadinessCheck.SEPARATION_PRO_PERSO).findFirst().orElseThrow();
        assertThat(separation.finding()).isEqualTo("2 résultat(s) personnel(s) sur 4 en première page des résultats pour votre nom.");
        assertThat(separation.guidance()).startsWith("Gardez des comptes distincts");
        var done = checklist.items().stream().filter(i -> i.status() == ReadinessStatus.FAIT).toList();
        assertThat(done).allSatisfy(item -> assertThat(item.guidance()).isEmpty());
    }

    @Test
    void thePdfHasItsSectionsAndTheMonthsFigures() throws Exception {
        TestAccounts.signIn(context, titulaire);
        var month = YearMonth.now(FrenchDates.PARIS);
        var requested = reports.request(cabinet, month);
        assertThat(requested.status()).isEqualTo("EN_COURS");
        reports.generate(requested.id());
        var info = reports.info(requested.id());
        assertThat(info.status()).isEqualTo("PRET");
        var pdf = reports.pdf(requested.id());
        assertThat(info.sha256()).isEqualTo(MonthlyReports.sha256(pdf));
        var text = text(pdf);

        assertThat(text).contains("Veille mensuelle — Cabinet veille", "Mois : " + MonthlyReportPdf.monthName(month),
                "Mois en cours : les chiffres sont arrêtés à cette date.");
        assertThat(text).contains("1. Ce qui est apparu", "2. Ce qui a changé", "3. Notes et thèmes du mois", "4. Dossiers et échéances",
                "5. Réponses", "6. Résultats de recherche sur votre nom", "7. Les bons réflexes");
        // Four imported reviews and four search results, all first seen this month.
        var analysis = analysisFigures.of(cabinet, watchFigures.month(cabinet, month).createdIds());
        assertThat(analysis.negative()).isGreaterThanOrEqualTo(2);
        assertThat(text).contains("Nouvelles mentions : 8", "Dont négatives : " + analysis.negative(),
                "Signalées par l'analyse (à examiner ou indices sérieux de contenu illicite) : " + analysis.flagged().size());
        assertThat(text).contains("Indices sérieux de contenu illicite", "Injure", "Google", "Nom sur SearXNG");
        assertThat(text).contains("Mentions modifiées par leur auteur : 0", "Mentions retirées : 0");
        // Ratings 1, 2, 5 and 4.
        assertThat(text).contains("Note moyenne du mois : 3,0 sur 5 (4 mention(s) notée(s))", "Répartition des notes du mois", "5 étoile(s)");
        assertThat(analysis.themes()).isNotEmpty();
        var messages = context.getBean(org.springframework.context.MessageSource.class);
        for (var theme : analysis.themes()) {
            assertThat(text).contains(messages.getMessage("theme." + theme.theme(), null, java.util.Locale.FRANCE));
        }
        assertThat(text).contains("Dossiers ouverts ce mois-ci : 1", "Dossiers clos ce mois-ci : 0", "Dossiers en cours : 1");
        var deadlines = caseFigures.of(cabinet, month, java.time.LocalDate.now(FrenchDates.PARIS)).deadlines();
        if (deadlines.isEmpty()) {
            assertThat(text).contains("Aucune échéance dans les 60 prochains jours.");
        }
        else {
            assertThat(text).contains(dossierReference, deadlines.get(0).due().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        assertThat(text).contains("Réponses publiées ce mois-ci : 0");
        assertThat(text).contains("Résultats en première page : 4, dont personnels : 2", "Entrés en première page : 4", "Claire Martin | Strava",
                "Personnel", "Professionnel");
        assertThat(text).contains("Score : 67 sur 100 (3 réflexe(s) en place sur 6)",
                "Fiche Google du cabinet revendiquée et suivie À faire : Aucune fiche Google n'est connectée ni suivie. Que faire : Revendiquez",
                "Une veille en place En place : 1 source(s) relevée(s) automatiquement",
                "En partie : 2 résultat(s) personnel(s) sur 4 en première page des résultats pour votre nom. Que faire : Gardez des comptes distincts");
        // Never a review's words.
        assertThat(text).doesNotContain("est un con", "salle d'attente");
    }

    @Test
    void theMonthlyJobMakesOneReportPerCabinetAndMonthAndMailsItOnce() throws Exception {
        var month = YearMonth.now(FrenchDates.PARIS).minusMonths(1);
        MonthlyReportJobs.run(reports, month);
        var first = jdbc.sql("select id, sha256, generated_at from reporting_monthly_report where cabinet_id = ? and month = ?")
            .params(cabinet, month.atDay(1)).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString()))
            .list();
        assertThat(first).hasSize(1);
        var mailsAfterFirst = mailsTo(titulaire).size();

        MonthlyReportJobs.run(reports, month);
        var second = jdbc.sql("select id, sha256, generated_at from reporting_monthly_report where cabinet_id = ? and month = ?")
            .params(cabinet, month.atDay(1)).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString()))
            .list();
        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("select status from reporting_monthly_report where cabinet_id = ? and month = ?")
            .params(cabinet, month.atDay(1)).query(String.class).single()).isEqualTo("PRET");

        var mails = mailsTo(titulaire);
        assertThat(mails).hasSize(1).hasSize(mailsAfterFirst);
        assertThat(mailsTo(relecteur)).isEmpty();
        var mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Égide — votre veille mensuelle de " + MonthlyReportPdf.monthName(month));
        var attachments = new ArrayList<Part>();
        collect(mail, attachments);
        assertThat(attachments).hasSize(1);
        var attachment = attachments.get(0);
        assertThat(attachment.getFileName()).isEqualTo("veille-mensuelle-" + month + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        var pdf = attachment.getInputStream().readAllBytes();
        assertThat(MonthlyReports.sha256(pdf)).isEqualTo(first.get(0).get(1));
        assertThat(text(pdf)).contains("Mois : " + MonthlyReportPdf.monthName(month), "Nouvelles mentions : 0", "7. Les bons réflexes");
        assertThat(jdbc.sql("select mailed_at is not null from reporting_monthly_report where cabinet_id = ? and month = ?")
            .params(cabinet, month.atDay(1)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void pagesShowTheChecklistAndTheReportsProgressAndTheApiAnswers() throws Exception {
        var browser = signedIn(titulaire);
        var checklist = browser.send(HttpRequest.newBuilder(uri("/bons-reflexes")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(checklist.statusCode()).isEqualTo(200);
        var page = Jsoup.parse(checklist.body());
        assertThat(page.select("nav a[href=/bons-reflexes]")).hasSize(1);
        assertThat(page.select("nav a[href=/rapports]")).hasSize(1);
        assertThat(page.select("h1").text()).startsWith("Les bons réflexes : Cabinet veille");
        assertThat(page.select("ol.checklist > li")).hasSize(6);
        assertThat(page.text()).contains("67 sur 100", "À faire", "En place", "En partie");

        // The practitioner's form has the two addresses the checklist reads, with their labels.
        var form = Jsoup.parse(browser.send(HttpRequest.newBuilder(uri("/cabinets/" + cabinet + "/praticiens/" + practitionerId)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(form.selectFirst("input#websiteUrl").val()).isEqualTo("https://www.cabinet-martin.example.fr");
        assertThat(form.selectFirst("label[for=professionalProfileUrl]").text()).isEqualTo("Profil professionnel en ligne (adresse)");
        assertThat(form.selectFirst("input#professionalProfileUrl").val()).isEqualTo("https://annuaire.sante.fr/web/site-pro/claire-martin");

        var list = browser.send(HttpRequest.newBuilder(uri("/rapports")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(200);
        var csrf = Jsoup.parse(list.body()).selectFirst("form[action=/rapports/generer] input[name=_csrf]").val();
        var month = YearMonth.now(FrenchDates.PARIS).minusMonths(2);
        var asked = browser.send(HttpRequest.newBuilder(uri("/rapports/generer"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&cabinet=" + cabinet + "&mois=" + month))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).isEqualTo(200);
        var id = jdbc.sql("select id from reporting_monthly_report where cabinet_id = ? and month = ?").params(cabinet, month.atDay(1))
            .query(UUID.class).single();
        var pending = Jsoup.parse(asked.body()).getElementById("etat-" + id);
        assertThat(pending.attr("hx-get")).isEqualTo("/rapports/" + id + "/etat");
        assertThat(pending.attr("hx-trigger")).isEqualTo("every 2s");
        assertThat(pending.text()).contains("En cours", "Génération en cours");

        // Background jobs are off in tests: the task's work is done here.
        reports.generate(id);
        var status = browser.send(HttpRequest.newBuilder(uri("/rapports/" + id + "/etat")).build(), HttpResponse.BodyHandlers.ofString());
        var ready = Jsoup.parse(status.body()).getElementById("etat-" + id);
        assertThat(ready.hasAttr("hx-trigger")).isFalse();
        assertThat(ready.text()).contains("Prêt", "Télécharger le rapport de " + MonthlyReportPdf.monthName(month));
        var pdf = browser.send(HttpRequest.newBuilder(uri("/rapports/" + id + "/pdf")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(text(pdf.body())).contains("Mois : " + MonthlyReportPdf.monthName(month));

        var api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/cabinets/" + cabinet + "/readiness"))
            .header("Authorization", "Bearer " + TestAccounts.token(context, titulaire)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"score\":67", "\"check\":\"SEPARATION_PRO_PERSO\"", "\"status\":\"PARTIEL\"", "\"guidance\":\"Gardez");
        var token = TestAccounts.token(context, titulaire);
        var kept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/cabinets/" + cabinet + "/reports"))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(kept.statusCode()).isEqualTo(200);
        assertThat(kept.body()).contains("\"id\":\"" + id + "\"", "\"month\":\"" + month + "\"", "\"status\":\"PRET\"", "\"sha256\":\"");
        var apiPdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/reports/" + id + "/pdf"))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(apiPdf.statusCode()).isEqualTo(200);
        assertThat(MonthlyReports.sha256(apiPdf.body()))
            .isEqualTo(jdbc.sql("select sha256 from reporting_monthly_report where id = ?").param(id).query(String.class).single());
        // A website that is not an address is refused, in French.
        var badSite = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/cabinets/" + cabinet + "/practitioners"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"civility\": \"DR\", \"firstName\": \"Luc\", \"lastName\": \"Roux\", \"profession\": \"MEDECIN\", \"websiteUrl\": \"mon site\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badSite.statusCode()).isEqualTo(400);
        assertThat(badSite.body()).contains("L'adresse doit commencer par http:// ou https://");

        var stranger = TestAccounts.create(context, "Dr Curieuse");
        var strangerToken = TestAccounts.token(context, stranger);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/reports/" + id))
            .header("Authorization", "Bearer " + strangerToken).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        var hidden = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/v1/cabinets/" + cabinet + "/readiness"))
            .header("Authorization", "Bearer " + TestAccounts.token(context, stranger)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hidden.statusCode()).isEqualTo(404);
        var strangerBrowser = signedIn(stranger);
        assertThat(strangerBrowser.send(HttpRequest.newBuilder(uri("/rapports/" + id + "/pdf")).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode()).isEqualTo(404);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpClient signedIn(EgideUser user) throws Exception {
        var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        var login = browser.send(HttpRequest.newBuilder(uri("/connexion")).build(), HttpResponse.BodyHandlers.ofString());
        var csrf = Jsoup.parse(login.body()).selectFirst("input[name=_csrf]").val();
        browser.send(HttpRequest.newBuilder(uri("/connexion"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf) + "&email=" + enc(user.email()) + "&motDePasse="
                    + enc(TestAccounts.PASSWORD)))
            .build(), HttpResponse.BodyHandlers.ofString());
        return browser;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The monthly reports mailed to this user (the alerts about the insult arrive in the same box). */
    List<MimeMessage> mailsTo(EgideUser recipient) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(recipient.email()))
                        && m.getSubject().startsWith("Égide — votre veille mensuelle");
            }
            catch (jakarta.mail.MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    static void collect(Part part, List<Part> attachments) throws Exception {
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), attachments);
            }
        }
        else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part);
        }
    }

}
