package fr.egide.analysis;

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
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Imported mentions are analysed in the background and their analysis is served by the API and the page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalysisIntegrationTests {

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

    @Autowired
    MentionAnalyses analyses;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void importedMentionsAreAnalysedAndServed() throws Exception {
        var user = TestAccounts.create(context, "Dr Analyse");
        TestAccounts.signIn(context, user);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet analysé", null, null, null)).id();
        var file = "source;external_id;rating;text\nGoogle;an-1;1;Le Dr Roux est un con.\n";
        imports.importFile(cabinet, "a.csv", () -> new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null);
        var mentionId = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 1)
            .items()
            .get(0)
            .id();

        Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            TestAccounts.signIn(context, user);
            assertThat(analyses.ofMention(mentionId).qualification()).isEqualTo(Qualification.ILLICITE_PROBABLE);
        });

        var token = TestAccounts.token(context, user);
        var stored = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mentions/" + mentionId + "/analysis"))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("\"INJURE\"").contains("un con");

        var stranger = TestAccounts.token(context, TestAccounts.create(context, "Dr Curieuse"));
        var hidden = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/mentions/" + mentionId + "/analysis"))
            .header("Authorization", "Bearer " + stranger).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(hidden.statusCode()).isEqualTo(404);
    }

    @Test
    void analysesAnyTextOnDemand() throws Exception {
        var token = TestAccounts.token(context, TestAccounts.create(context, "Dr Demande"));
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/analysis"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"Dr. X exerce sans diplôme\", \"rating\": 1, \"source\": \"Google\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"DIFFAMATION\"").contains("sans diplôme").contains("\"qualification\":\"ILLICITE_PROBABLE\"")
            .contains("\"analyzerVersion\"");
        var empty = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/analysis"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).isEqualTo(400);
    }

}
