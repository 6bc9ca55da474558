package fr.egide.replies.internal;

import com.sun.net.httpserver.HttpServer;
import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.ReplyLinter;
import fr.egide.compliance.Verdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Drafting through an OpenAI-compatible endpoint, against a local fake that speaks the documented shape of
 * {@code POST /v1/chat/completions} (model, messages with roles; answer in choices[0].message.content). What
 * comes back is linted like any text: a model that writes a bad reply is caught.
 */
class LanguageModelDraftsTests {

    final JsonMapper json = JsonMapper.builder().build();

    final List<JsonNode> requests = new ArrayList<>();

    final List<String> authorizations = new ArrayList<>();

    HttpServer server;

    String answer;

    int status = 200;

    @BeforeEach
    void fakeEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            requests.add(json.readTree(exchange.getRequestBody().readAllBytes()));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            var body = json.writeValueAsString(java.util.Map.of("id", "chatcmpl-1", "object", "chat.completion", "choices",
                    List.of(java.util.Map.of("index", 0, "finish_reason", "stop", "message",
                            java.util.Map.of("role", "assistant", "content", answer)))));
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    LanguageModelDrafts drafts() {
        return new LanguageModelDrafts("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/", "sk-test", "modele-local", json);
    }

    @Test
    void sendsOnlyThePublicReviewWithTheRulesAndReturnsTheText() {
        answer = "Madame, Monsieur, Merci pour votre message. Je vous invite à contacter le secrétariat du cabinet par téléphone. "
                + "Bien cordialement,";
        var text = drafts().propose("Secrétaire désagréable au téléphone.");
        assertThat(text).isEqualTo(answer);
        var request = requests.get(0);
        assertThat(request.get("model").asString()).isEqualTo("modele-local");
        assertThat(request.get("messages").get(0).get("role").asString()).isEqualTo("system");
        assertThat(request.get("messages").get(0).get("content").asString()).contains("secret médical").contains("solliciter");
        assertThat(request.get("messages").get(1).get("content").asString()).endsWith("Secrétaire désagréable au téléphone.");
        assertThat(authorizations.get(0)).isEqualTo("Bearer sk-test");
        var linter = ReplyLinter.standard(ReviewAnalyzer.standard());
        assertThat(linter.lint(text).verdict()).isEqualTo(Verdict.PUBLIABLE);
    }

    @Test
    void aBadModelAnswerIsCaughtByTheLinterAndFailuresAreExplained() {
        answer = "Madame, lors de votre consultation du 3 mars vous étiez en retard. Laissez-nous 5 étoiles ! Cordialement,";
        var linter = ReplyLinter.standard(ReviewAnalyzer.standard());
        assertThat(linter.lint(drafts().propose("Nul.")).verdict()).isEqualTo(Verdict.BLOQUANT);
        status = 500;
        assertThatThrownBy(() -> drafts().propose("Nul.")).hasMessageContaining("a répondu 500");
        server.stop(0);
        assertThatThrownBy(() -> drafts().propose("Nul.")).hasMessageContaining("injoignable");
        var off = new LanguageModelDrafts("", "", "", json);
        assertThat(off.enabled()).isFalse();
        assertThatThrownBy(() -> off.propose("x")).hasMessageContaining("pas configurée");
    }

}
