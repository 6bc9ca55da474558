package fr.egide.alerts;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.egide.Browser;
import fr.egide.analysis.WaveDetected;
import fr.egide.analysis.WavesDetected;
import fr.egide.analysis.WaveKind;
import fr.egide.cases.Dossiers;
import fr.egide.alerts.internal.DeadlineReminders;
import fr.egide.alerts.internal.AlertDispatcher;
import fr.egide.alerts.internal.AlertRaiser;
import fr.egide.analysis.MentionFlagged;
import fr.egide.analysis.MentionsFlagged;
import fr.egide.analysis.Qualification;
import fr.egide.evidence.EvidenceChecked;
import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts received by a real SMTP server (GreenMail) and a webhook receiver (WireMock): immediate, digest, quiet
 * hours, a threat overriding them, the HMAC signature and retries, and neither loss nor duplicate when an event is
 * delivered again after a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "egide.alerts.base-url=https://egide.example.org")
class AlertsIntegrationTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static final WireMockServer RECEIVER = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SMTP.start();
        RECEIVER.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        RECEIVER.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PracticeManagement practice;

    @Autowired
    Mentions mentions;

    @Autowired
    Alerts alerts;

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    AlertRaiser raiser;

    @Autowired
    JdbcClient jdbc;

    EgideUser user;

    UUID cabinet;

    @BeforeEach
    void cabinet() {
        user = TestAccounts.create(context, "Dr Alerte");
        TestAccounts.signIn(context, user);
        cabinet = practice.createCabinet(new CabinetForm("Cabinet alertes " + UUID.randomUUID(), "3 rue Imaginaire", "69003", "Lyon")).id();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    List<MimeMessage> mailsTo(EgideUser recipient) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(recipient.email()));
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("jamais arrivé : " + what);
            }
            Thread.sleep(100);
        }
    }

    long alertsOfCabinet() {
        return jdbc.sql("select count(*) from alerts_alert where cabinet_id = ?").param(cabinet).query(Long.class).single();
    }

    /** The plain-text part, the HTML part, and the content types of every part. */
    static List<String> parts(MimeMessage message) throws Exception {
        var found = new String[] { "", "", "" };
        collect(message.getContent(), message.getContentType(), found);
        return List.of(found);
    }

    private static void collect(Object content, String type, String[] found) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (var i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), found);
            }
            return;
        }
        found[2] += type + " ";
        if (type.startsWith("text/plain")) {
            found[0] += content;
        }
        else if (type.startsWith("text/html")) {
            found[1] += content;
        }
    }

    void quietHoursAroundNow() {
        var now = LocalTime.now(PARIS).withSecond(0).withNano(0);
        alerts.save(new AlertPreferences(Map.of(), now.minusHours(1), now.plusHours(1)));
    }

    @Test
    void anAlertLeavesAtOnceInFrenchWithAGenericSubjectAndALink() throws Exception {
        var mention = UUID.randomUUID();
        publish(new MentionFlagged(mention, cabinet, 1, Qualification.ILLICITE_PROBABLE, 72));

        await("l'e-mail immédiat", () -> mailsTo(user).size() == 1);
        var mail = mailsTo(user).get(0);
        assertThat(mail.getSubject()).isEqualTo("Égide — un avis demande votre attention");
        var parts = parts(mail);
        assertThat(parts.get(2)).contains("text/plain").contains("text/html");
        assertThat(parts.get(0)).contains("Bonjour Dr Alerte", "probablement illicite", "impact 72/100", "Pourquoi c'est important",
                "Que faire", "https://egide.example.org/mentions/" + mention, "https://egide.example.org/alertes/preferences");
        assertThat(parts.get(1)).contains("<a href=\"https://egide.example.org/mentions/" + mention + "\"", "Ouvrir dans Égide");

        await("l'envoi enregistré", () -> "ENVOYEE".equals(alerts.recent(10).get(0).delivery()));
        var listed = alerts.recent(10);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).trigger()).isEqualTo(AlertTrigger.ILLICITE_PROBABLE);
        assertThat(listed.get(0).delivery()).isEqualTo("ENVOYEE");
    }

    @Test
    void aDailyDigestGathersTheDaysAlertsInOneMail() throws Exception {
        // A high impact on lawful criticism goes to the daily digest by default.
        publish(new MentionFlagged(UUID.randomUUID(), cabinet, 1, Qualification.LICITE_PROBABLE, 81));
        publish(new MentionFlagged(UUID.randomUUID(), cabinet, 2, Qualification.LICITE_PROBABLE, 77));
        await("deux alertes en attente du récapitulatif", () -> jdbc.sql("""
                select count(*) from alerts_delivery d join alerts_alert a on a.id = d.alert_id
                where a.cabinet_id = ? and d.mode = 'QUOTIDIEN' and d.state = 'A_ENVOYER'
                """).param(cabinet).query(Long.class).single() == 2);
        assertThat(mailsTo(user)).isEmpty();

        dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(25)));

        var mails = mailsTo(user);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Égide — votre récapitulatif du jour (2 alerte(s))");
        assertThat(parts(mails.get(0)).get(0)).contains("impact 81/100", "impact 77/100", "aujourd'hui (2 alerte(s))");
    }

    @Test
    void quietHoursDelayANormalAlertUntilTheyEnd() throws Exception {
        quietHoursAroundNow();
        var capture = UUID.randomUUID().toString();
        publish(new EvidenceChecked(capture, cabinet, null, "https://www.google.com/maps/avis/123", "MODIFIEE", "texte changé"));
        await("l'alerte en attente", () -> alertsOfCabinet() == 1);
        Thread.sleep(1000);
        assertThat(mailsTo(user)).isEmpty();
        var due = jdbc.sql("select d.due_at from alerts_delivery d join alerts_alert a on a.id = d.alert_id where a.cabinet_id = ?")
            .param(cabinet).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(due).isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));

        dispatcher.dispatchDue(Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(mailsTo(user)).isEmpty();
        dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(2)));
        var mails = mailsTo(user);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Égide — une page conservée a changé");
        assertThat(parts(mails.get(0)).get(0)).contains("a été modifiée", "https://egide.example.org/preuves/" + capture);
    }

    @Test
    void aThreatIgnoresQuietHoursAndNeverPutsTheReviewInTheMail() throws Exception {
        quietHoursAroundNow();
        var threat = "Je sais où tu habites, docteur. Tu vas le payer.";
        mentions.addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(), "Anonyme", 1, threat,
                "2026-11-20"));

        await("l'alerte de menace", () -> mailsTo(user).size() == 1);
        var mail = mailsTo(user).get(0);
        assertThat(mail.getSubject()).isEqualTo("Égide — un avis demande votre attention sans attendre");
        var parts = parts(mail);
        assertThat(parts.get(0)).contains("ressemble à une menace", "(17)");
        assertThat(parts.get(0) + parts.get(1) + mail.getSubject()).doesNotContain("habites", "payer");
        assertThat(alerts.recent(5)).extracting(AlertSummary::trigger).containsExactly(AlertTrigger.MENACE);
    }

    @Test
    void aBatchOfFlagsIsOnePublicationAndOneAlertPerMentionEvenWhenDeliveredTwice() throws Exception {
        var threat = UUID.randomUUID();
        var toExamine = UUID.randomUUID();
        var highImpact = UUID.randomUUID();
        publish(new MentionsFlagged(cabinet, List.of(new MentionFlagged(threat, cabinet, 1, Qualification.A_EXAMINER, 55, true),
                new MentionFlagged(toExamine, cabinet, 1, Qualification.A_EXAMINER, 40, false),
                new MentionFlagged(highImpact, cabinet, 3, Qualification.LICITE_PROBABLE, 80, false))));

        await("trois alertes", () -> alertsOfCabinet() == 3);
        await("la publication terminée", () -> completed(threat));
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?").param("%" + threat + "%")
            .query(Long.class).single()).as("une publication par écouteur pour tout le lot").isEqualTo(2);
        assertThat(jdbc.sql("select trigger from alerts_alert where cabinet_id = ? order by trigger").param(cabinet)
            .query(String.class).list()).containsExactly("A_EXAMINER", "IMPACT_ELEVE", "MENACE");

        // Delivered again (a restart before the registry recorded the completion): nothing new.
        jdbc.sql("update event_publication set completion_date = null, status = 'FAILED' where serialized_event like ? and listener_id like ?")
            .params("%" + threat + "%", "%AlertListeners%")
            .update();
        context.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(publication -> true);
        await("la publication terminée de nouveau", () -> completed(threat));
        assertThat(alertsOfCabinet()).isEqualTo(3);
    }

    @Test
    void theWebhookIsSignedAndRetriedWithBackoffEachAttemptLogged() throws Exception {
        var secret = "un secret de webhook assez long";
        var path = "/recepteur/" + UUID.randomUUID();
        var scenario = "webhook-" + path;
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("up").willReturn(aResponse().withStatus(204)));
        alerts.setWebhook(cabinet, RECEIVER.baseUrl() + path, secret);
        alerts.save(new AlertPreferences(Map.of(AlertTrigger.PREUVE_MODIFIEE, AlertMode.AUCUN), null, null));

        publish(new EvidenceChecked(UUID.randomUUID().toString(), cabinet, null, "https://exemple.fr/avis", "DISPARUE", ""));
        await("la première tentative", () -> RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).size() == 1);
        var alertId = alerts.recent(1).get(0).id();
        await("la première tentative enregistrée", () -> jdbc.sql("select attempts from alerts_delivery where alert_id = ? and channel = 'WEBHOOK'")
            .param(alertId).query(Integer.class).single() == 1);
        var delivery = jdbc.sql("select state, due_at, attempts from alerts_delivery where alert_id = ? and channel = 'WEBHOOK'")
            .param(alertId).query().singleRow();
        assertThat(delivery.get("state")).isEqualTo("A_ENVOYER");
        assertThat(delivery.get("attempts")).isEqualTo(1);

        dispatcher.dispatchDue(Instant.now().plus(Duration.ofMinutes(5)));
        var requests = RECEIVER.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(2);
        for (var request : requests) {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertThat(request.getHeader("X-Egide-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(request.getBody())));
            assertThat(request.getBodyAsString()).contains("\"trigger\":\"PREUVE_MODIFIEE\"", "a disparu", "\"alertId\":\"" + alertId + "\"");
        }
        assertThat(requests.get(0).getHeader("X-Egide-Delivery")).isEqualTo(requests.get(1).getHeader("X-Egide-Delivery"));
        assertThat(jdbc.sql("""
                select a.status from alerts_webhook_attempt a join alerts_delivery d on d.id = a.delivery_id where d.alert_id = ? order by a.id
                """).param(alertId).query(Integer.class).list()).containsExactly(503, 204);
        assertThat(jdbc.sql("select state from alerts_delivery where alert_id = ? and channel = 'WEBHOOK'").param(alertId)
            .query(String.class).single()).isEqualTo("ENVOYEE");
        // The user turned the e-mails of this trigger off: the webhook alone was told.
        assertThat(mailsTo(user)).isEmpty();
    }

    @Test
    void anEventDeliveredAgainAfterARestartYieldsNeitherALostNorADuplicateMail() throws Exception {
        var mention = UUID.randomUUID();
        publish(new MentionFlagged(mention, cabinet, 1, Qualification.A_EXAMINER, 40));
        await("l'e-mail", () -> mailsTo(user).size() == 1);
        await("la publication terminée", () -> completed(mention));

        // As after a crash before the registry recorded the listener's completion: the publication is incomplete and
        // the restart (republish-outstanding-events-on-restart) delivers it again.
        jdbc.sql("update event_publication set completion_date = null, status = 'FAILED' where serialized_event like ? and listener_id like ?")
            .params("%" + mention + "%", "%AlertListeners%")
            .update();
        assertThat(completed(mention)).isFalse();
        context.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(publication -> true);
        await("la publication terminée de nouveau", () -> completed(mention));
        Thread.sleep(500);
        assertThat(alertsOfCabinet()).isEqualTo(1);
        assertThat(mailsTo(user)).hasSize(1);

        // As after a crash between the alert's commit and its sending: the next dispatch (the job after the restart)
        // sends it once, and only once.
        var stored = raiser.raise(cabinet, AlertTrigger.ECHEANCE, "test:" + UUID.randomUUID(), "/dossiers/" + UUID.randomUUID(),
                List.of("D-2026-0001", "Droit de réponse", "14 janvier 2027", "7"), Instant.now());
        assertThat(stored).isPresent();
        assertThat(mailsTo(user)).hasSize(1);
        dispatcher.dispatchDue(Instant.now());
        dispatcher.dispatchDue(Instant.now());
        var mails = mailsTo(user);
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).getSubject()).isEqualTo("Égide — une échéance approche");
        assertThat(parts(mails.get(1)).get(0)).contains("Dossier D-2026-0001 : Droit de réponse au plus tard le 14 janvier 2027 (J-7).");
    }

    @Test
    void theSettingsPageSavesModesAndQuietHoursAndTheApiReadsThem() throws Exception {
        publish(new MentionFlagged(UUID.randomUUID(), cabinet, 1, Qualification.A_EXAMINER, 30));
        await("l'alerte", () -> alertsOfCabinet() == 1);
        var browser = new Browser(port);
        browser.signIn(user);

        var list = Browser.text(browser.get("/alertes"));
        assertThat(list).contains("Alertes", "Contenu à examiner", "Un avis est à examiner selon l'analyse");
        var page = browser.get("/alertes/preferences");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Browser.text(page)).contains("Réglages des alertes", "Heures de calme", "Une menace est toujours signalée tout de suite");

        var saved = browser.post("/alertes/preferences", false, "mode.A_EXAMINER", "HEBDOMADAIRE", "mode.MENACE", "AUCUN", "quietFrom", "21:00",
                "quietTo", "07:30");
        assertThat(Browser.text(saved)).contains("Vos réglages d'alerte sont enregistrés.");
        var preferences = alerts.preferences();
        assertThat(preferences.modes()).containsEntry(AlertTrigger.A_EXAMINER, AlertMode.HEBDOMADAIRE).containsEntry(AlertTrigger.MENACE,
                AlertMode.IMMEDIAT);
        assertThat(preferences.quietFrom()).isEqualTo(LocalTime.of(21, 0));

        var halfQuiet = browser.post("/alertes/preferences", false, "quietFrom", "21:00");
        assertThat(Browser.text(halfQuiet)).contains("Indiquez le début et la fin des heures de calme");

        var token = TestAccounts.token(context, user);
        var api = java.net.http.HttpClient.newHttpClient();
        var response = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url("/api/v1/alertes/preferences")))
            .header("Authorization", "Bearer " + token).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"A_EXAMINER\":\"HEBDOMADAIRE\"", "\"quietFrom\":\"21:00");
        var recent = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url("/api/v1/alertes")))
            .header("Authorization", "Bearer " + token).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(recent.body()).contains("\"trigger\":\"A_EXAMINER\"");
        var badWebhook = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(browser.url("/api/v1/alertes/webhooks/" + cabinet)))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"url\": \"https://exemple.fr/hook\", \"secret\": \"court\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(badWebhook.statusCode()).isEqualTo(400);
        assertThat(badWebhook.body()).contains("au moins 16 caractères");
    }

    @Test
    void aBurstOfAlertsLeavesAsOneMailPerPersonWhileAThreatStillLeavesAlone() throws Exception {
        var now = Instant.now();
        // As the listeners do: each alert is dispatched once committed.
        for (var i = 0; i < 5; i++) {
            raiser.raise(cabinet, AlertTrigger.A_EXAMINER, "rafale:" + UUID.randomUUID(), "/mentions/" + UUID.randomUUID(), List.of("1", "30"), now);
            dispatcher.dispatchDue(now);
        }
        raiser.raise(cabinet, AlertTrigger.MENACE, "rafale-menace:" + UUID.randomUUID(), "/mentions/" + UUID.randomUUID(), List.of("1", "90"), now);
        dispatcher.dispatchDue(now);
        // The first three leave one by one, the threat too; the fourth and fifth wait for the end of the window.
        var mails = mailsTo(user);
        assertThat(mails).hasSize(4);
        assertThat(mails).extracting(MimeMessage::getSubject).contains("Égide — un avis demande votre attention sans attendre");

        dispatcher.dispatchDue(now.plus(Duration.ofMinutes(11)));
        mails = mailsTo(user);
        assertThat(mails).hasSize(5);
        var grouped = mails.get(4);
        assertThat(grouped.getSubject()).isEqualTo("Égide — 2 éléments demandent votre attention");
        var text = parts(grouped).get(0);
        assertThat(text).contains("2 éléments en peu de temps");
        assertThat(text.split("Un avis est à examiner selon l'analyse", -1)).hasSize(3);
        assertThat(jdbc.sql("""
                select count(*) from alerts_delivery d join alerts_alert a on a.id = d.alert_id where a.cabinet_id = ? and d.state <> 'ENVOYEE'
                """).param(cabinet).query(Long.class).single()).isZero();
    }

    @Test
    void alertsRaisedTogetherArePlannedAsIfRaisedOneAfterTheOther() {
        var now = Instant.now();
        var earlier = "ensemble:" + UUID.randomUUID();
        assertThat(raiser.raise(cabinet, AlertTrigger.A_EXAMINER, earlier, "/mentions/" + UUID.randomUUID(), List.of("1", "30"), now)).isPresent();
        var pending = new ArrayList<AlertRaiser.Pending>();
        pending.add(new AlertRaiser.Pending(AlertTrigger.A_EXAMINER, earlier, "/mentions/x", List.of("1", "30")));
        var keys = new ArrayList<String>();
        for (var i = 0; i < 4; i++) {
            keys.add("ensemble:" + UUID.randomUUID());
            pending.add(new AlertRaiser.Pending(AlertTrigger.A_EXAMINER, keys.get(i), "/mentions/" + UUID.randomUUID(), List.of("1", "30")));
        }
        pending.add(new AlertRaiser.Pending(AlertTrigger.A_EXAMINER, keys.get(0), "/mentions/doublon", List.of("1", "30")));
        pending.add(new AlertRaiser.Pending(AlertTrigger.MENACE, "ensemble-menace:" + UUID.randomUUID(), "/mentions/" + UUID.randomUUID(), List.of("1", "90")));

        var created = raiser.raiseAll(cabinet, pending, now);

        // The key raised before and the one given twice make no new alert: four to examine and the threat.
        assertThat(created).hasSize(5).doesNotHaveDuplicates();
        assertThat(alertsOfCabinet()).isEqualTo(6);
        // As one by one: with the earlier alert, the burst allows three immediate ones; the next two wait for the end
        // of the window, the threat never waits.
        var dueNow = jdbc.sql("""
                select a.unique_key from alerts_delivery d join alerts_alert a on a.id = d.alert_id
                where a.cabinet_id = ? and d.channel = 'EMAIL' and d.due_at <= ? order by a.created_at, a.unique_key
                """).params(cabinet, java.sql.Timestamp.from(now)).query(String.class).list();
        assertThat(dueNow).hasSize(4).contains(earlier, keys.get(0), keys.get(1)).anyMatch(key -> key.startsWith("ensemble-menace:"));
        assertThat(jdbc.sql("""
                select a.unique_key from alerts_delivery d join alerts_alert a on a.id = d.alert_id
                where a.cabinet_id = ? and d.channel = 'EMAIL' and d.due_at > ?
                """).params(cabinet, java.sql.Timestamp.from(now)).query(String.class).list())
            .containsExactlyInAnyOrder(keys.get(2), keys.get(3));
    }

    @Test
    void newNegativeReviewsGiveOneAlertPerAnalysedBatchInTheDailyDigest() throws Exception {
        for (var text : List.of("Accueil désagréable, attente interminable et aucune explication. Je ne reviendrai pas.",
                "Très déçu, rendez-vous annulé sans prévenir et personne pour répondre au téléphone.")) {
            mentions.addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(), "Anonyme", 2, text,
                    "2026-11-25"));
        }
        await("l'alerte d'avis négatif", () -> jdbc.sql("select count(*) from alerts_alert where cabinet_id = ? and trigger = 'AVIS_NEGATIF'")
            .param(cabinet).query(Long.class).single() == 2);
        // A digest by default: nothing about them leaves before the morning.
        dispatcher.dispatchDue(Instant.now());
        assertThat(digests()).isEmpty();
        dispatcher.dispatchDue(Instant.now().plus(Duration.ofDays(2)));
        var mails = digests();
        assertThat(mails).hasSize(1);
        var text = parts(mails.get(0)).get(0);
        // Each manual addition is its own analysed batch, so its own alert (an import of many is one alert).
        assertThat(text.split("Un nouvel avis négatif est paru.", -1)).hasSize(3);
        assertThat(text).contains("sans jamais évoquer de soins").doesNotContain("Accueil désagréable", "rendez-vous annulé");
    }

    @Test
    void threeNegativeReviewsWithinDaysRaiseTheWaveAlertFromTheAnalysis() throws Exception {
        var texts = List.of("Attente interminable, accueil froid, je déconseille ce cabinet.",
                "Secrétariat injoignable et rendez-vous décalé deux fois, très décevant.",
                "Consultation expédiée en cinq minutes, aucune écoute, je suis déçue.");
        for (var i = 0; i < texts.size(); i++) {
            mentions.addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(), "Auteur " + i, 1,
                    texts.get(i), "2026-11-2" + i));
        }
        await("l'alerte de vague", () -> jdbc.sql("select count(*) from alerts_alert where cabinet_id = ? and trigger = 'VAGUE'")
            .param(cabinet).query(Long.class).single() == 1);
        await("l'e-mail de vague", () -> mailsTo(user).stream().anyMatch(m -> subject(m).contains("plusieurs avis rapprochés")
                || plainText(m).contains("peut-être une campagne coordonnée")));
    }

    @Test
    void aWaveAlertsOnceEvenWhenItGrows() throws Exception {
        var first = UUID.randomUUID();
        var from = Instant.parse("2026-11-20T00:00:00Z");
        publish(new WaveDetected(cabinet, WaveKind.RAFALE_NEGATIVE, first, 3, from, from.plus(Duration.ofDays(2))));
        await("l'e-mail de vague", () -> mailsTo(user).size() == 1);
        var mail = mailsTo(user).get(0);
        assertThat(mail.getSubject()).isEqualTo("Égide — plusieurs avis rapprochés demandent votre attention");
        assertThat(parts(mail).get(0)).contains("3 avis négatifs sont parus en peu de temps : peut-être une campagne coordonnée.",
                "pas la preuve qu'ils sont faux", "https://egide.example.org/mentions/" + first);

        // The refresh that sees it grow publishes its waves as one event (here with another, new wave).
        var other = UUID.randomUUID();
        publish(new WavesDetected(cabinet, List.of(new WaveDetected(cabinet, WaveKind.RAFALE_NEGATIVE, first, 5, from, from.plus(Duration.ofDays(3))),
                new WaveDetected(cabinet, WaveKind.MEME_AUTEUR, other, 2, from, from.plus(Duration.ofDays(1))))));
        await("la seconde vague", () -> alertsOfCabinet() == 2);
        Thread.sleep(500);
        await("la publication traitée", () -> jdbc.sql("select count(*) from event_publication where serialized_event like ? and completion_date is null")
            .param("%" + first + "%").query(Long.class).single() == 0);
        assertThat(alertsOfCabinet()).as("la vague qui grandit ne fait pas de seconde alerte").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from alerts_alert where cabinet_id = ? and unique_key like ?").params(cabinet, "%" + first)
            .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theMorningPollRaisesEachDeadlineReminderOnceAndCatchesUpAMissedDay(@Autowired Dossiers dossiers,
            @Autowired DeadlineReminders reminders) throws Exception {
        var text = "Ce médecin est un incompétent et un escroc. " + UUID.randomUUID();
        mentions.addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(), "Anonyme", 1, text,
                "2026-11-20"));
        var mention = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and text = ?").params(cabinet, text).query(UUID.class).single();
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (jdbc.sql("select count(*) from analysis_mention where mention_id = ?").param(mention).query(Long.class).single() == 0) {
            assertThat(System.nanoTime()).as("analyse jamais faite").isLessThan(deadline);
            Thread.sleep(100);
        }
        var dossier = dossiers.open(cabinet, List.of(mention), null, "Avis du 20 novembre");
        var today = LocalDate.now(PARIS);
        var first = dossiers.reminders(cabinet, today, today.plusYears(2)).stream()
            .filter(r -> r.dossierId().equals(dossier.id()))
            .min(java.util.Comparator.comparing(Dossiers.Reminder::on))
            .orElseThrow();

        // The morning before: nothing yet.
        reminders.raiseDue(first.on().minusDays(1));
        assertThat(jdbc.sql("select count(*) from alerts_alert where cabinet_id = ? and trigger = 'ECHEANCE'").param(cabinet).query(Long.class).single())
            .isZero();
        // The job did not run on the day: the next morning catches it up; running again raises nothing new.
        var raised = reminders.raiseDue(first.on().plusDays(1));
        assertThat(raised).isPositive();
        assertThat(reminders.raiseDue(first.on().plusDays(1))).isZero();
        var keys = jdbc.sql("select unique_key from alerts_alert where cabinet_id = ? and trigger = 'ECHEANCE'").param(cabinet).query(String.class).list();
        // (raised counts every cabinet's new reminders: other tests' dossiers share the database.)
        assertThat(keys).isNotEmpty().hasSizeLessThanOrEqualTo(raised).doesNotHaveDuplicates().anyMatch(k -> k.contains(dossier.id().toString()) && k.endsWith(":J" + first.daysBefore()));
        await("l'e-mail d'échéance", () -> deadlineMails().size() == 1);
        assertThat(parts(deadlineMails().get(0)).get(0)).contains("Dossier " + first.reference(), "(J-" + first.daysBefore() + ")");
    }

    List<MimeMessage> digests() {
        return mailsTo(user).stream().filter(m -> subject(m).startsWith("Égide — votre récapitulatif du jour")).toList();
    }

    static String plainText(MimeMessage mail) {
        try {
            return parts(mail).get(0);
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        }
        catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<MimeMessage> deadlineMails() {
        return mailsTo(user).stream().filter(m -> {
            try {
                return m.getSubject().contains("échéance") || m.getSubject().contains("éléments demandent");
            }
            catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void theWebhookPageSetsChecksAndRemovesACabinetsWebhook() throws Exception {
        var browser = new Browser(port);
        browser.signIn(user);
        var page = browser.get("/alertes/webhooks");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Browser.text(page)).contains("Webhooks des cabinets", "X-Egide-Signature", "Pas de webhook.");

        var tooShort = browser.post("/alertes/webhooks/" + cabinet, false, "url", "https://hooks.exemple.fr/egide", "secret", "court");
        assertThat(Browser.text(tooShort)).contains("au moins 16 caractères");
        assertThat(alerts.webhook(cabinet)).isNull();

        var saved = browser.post("/alertes/webhooks/" + cabinet, false, "url", "https://hooks.exemple.fr/egide", "secret", "un-secret-assez-long-0123");
        assertThat(Browser.text(saved)).contains("Le webhook est enregistré.", "https://hooks.exemple.fr/egide").doesNotContain("un-secret-assez-long");
        assertThat(alerts.webhook(cabinet)).isEqualTo("https://hooks.exemple.fr/egide");

        var removed = browser.post("/alertes/webhooks/" + cabinet, false, "remove", "1");
        assertThat(Browser.text(removed)).contains("Le webhook est supprimé.");
        assertThat(alerts.webhook(cabinet)).isNull();
    }

    boolean completed(UUID mention) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like ? and listener_id like ? and completion_date is not null")
            .params("%" + mention + "%", "%AlertListeners%")
            .query(Long.class)
            .single() == 1;
    }

}
