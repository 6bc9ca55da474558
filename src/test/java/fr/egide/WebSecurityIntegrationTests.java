package fr.egide;

import fr.egide.identity.internal.TestAccounts;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as a browser and an API client meet it, over real HTTP: pages and API refuse the
 * unauthenticated, forms demand a CSRF token, the API answers in problem details and never shows another
 * cabinet's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSecurityIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    fr.egide.monitoring.MentionImports imports;

    @Autowired
    fr.egide.monitoring.Mentions mentions;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsPublicAndUp() throws Exception {
        var response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void pagesRedirectTheUnauthenticatedToSignIn() throws Exception {
        TestAccounts.create(context, "Dr Installée");
        for (var page : new String[] { "/", "/mentions", "/import", "/cabinets" }) {
            var response = get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/connexion"));
        }
    }

    @Test
    void apiRefusesTheUnauthenticatedWithAProblemDetail() throws Exception {
        var response = get("/api/v1/mentions");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":401").contains("Authentification requise");
        var forged = get("/api/v1/mentions", "Authorization", "Bearer egd_faux");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("Jeton invalide");
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        TestAccounts.create(context, "Dr Csrf");
        var response = post("/connexion", "application/x-www-form-urlencoded",
                "email=x%40example.org&motDePasse=nimportequoi");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void signInPageCarriesACsrfTokenAndSecurityHeaders() throws Exception {
        TestAccounts.create(context, "Dr Entête");
        var response = get("/connexion");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("name=\"_csrf\"").contains("Connexion");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void tokenEndpointExchangesCredentialsForABearerToken() throws Exception {
        var user = TestAccounts.create(context, "Dr Jeton");
        var wrong = post("/api/v1/auth/token", "application/json",
                "{\"email\": \"" + user.email() + "\", \"password\": \"mauvais mot de passe\"}");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Identifiants incorrects");
        var unknown = post("/api/v1/auth/token", "application/json",
                "{\"email\": \"personne@example.org\", \"password\": \"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());

        var ok = post("/api/v1/auth/token", "application/json",
                "{\"email\": \"" + user.email().toUpperCase() + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        var token = ok.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(token).startsWith("egd_");
        var mentions = get("/api/v1/mentions", "Authorization", "Bearer " + token);
        assertThat(mentions.statusCode()).isEqualTo(200);
        assertThat(mentions.body()).contains("\"totalItems\":0");
    }

    @Test
    void anotherCabinetsDataAnswersNotFound() throws Exception {
        var owner = TestAccounts.create(context, "Dr Propriétaire");
        TestAccounts.signIn(context, owner);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet privé", null, null, null));
        TestAccounts.signOut();
        var stranger = TestAccounts.create(context, "Dr Curieux");
        var token = TestAccounts.token(context, stranger);

        var response = get("/api/v1/cabinets/" + cabinet.id(), "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var filtered = get("/api/v1/mentions?cabinetId=" + cabinet.id(), "Authorization", "Bearer " + token);
        assertThat(filtered.statusCode()).isEqualTo(404);
        var ownerToken = TestAccounts.token(context, owner);
        assertThat(get("/api/v1/cabinets/" + cabinet.id(), "Authorization", "Bearer " + ownerToken).statusCode())
            .isEqualTo(200);

        // Every kind of object of that cabinet, read or changed by the stranger: not found, and unchanged.
        TestAccounts.signIn(context, owner);
        var practitioner = practice.addPractitioner(cabinet.id(), new fr.egide.practice.PractitionerForm(
                fr.egide.practice.Civility.DR, "Anne", "Privée", fr.egide.practice.Profession.MEDECIN, null, null, null,
                null, null, null, false));
        var report = imports.importFile(cabinet.id(), "a.csv", () -> new java.io.ByteArrayInputStream(
                "source;external_id;rating;text\nGoogle;p-1;2;Attente\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
        var mentionId = mentions.search(new fr.egide.monitoring.MentionFilter(cabinet.id(), null, null, null, null, null,
                null, null), 0, 1).items().get(0).id();
        TestAccounts.signOut();
        var bearer = "Bearer " + token;
        assertThat(get("/api/v1/mentions/" + mentionId, "Authorization", bearer).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/imports/" + report.id(), "Authorization", bearer).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/imports/" + report.id() + "/issues", "Authorization", bearer).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/sources?cabinetId=" + cabinet.id(), "Authorization", bearer).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/cabinets/" + cabinet.id() + "/practitioners/" + practitioner.id(), "Authorization", bearer)
            .statusCode()).isEqualTo(404);
        var status = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mentions/" + mentionId + "/status"))
            .header("Authorization", bearer).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"ARCHIVE\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(404);
        var delete = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/cabinets/" + cabinet.id()
                + "/practitioners/" + practitioner.id())).header("Authorization", bearer).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(404);
        var upload = post("/api/v1/imports?cabinetId=" + cabinet.id(), "multipart/form-data; boundary=x",
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nsource;text\nGoogle;Intrus\n\r\n--x--\r\n",
                "Authorization", bearer);
        assertThat(upload.statusCode()).isEqualTo(404);
        TestAccounts.signIn(context, owner);
        assertThat(mentions.detail(mentionId).mention().status()).isEqualTo(fr.egide.monitoring.MentionStatus.NOUVEAU);
        assertThat(practice.practitioners(cabinet.id())).hasSize(1);
        assertThat(mentions.search(new fr.egide.monitoring.MentionFilter(cabinet.id(), null, null, null, null, null, null, null),
                0, 10).totalItems()).isEqualTo(1);
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        var response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/mentions").contains("/api/v1/imports")
            .contains("/api/v1/auth/token").contains("/api/v1/cabinets").contains("bearer");
    }

}
