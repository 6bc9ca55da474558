package fr.egide;

import fr.egide.identity.CabinetRole;
import fr.egide.identity.internal.Memberships;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.MentionImports;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply workflow through the REST API, including attempts to skip its rules: a blocked reply cannot be
 * submitted, approval waits for the délai de réflexion unless a written reason is given, a cabinet that wants a
 * second reader gets one, states cannot be jumped, and other cabinets see nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepliesWorkflowIntegrationTests {

    static final String GOOD = "Madame, Monsieur, Merci pour votre message. Nous avons revu l'organisation de l'accueil "
            + "téléphonique. Je vous invite à contacter le secrétariat du cabinet par téléphone. Bien cordialement,";

    static final String BAD = "Madame, Lors de votre consultation du 12 mars, vous étiez en retard !!! Bien cordialement,";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    MentionImports imports;

    @Autowired
    Mentions mentions;

    final HttpClient http = HttpClient.newHttpClient();

    final JsonMapper json = JsonMapper.builder().build();

    String author;

    String colleague;

    String stranger;

    UUID cabinet;

    UUID mention;

    @BeforeEach
    void cabinetWithAReview() {
        var titulaire = TestAccounts.create(context, "Dr Réponse");
        TestAccounts.signIn(context, titulaire);
        cabinet = practice.createCabinet(new CabinetForm("Cabinet des réponses " + UUID.randomUUID(), null, null, null)).id();
        var file = "source;external_id;rating;text\nGoogle;r-1;2;Secrétaire désagréable au téléphone, impossible de joindre le cabinet.\n";
        imports.importFile(cabinet, "r.csv", () -> new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null);
        mention = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 1).items().get(0).id();
        var second = TestAccounts.create(context, "Dr Relecture");
        TestAccounts.grant(context, second, cabinet);
        author = TestAccounts.token(context, titulaire);
        colleague = TestAccounts.token(context, second);
        stranger = TestAccounts.token(context, TestAccounts.create(context, "Dr Ailleurs"));
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body());
    }

    String text(String value) {
        return json.writeValueAsString(java.util.Map.of("text", value));
    }

    UUID create(String value) throws Exception {
        return UUID.fromString(ok(call(author, "POST", "/api/v1/mentions/" + mention + "/replies", text(value))).get("id").asString());
    }

    @Test
    void theAssistantAdvisesAndItsDraftsPassTheLinter() throws Exception {
        var advice = ok(call(author, "GET", "/api/v1/mentions/" + mention + "/reply-advice", null));
        assertThat(advice.get("recommendation").asString()).isIn("NE_PAS_REPONDRE", "REPONSE_BREVE", "CONTACT_PRIVE");
        assertThat(advice.get("reason").asString()).isNotBlank();
        assertThat(advice.get("drafts")).isNotEmpty();
        advice.get("drafts").forEach(draft -> assertThat(draft.get("lint").get("verdict").asString()).isEqualTo("PUBLIABLE"));
        var lint = ok(call(author, "POST", "/api/v1/replies/lint", "{\"reply\": " + json.writeValueAsString(BAD) + "}"));
        assertThat(lint.get("verdict").asString()).isEqualTo("BLOQUANT");
    }

    @Test
    void aBlockedReplyCannotBeSubmittedApprovedOrPublished() throws Exception {
        var id = create(BAD);
        var draft = ok(call(author, "GET", "/api/v1/replies/" + id, null));
        assertThat(draft.get("versions").get(0).get("lint").get("verdict").asString()).isEqualTo("BLOQUANT");
        var submit = call(author, "POST", "/api/v1/replies/" + id + "/submit", null);
        assertThat(submit.statusCode()).isEqualTo(409);
        assertThat(submit.body()).contains("bloquée par la vérification").contains("SECRET_MEDICAL");
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/approve", "{\"overrideReason\": \"urgence absolue ici\"}").statusCode())
            .isEqualTo(409);
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/publish", "{}").statusCode()).isEqualTo(409);
        assertThat(ok(call(author, "GET", "/api/v1/replies/" + id, null)).get("state").asString()).isEqualTo("BROUILLON");
    }

    @Test
    void approvalWaitsForTheReflectionDelayUnlessAWrittenReasonIsKept() throws Exception {
        var id = create(GOOD);
        ok(call(author, "POST", "/api/v1/replies/" + id + "/submit", null));
        var early = call(author, "POST", "/api/v1/replies/" + id + "/approve", "{}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(early.body()).contains("Délai de réflexion en cours jusqu'au").contains("raison écrite");
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/approve", "{\"overrideReason\": \"vite\"}").statusCode()).isEqualTo(409);
        var approved = ok(call(author, "POST", "/api/v1/replies/" + id + "/approve",
                "{\"overrideReason\": \"Avis très visible, réponse relue par mon associé au téléphone.\"}"));
        assertThat(approved.get("state").asString()).isEqualTo("APPROUVE");
        var kinds = approved.get("events").valueStream().map(e -> e.get("kind").asString()).toList();
        assertThat(kinds).containsSubsequence("CREE", "SOUMIS", "DELAI_LEVE", "APPROUVE");
        var lifted = approved.get("events").valueStream().filter(e -> e.get("kind").asString().equals("DELAI_LEVE")).findFirst().orElseThrow();
        assertThat(lifted.get("comment").asString()).contains("Avis très visible");
        assertThat(lifted.get("userName").asString()).isEqualTo("Dr Réponse");
    }

    @Test
    void aCabinetCanRequireApprovalBySomeoneElse() throws Exception {
        var settings = ok(call(author, "PUT", "/api/v1/cabinets/" + cabinet + "/reply-settings",
                "{\"reflectionHours\": 0, \"requirePeerReview\": true}"));
        assertThat(settings.get("requirePeerReview").asBoolean()).isTrue();
        var id = create(GOOD);
        ok(call(author, "POST", "/api/v1/replies/" + id + "/submit", null));
        var self = call(author, "POST", "/api/v1/replies/" + id + "/approve", "{}");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.body()).contains("relecture par un tiers");
        var approved = ok(call(colleague, "POST", "/api/v1/replies/" + id + "/approve", "{}"));
        var approval = approved.get("events").valueStream().filter(e -> e.get("kind").asString().equals("APPROUVE")).findFirst().orElseThrow();
        assertThat(approval.get("userName").asString()).isEqualTo("Dr Relecture");
        assertThat(approval.get("at").asString()).isNotBlank();
        assertThat(call(author, "PUT", "/api/v1/cabinets/" + cabinet + "/reply-settings", "{\"reflectionHours\": 9999}").statusCode())
            .isEqualTo(400);
        assertThat(approval.get("comment").asString()).contains("délai de réflexion de 0 h").contains("relecture par un tiers exigée");
        var secretary = TestAccounts.create(context, "Secrétariat Réponses");
        context.getBean(Memberships.class).grant(secretary.id(), cabinet, CabinetRole.SECRETARIAT);
        var refused = call(TestAccounts.token(context, secretary), "PUT", "/api/v1/cabinets/" + cabinet + "/reply-settings",
                "{\"reflectionHours\": 0, \"requirePeerReview\": false}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Secrétariat").contains("ne permet pas de gérer le cabinet");
    }

    @Test
    void statesCannotBeSkippedAndAPublishedReplyIsFinal() throws Exception {
        ok(call(author, "PUT", "/api/v1/cabinets/" + cabinet + "/reply-settings", "{\"reflectionHours\": 0}"));
        var id = create(GOOD);
        assertThat(call(author, "POST", "/api/v1/mentions/" + mention + "/replies", text(GOOD)).statusCode())
            .as("one reply in progress per mention").isEqualTo(409);
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/approve", "{}").statusCode()).isEqualTo(409);
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/publish", "{}").statusCode()).isEqualTo(409);
        ok(call(author, "POST", "/api/v1/replies/" + id + "/submit", null));
        var edited = ok(call(author, "POST", "/api/v1/replies/" + id + "/versions",
                text(GOOD.replace("Bien cordialement,", "Bien à vous,"))));
        assertThat(edited.get("state").asString()).as("an edit sends it back").isEqualTo("BROUILLON");
        assertThat(edited.get("versions")).hasSize(2);
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/versions", text(GOOD.replace("Bien cordialement,", "Bien à vous,")))
            .statusCode()).as("an unchanged text is not a version").isEqualTo(400);
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/approve", "{}").statusCode()).isEqualTo(409);
        ok(call(author, "POST", "/api/v1/replies/" + id + "/submit", null));
        ok(call(author, "POST", "/api/v1/replies/" + id + "/approve", "{}"));
        var badUrl = call(author, "POST", "/api/v1/replies/" + id + "/publish", "{\"url\": \"javascript:alert(1)\"}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        var published = ok(call(author, "POST", "/api/v1/replies/" + id + "/publish",
                "{\"url\": \"https://www.google.com/maps/reviews/exemple\"}"));
        assertThat(published.get("state").asString()).isEqualTo("PUBLIE");
        assertThat(published.get("publishedText").asString()).endsWith("Bien à vous,");
        assertThat(published.get("publishedVia").asString()).isEqualTo("copie manuelle");
        assertThat(context.getBean(fr.egide.audit.AuditLog.class).chain(cabinet.toString())).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(fr.egide.audit.AuditAction.REPONSE_PUBLIEE);
            assertThat(e.objectId()).isEqualTo(id.toString());
            assertThat(e.details()).containsEntry("adresse", "https://www.google.com/maps/reviews/exemple");
        });
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/versions", text(GOOD)).statusCode()).isEqualTo(409);
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/abandon", "{\"comment\": \"plus utile\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void abandoningNeedsAReasonAndOtherCabinetsSeeNothing() throws Exception {
        var id = create(GOOD);
        assertThat(call(stranger, "GET", "/api/v1/replies/" + id, null).statusCode()).isEqualTo(404);
        assertThat(call(stranger, "POST", "/api/v1/replies/" + id + "/submit", null).statusCode()).isEqualTo(404);
        assertThat(call(stranger, "GET", "/api/v1/mentions/" + mention + "/reply-advice", null).statusCode()).isEqualTo(404);
        assertThat(call(author, "POST", "/api/v1/replies/" + id + "/abandon", "{\"comment\": \" \"}").statusCode()).isEqualTo(400);
        var abandoned = ok(call(author, "POST", "/api/v1/replies/" + id + "/abandon", "{\"comment\": \"Ne pas répondre.\"}"));
        assertThat(abandoned.get("state").asString()).isEqualTo("ABANDONNE");
        assertThat(call(author, "POST", "/api/v1/mentions/" + mention + "/replies", text(GOOD)).statusCode())
            .as("a new reply after an abandoned one").isEqualTo(201);
        assertThat(call(author, "POST", "/api/v1/mentions/" + mention + "/replies", "{\"text\": \"\"}").statusCode()).isEqualTo(400);
    }

}
