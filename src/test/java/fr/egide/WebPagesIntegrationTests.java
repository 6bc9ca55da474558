package fr.egide;

import fr.egide.identity.internal.TestAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI as a secretary uses it, over real HTTP with a session cookie and CSRF tokens: sign in, create
 * the cabinet, add a practitioner, import a file, filter the mentions (also as an htmx fragment), open one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    HttpClient browser;

    @BeforeEach
    void newBrowser() {
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrf(String html) {
        return Jsoup.parse(html).selectFirst("input[name=_csrf]").val();
    }

    HttpResponse<String> postForm(String path, String csrfPage, String... fields) throws Exception {
        var body = new StringBuilder("_csrf=" + enc(csrf(get(csrfPage).body())));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return browser.send(HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    void signIn() throws Exception {
        var user = TestAccounts.create(context, "Secrétariat Test");
        var response = postForm("/connexion", "/connexion", "email", user.email(), "motDePasse", TestAccounts.PASSWORD);
        assertThat(response.uri().getPath()).isEqualTo("/");
        assertThat(text(response)).contains("Tableau de bord").contains("Secrétariat Test");
    }

    @Test
    void aWrongPasswordShowsAFrenchErrorOnTheSignInPage() throws Exception {
        TestAccounts.create(context, "Dr Oubli");
        var response = postForm("/connexion", "/connexion", "email", "inconnu@example.org", "motDePasse", "faux");
        assertThat(response.uri().getQuery()).isEqualTo("erreur");
        assertThat(text(response)).contains("Adresse e-mail ou mot de passe incorrect.");
    }

    @Test
    void aNewUserIsLedToCreateACabinetThenImportsAndBrowses() throws Exception {
        signIn();
        assertThat(text(get("/"))).contains("Créer mon cabinet");

        var invalid = postForm("/cabinets", "/cabinets", "name", "", "postalCode", "33");
        assertThat(text(invalid)).contains("Le nom du cabinet est obligatoire.").contains("Le code postal compte 5 chiffres.");

        var created = postForm("/cabinets", "/cabinets", "name", "Cabinet de kinésithérapie du Port", "street",
                "2 quai Imaginaire", "postalCode", "17000", "city", "La Rochelle");
        assertThat(text(created)).contains("Cabinet créé").contains("Cabinet de kinésithérapie du Port");
        var cabinetPath = created.uri().getPath();

        var badRpps = postForm(cabinetPath + "/praticiens/nouveau", cabinetPath + "/praticiens/nouveau",
                "civility", "M", "firstName", "Luc", "lastName", "Marin", "profession", "MASSEUR_KINESITHERAPEUTE",
                "rpps", "1234");
        assertThat(text(badRpps)).contains("Le numéro RPPS compte 11 chiffres.");
        var practitioner = postForm(cabinetPath + "/praticiens/nouveau", cabinetPath + "/praticiens/nouveau",
                "civility", "M", "firstName", "Luc", "lastName", "Marin", "profession", "MASSEUR_KINESITHERAPEUTE",
                "rpps", "100 000 000 42", "nameVariants", "Luc Marin kiné\nkiné Marin La Rochelle");
        assertThat(text(practitioner)).contains("Praticien enregistré.").contains("10000000042")
            .contains("Luc Marin kiné, kiné Marin La Rochelle");

        var cabinetId = cabinetPath.substring(cabinetPath.lastIndexOf('/') + 1);
        var report = upload(cabinetId, "avis.csv", """
                source;external_id;rating;text;date
                Google;w-1;5;Kiné attentionné, séances efficaces;il y a 2 semaines
                Google;w-2;1;Attente interminable, jamais à l'heure;hier
                Google;w-3;7;Note impossible;hier
                """);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(text(report)).contains("Rapport d'import").contains("Note impossible")
            .contains("La note doit être un nombre entier de 1 à 5");
        var page = Jsoup.parse(report.body());
        assertThat(page.select(".card .figure").eachText()).startsWith("2", "0", "0", "0", "1");

        var list = get("/mentions?q=" + enc("interminables"));
        assertThat(text(list)).contains("Attente interminable").doesNotContain("séances efficaces");
        var fragment = get("/mentions?maxRating=2", "HX-Request", "true");
        assertThat(fragment.body()).doesNotContain("<html").contains("id=\"resultats\"").contains("Attente interminable")
            .doesNotContain("séances efficaces");

        var link = Jsoup.parse(list.body()).selectFirst(".mention a.title").attr("href");
        var detail = get(link);
        assertThat(text(detail)).contains("Historique des versions").contains("Version 1").contains("hier")
            .contains("Données brutes reçues");

        assertThat(text(get("/"))).contains("Google").contains("3,0");
    }

    @Test
    void anotherUsersMentionIsNotFound() throws Exception {
        signIn();
        var response = get("/mentions/" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(response)).contains("Mention introuvable.");
        var unknown = get("/page-inconnue", "Accept", "text/html,application/xhtml+xml");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(text(unknown)).contains("Page introuvable");
    }

    HttpResponse<String> upload(String cabinetId, String fileName, String content) throws Exception {
        var token = csrf(get("/import").body());
        var boundary = "----egide" + UUID.randomUUID();
        var body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"cabinetId\"\r\n\r\n" + cabinetId + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return browser.send(HttpRequest.newBuilder(URI.create(url("/import")))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
