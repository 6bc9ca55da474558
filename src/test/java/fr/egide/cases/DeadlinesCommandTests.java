package fr.egide.cases;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code deadlines} command's contract: one line per input line, exact fields, French errors, no database. */
class DeadlinesCommandTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Clock NOW = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);

    List<JsonNode> run(String input) {
        var out = new ByteArrayOutputStream();
        var status = new DeadlinesCommand(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), NOW)
            .run(List.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(status).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    static JsonNode deadline(JsonNode line, String kind) {
        for (var deadline : line.path("deadlines")) {
            if (deadline.path("kind").asString().equals(kind)) {
                return deadline;
            }
        }
        throw new AssertionError("pas de délai " + kind + " dans " + line);
    }

    @Test
    void anIsoDateGivesExactDeadlinesWithTheirBasis() {
        var line = run("{\"id\": \"a\", \"indicator\": \"DIFFAMATION\", \"published\": \"2026-03-10\"}\n").get(0);
        assertThat(line.path("id").asString()).isEqualTo("a");
        var penal = deadline(line, "PRESCRIPTION_PENALE");
        assertThat(penal.path("date").asString()).isEqualTo("2026-06-09");
        assertThat(penal.path("basis").asString()).contains("Loi du 29 juillet 1881, art. 65");
        assertThat(penal.path("approximate").asBoolean()).isFalse();
        assertThat(penal.propertyNames()).containsExactlyInAnyOrder("kind", "date", "basis", "approximate");
        assertThat(deadline(line, "DROIT_DE_REPONSE").path("date").asString()).isEqualTo("2026-06-09");
    }

    @Test
    void relativeTextIsReadAtSeenAtAndGivesAnApproximateDateFromItsEarliestEnd() {
        var lines = run("""
                {"id": 1, "indicator": "INJURE", "published": "il y a 3 mois", "seenAt": "2026-06-15T10:00:00Z"}
                {"id": 2, "indicator": "INJURE", "published": "il y a 3 mois"}
                {"id": 3, "indicator": "HAINE", "published": "il y a 2 semaines", "seenAt": "2026-06-15T10:00:00+02:00"}
                """);
        // "il y a 3 mois" on 15 June means between 15 February and 15 March: from 15 February, the safe side.
        var first = deadline(lines.get(0), "PRESCRIPTION_PENALE");
        assertThat(first.path("date").asString()).isEqualTo("2026-05-14");
        assertThat(first.path("approximate").asBoolean()).isTrue();
        assertThat(deadline(lines.get(1), "PRESCRIPTION_PENALE").path("date").asString()).isEqualTo("2026-05-14");
        // "il y a 2 semaines" on 15 June: between 25 May and 1 June; one year from 25 May.
        var hate = deadline(lines.get(2), "PRESCRIPTION_PENALE");
        assertThat(hate.path("date").asString()).isEqualTo("2027-05-24");
        assertThat(hate.path("approximate").asBoolean()).isTrue();
    }

    @Test
    void anIsoDateTimeIsTakenOnItsParisDay() {
        var line = run("{\"id\": \"t\", \"indicator\": \"DIFFAMATION\", \"published\": \"2026-03-09T23:30:00Z\"}\n").get(0);
        // 23:30 UTC on 9 March is 00:30 on 10 March in Paris.
        assertThat(deadline(line, "PRESCRIPTION_PENALE").path("date").asString()).isEqualTo("2026-06-09");
    }

    @Test
    void civilRoutesAndHealthData() {
        var lines = run("""
                {"id": "d", "indicator": "DENIGREMENT", "published": "2026-03-10"}
                {"id": "s", "indicator": "DONNEES_SANTE", "published": "2026-03-10"}
                """);
        assertThat(deadline(lines.get(0), "ACTION_CIVILE").path("date").asString()).isEqualTo("2031-03-09");
        assertThat(deadline(lines.get(0), "ACTION_CIVILE").path("basis").asString()).contains("2224");
        assertThat(lines.get(1).path("deadlines").isEmpty()).isTrue();
    }

    @Test
    void badLinesGetAFrenchErrorAndTheRestGoesOn() {
        var lines = run("""
                {"id": 1, "indicator": "INSULTE", "published": "2026-03-10"}
                {"id": 2, "indicator": "INJURE"}
                {"id": 3, "indicator": "INJURE", "published": "la semaine des quatre jeudis"}
                {"id": 4, "indicator": "INJURE", "published": "modifié il y a 2 jours"}
                {"id": 5, "indicator": "INJURE", "published": "il y a 3 mois", "seenAt": "hier"}
                pas du json
                {"id": 7, "indicator": "injure", "published": "2026-03-10"}
                """);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0).path("error").asString()).contains("Indicateur inconnu : « INSULTE »");
        assertThat(lines.get(1).path("error").asString()).contains("aucun délai ne peut être calculé");
        assertThat(lines.get(2).path("error").asString()).contains("la semaine des quatre jeudis");
        assertThat(lines.get(3).path("error").asString()).contains("date de modification");
        assertThat(lines.get(4).path("error").asString()).contains("seenAt");
        assertThat(lines.get(5).path("error").asString()).contains("JSON");
        assertThat(deadline(lines.get(6), "PRESCRIPTION_PENALE").path("date").asString()).isEqualTo("2026-06-09");
    }

}
