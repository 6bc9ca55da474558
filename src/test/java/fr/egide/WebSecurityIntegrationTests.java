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
    }

    @Test
    void openApiDocumentDescribesTheApi() throws Exception {
        var response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/mentions").contains("/api/v1/imports")
            .contains("/api/v1/auth/token").contains("/api/v1/cabinets").contains("bearer");
    }

}
