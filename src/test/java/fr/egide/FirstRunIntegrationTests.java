package fr.egide;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand-new installation, on a database of its own, with the demo enabled: every page leads to the
 * installation page until the first administrator exists, no default password works, and the
 * administrator then finds the fictional demo cabinet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "egide.db.embedded-database=first_run_tests", "egide.demo=true" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunIntegrationTests {

    @LocalServerPort
    int port;

    final HttpClient browser = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();

    HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    String csrfOf(HttpResponse<String> page) {
        return enc(Jsoup.parse(page.body()).selectFirst("input[name=_csrf]").val());
    }

    @Test
    @Order(1)
    void everyPageLeadsToInstallationUntilAnAdministratorExists() throws Exception {
        for (var path : new String[] { "/", "/connexion", "/mentions" }) {
            var response = get(path);
            assertThat(response.uri().getPath()).as(path).isEqualTo("/installation");
            assertThat(text(response)).contains("Installation d'Égide").contains("aucun mot de passe par défaut");
        }
        var token = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"admin\", \"password\": \"admin\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void installationValidatesThenCreatesTheAdministrator() throws Exception {
        var page = get("/installation");
        var refused = post("/installation", "_csrf=" + csrfOf(page) + "&email=pas-une-adresse&displayName=&password=court"
                + "&passwordConfirmation=autre");
        assertThat(text(refused)).contains("Cette adresse e-mail n'est pas valide.").contains("Votre nom est obligatoire.")
            .contains("Le mot de passe doit compter de 12 à 128 caractères.")
            .contains("Les deux mots de passe ne sont pas identiques.");

        var done = post("/installation", "_csrf=" + csrfOf(refused) + "&email=" + enc("titulaire@example.org")
                + "&displayName=" + enc("Dr Claire Dupont-Lefèvre") + "&password=" + enc("une phrase de passe solide")
                + "&passwordConfirmation=" + enc("une phrase de passe solide"));
        assertThat(done.uri().getPath()).isEqualTo("/connexion");
        assertThat(text(done)).contains("Le compte administrateur est créé");
        assertThat(get("/installation").uri().getPath()).isEqualTo("/connexion");
    }

    @Test
    @Order(3)
    void theAdministratorSeesTheFictionalDemoCabinet() throws Exception {
        var signIn = get("/connexion");
        var home = post("/connexion", "_csrf=" + csrfOf(signIn) + "&email=" + enc("titulaire@example.org")
                + "&motDePasse=" + enc("une phrase de passe solide"));
        assertThat(home.uri().getPath()).isEqualTo("/");
        var deadline = System.currentTimeMillis() + 10_000;
        // Access to the demo cabinet is granted by an event listener, after the installation's commit.
        while (!home.body().contains("PagesJaunes") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            home = get("/");
        }
        var figures = Jsoup.parse(home.body()).select(".card .figure").eachText();
        assertThat(figures.get(0)).isEqualTo("60");
        assertThat(home.body()).contains("Google").contains("PagesJaunes").contains("Forum Doctissimo");
        var cabinets = get("/cabinets");
        assertThat(text(cabinets)).contains("données fictives").contains("Dupont-Lefèvre").contains("Benali");
    }

}
