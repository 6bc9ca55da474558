package fr.egide.monitoring;

import fr.egide.identity.internal.TestAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API of the veille, as a script or another tool uses it: create, import, page, filter, read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    final JsonMapper json = JsonMapper.builder().build();

    final HttpClient http = HttpClient.newHttpClient();

    String token;

    @BeforeEach
    void signIn() {
        token = TestAccounts.token(context, TestAccounts.create(context, "Dr API"));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    String newCabinet() throws Exception {
        var response = send(at("/api/v1/cabinets").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Cabinet dentaire de l'API\", \"postalCode\": \"69003\"}")));
        assertThat(response.statusCode()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    HttpResponse<String> importFile(String cabinetId, String fileName, String content) throws Exception {
        var boundary = "----egide" + UUID.randomUUID();
        var multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return send(at("/api/v1/imports?cabinetId=" + cabinetId)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(multipart)));
    }

    @Test
    void importsThenPagesAndFiltersMentionsWithTheTotalCount() throws Exception {
        var cabinet = newCabinet();
        var lines = new StringBuilder();
        for (int i = 1; i <= 7; i++) {
            lines.append("{\"source\": \"Google\", \"external_id\": \"api-").append(i).append("\", \"rating\": ")
                .append(1 + i % 5).append(", \"text\": \"Avis numéro ").append(i).append("\", \"date\": \"il y a ")
                .append(i).append(" jours\"}\n");
        }
        var imported = importFile(cabinet, "avis.jsonl", lines.toString());
        assertThat(imported.statusCode()).isEqualTo(201);
        assertThat(body(imported).get("created").asInt()).isEqualTo(7);

        var page = send(at("/api/v1/mentions?cabinetId=" + cabinet + "&page=1&size=3").GET());
        assertThat(page.statusCode()).isEqualTo(200);
        var result = body(page);
        assertThat(result.get("totalItems").asLong()).isEqualTo(7);
        assertThat(result.get("totalPages").asInt()).isEqualTo(3);
        assertThat(result.get("page").asInt()).isEqualTo(1);
        assertThat(result.get("items").size()).isEqualTo(3);
        assertThat(result.get("items").get(0).get("text").asString()).isEqualTo("Avis numéro 4");

        var lowRatings = body(send(at("/api/v1/mentions?cabinetId=" + cabinet + "&maxRating=2").GET()));
        assertThat(lowRatings.get("totalItems").asLong()).isEqualTo(3);
        var id = lowRatings.get("items").get(0).get("id").asString();

        var detail = body(send(at("/api/v1/mentions/" + id).GET()));
        assertThat(detail.get("versions").size()).isEqualTo(1);
        assertThat(detail.get("raw").asString()).contains("external_id");

        var status = send(at("/api/v1/mentions/" + id + "/status").header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"ARCHIVE\"}")));
        assertThat(status.statusCode()).isEqualTo(204);
        assertThat(body(send(at("/api/v1/mentions?cabinetId=" + cabinet + "&status=ARCHIVE").GET())).get("totalItems")
            .asLong()).isEqualTo(1);
        assertThat(body(send(at("/api/v1/sources?cabinetId=" + cabinet).GET())).get(0).get("kind").asString())
            .isEqualTo("IMPORT");
    }

    @Test
    void aFailedImportAnswers422WithTheReason() throws Exception {
        var cabinet = newCabinet();
        var response = importFile(cabinet, "casse.json", "[{\"text\": \"ok\"} {\"text\": \"virgule manquante\"}]");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(body(response).get("status").asString()).isEqualTo("ECHEC");
        assertThat(body(response).get("error").asString()).contains("JSON mal formé ligne 1");
        var issues = send(at("/api/v1/imports/" + body(response).get("id").asString() + "/issues").GET());
        assertThat(body(issues).get("totalItems").asLong()).isZero();
    }

    @Test
    void badParametersGetAProblemDetailInFrench() throws Exception {
        var tooBig = send(at("/api/v1/mentions?size=1000").GET());
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(body(tooBig).get("detail").asString()).contains("de 1 à 100");

        var badId = send(at("/api/v1/mentions/pas-un-uuid").GET());
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(body(badId).get("detail").asString()).isEqualTo("Valeur invalide pour « id » : « pas-un-uuid ».");

        var badJson = send(at("/api/v1/cabinets").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": ")));
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(body(badJson).get("detail").asString()).startsWith("Corps de requête illisible");

        var unknown = send(at("/api/v1/nulle-part").GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(body(unknown).get("detail").asString()).contains("Adresse inconnue");

        var wrongMethod = send(at("/api/v1/mentions").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(body(wrongMethod).get("detail").asString()).contains("DELETE");

        var notMultipart = send(at("/api/v1/imports?cabinetId=" + UUID.randomUUID()).header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("source;text")));
        assertThat(notMultipart.statusCode()).isIn(400, 415);
        assertThat(notMultipart.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");

        var noFile = send(at("/api/v1/imports?cabinetId=" + UUID.randomUUID())
            .header("Content-Type", "multipart/form-data; boundary=x")
            .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(body(noFile).get("detail").asString()).contains("« file »");

        var badPractitioner = send(at("/api/v1/cabinets/" + newCabinet() + "/practitioners")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"civility\": \"DR\", \"firstName\": \"Ana\", \"lastName\": \"Roy\", "
                    + "\"profession\": \"MEDECIN\", \"rpps\": \"12345\"}")));
        assertThat(badPractitioner.statusCode()).as(badPractitioner.body()).isEqualTo(400);
        assertThat(body(badPractitioner).get("errors")).as(badPractitioner.body()).isNotNull();
        assertThat(body(badPractitioner).get("errors").get("rpps").asString()).isEqualTo("Le numéro RPPS compte 11 chiffres.");
    }

}
