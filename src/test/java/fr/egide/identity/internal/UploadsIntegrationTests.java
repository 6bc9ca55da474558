package fr.egide.identity.internal;

import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads are checked before they are stored: an upload over the size limit (1 MB here) answers 413 in French on
 * the API and on the pages (not a bare CSRF refusal), and a file of the wrong type is refused with a clear 4xx,
 * nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB" })
class UploadsIntegrationTests {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    static byte[] multipart(String fileName, byte[] content, String... fields) {
        var out = new java.io.ByteArrayOutputStream();
        var head = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            head.append("--x\r\nContent-Disposition: form-data; name=\"").append(fields[i]).append("\"\r\n\r\n").append(fields[i + 1])
                .append("\r\n");
        }
        head.append("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
            .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    HttpResponse<String> upload(WebClient client, String path, byte[] body, String... headers) throws Exception {
        var builder = client.request(path).header("Content-Type", "multipart/form-data; boundary=x")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return client.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    int mentionsOf(java.util.UUID cabinetId) {
        return jdbc.sql("select count(*) from monitoring_mention where cabinet_id = ?").param(cabinetId).query(Integer.class).single();
    }

    @Test
    void anOversizedUploadAnswers413InFrenchOnTheApiAndOnThePages() throws Exception {
        var user = TestAccounts.create(context, "Dr Gros Fichier");
        TestAccounts.signIn(context, user);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet lourd", null, null, null));
        TestAccounts.signOut();
        var big = ("source;text\n" + "Google;Un avis\n".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan(1024 * 1024);

        var api = new WebClient(port);
        var response = upload(api, "/api/v1/imports?cabinetId=" + cabinet.id(), multipart("avis.csv", big), "Authorization",
                "Bearer " + TestAccounts.token(context, user));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Fichier trop volumineux : 1 Mo au plus");

        var browser = new WebClient(port);
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        var csrf = WebClient.csrf(browser.get("/import").body());
        var page = upload(browser, "/import", multipart("avis.csv", big, "_csrf", csrf, "cabinetId", cabinet.id().toString()));
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(WebClient.text(page)).contains("Fichier trop volumineux");
        assertThat(mentionsOf(cabinet.id())).isZero();
    }

    @Test
    void filesOfTheWrongTypeAreRefusedWithAClearMessageAndNothingStored() throws Exception {
        var user = TestAccounts.create(context, "Dr Mauvais Type");
        TestAccounts.signIn(context, user);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet typé", null, null, null));
        TestAccounts.signOut();
        var bearer = "Bearer " + TestAccounts.token(context, user);
        var api = new WebClient(port);

        var image = upload(api, "/api/v1/imports?cabinetId=" + cabinet.id(), multipart("avis.csv", PNG), "Authorization", bearer);
        assertThat(image.statusCode()).isBetween(400, 499);
        assertThat(image.body()).contains("ECHEC");
        assertThat(mentionsOf(cabinet.id())).isZero();

        var notMultipart = api.json("POST", "/api/v1/imports?cabinetId=" + cabinet.id(), "{\"file\": \"x\"}", "Authorization", bearer);
        assertThat(notMultipart.statusCode()).isEqualTo(415);
        assertThat(notMultipart.body()).contains("Type de contenu non pris en charge");

    }

}
