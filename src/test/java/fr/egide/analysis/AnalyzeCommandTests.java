package fr.egide.analysis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code analyze} command's contract: one JSON line per input line, in order, errors as lines, status 0. */
class AnalyzeCommandTests {

    @Test
    void answersEveryLineInOrderAndReportsBadLines() throws Exception {
        var input = String.join("\n", "{\"id\": 1, \"text\": \"Le Dr. X est un con\", \"rating\": 1}",
                "pas du json", "{\"id\": \"b\"}", "{\"id\": \"c\", \"text\": \"Très bon accueil\", \"rating\": 9}",
                "{\"id\": \"d\", \"text\": \"Dr. X exerce sans diplôme\", \"source\": \"Google\"}") + "\n";
        var out = new ByteArrayOutputStream();
        var status = new AnalyzeCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))
            .run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        var json = JsonMapper.builder().build();
        var lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(5);
        var first = json.readTree(lines[0]);
        assertThat(first.get("id").asInt()).isEqualTo(1);
        assertThat(first.get("qualification").asString()).isEqualTo("ILLICITE_PROBABLE");
        assertThat(first.get("indicators").get(0).get("type").asString()).isEqualTo("INJURE");
        for (var field : List.of("language", "sentiment", "themes", "indicators", "qualification", "impact", "strategy")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(json.readTree(lines[1]).get("error").asString()).contains("JSON invalide");
        assertThat(json.readTree(lines[2]).get("id").asString()).isEqualTo("b");
        assertThat(json.readTree(lines[2]).get("error").asString()).contains("text");
        assertThat(json.readTree(lines[3]).get("error").asString()).contains("rating");
        assertThat(json.readTree(lines[4]).get("indicators").get(0).get("type").asString()).isEqualTo("DIFFAMATION");
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        var bytes = new byte[] { '{', '"', 'i', 'd', '"', ':', '1', ',', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3,
                (byte) 0x28, 'a', '"', '}', '\n' };
        var out = new ByteArrayOutputStream();
        var status = new AnalyzeCommand(new ByteArrayInputStream(bytes))
            .run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"id\":1").contains("\"language\"");
    }

}
