package fr.egide.compliance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code lint-reply} command's contract: one JSON line per input line, in order, with id, verdict and
 * findings (rule, severity, spans, message, basis); errors as lines; status 0. Run here with LanguageTool, as
 * the command runs by default.
 */
class LintReplyCommandTests {

    @Test
    void answersEveryLineInOrderWithVerdictsFindingsAndErrors() throws Exception {
        var json = JsonMapper.builder().build();
        var lines = List.of(
                json.writeValueAsString(java.util.Map.of("id", "seed-bad", "reply", ReplyLinterUnitTests.BAD_SEED)),
                json.writeValueAsString(java.util.Map.of("id", "seed-good", "reply", ReplyLinterUnitTests.GOOD_SEED)),
                "{\"id\": 3, \"reply\": \"\"}", "{oups",
                json.writeValueAsString(java.util.Map.of("id", "echo", "reply",
                        "Bonjour, Nous comprenons que votre asthme soit éprouvant. Le secrétariat reste joignable par téléphone. Bien à vous,",
                        "review", java.util.Map.of("text", "Mon asthme s'aggrave et personne ne m'écoute."))),
                json.writeValueAsString(java.util.Map.of("id", "typo", "reply",
                        "Bonjour, Je vous remerci pour votre message. Le secrétariat reste joignable par téléphone. Bien à vous,")));
        var out = new ByteArrayOutputStream();
        var status = new LintReplyCommand(new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)))
            .run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        var answers = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(answers).hasSize(6);
        var bad = json.readTree(answers[0]);
        assertThat(bad.get("id").asString()).isEqualTo("seed-bad");
        assertThat(bad.get("verdict").asString()).isEqualTo("BLOQUANT");
        var rules = bad.get("findings").valueStream().map(f -> f.get("rule").asString()).toList();
        assertThat(rules).contains("TON", "SECRET_MEDICAL");
        var finding = bad.get("findings").get(0);
        for (var field : List.of("rule", "severity", "spans", "message", "basis")) {
            assertThat(finding.has(field)).as(field).isTrue();
        }
        assertThat(finding.get("spans").get(0).has("start")).isTrue();
        assertThat(json.readTree(answers[1]).get("verdict").asString()).isEqualTo("PUBLIABLE");
        assertThat(json.readTree(answers[2]).get("error").asString()).contains("reply");
        assertThat(json.readTree(answers[3]).get("error").asString()).contains("JSON invalide");
        assertThat(json.readTree(answers[4]).get("verdict").asString()).isEqualTo("BLOQUANT");
        var typo = json.readTree(answers[5]);
        assertThat(typo.get("verdict").asString()).isEqualTo("A_REVOIR");
        assertThat(typo.get("findings").get(0).get("rule").asString()).isEqualTo("FORME");
        assertThat(typo.get("findings").get(0).get("spans").get(0).get("text").asString()).isEqualTo("remerci");
    }

    @Test
    void unknownOptionsAreAUsageError() {
        var err = new ByteArrayOutputStream();
        var status = new LintReplyCommand(new ByteArrayInputStream(new byte[0]))
            .run(List.of("--vite"), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Option inconnue");
    }

}
