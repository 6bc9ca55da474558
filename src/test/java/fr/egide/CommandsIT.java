package fr.egide;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar's sub-commands as automated checks call them: JSON Lines in, JSON Lines out, exit status 0,
 * no web server and no database (EGIDE_HOME stays empty: no pgdata is created).
 */
class CommandsIT {

    @TempDir
    Path home;

    String run(String input, String... command) throws IOException, InterruptedException {
        return run(0, input, command);
    }

    String run(int expectedStatus, String input, String... command) throws IOException, InterruptedException {
        var arguments = new ArrayList<String>();
        arguments.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        arguments.add("-jar");
        arguments.add(Path.of("target", "egide.jar").toAbsolutePath().toString());
        arguments.addAll(List.of(command));
        var builder = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("EGIDE_HOME", home.toString());
        var process = builder.start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(expectedStatus);
        return output;
    }

    @Test
    void analyzeAnswersEachLineInOrderWithoutServerOrDatabase() throws Exception {
        var output = run("{\"id\": \"a\", \"text\": \"Le Dr. X est un con\"}\nnot json\n{\"id\": \"c\", \"text\": \"Très bon accueil\", \"rating\": 5}\n",
                "analyze");
        var lines = output.strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"id\":\"a\"").contains("\"INJURE\"").contains("\"qualification\":\"ILLICITE_PROBABLE\"");
        assertThat(lines[1]).contains("\"error\"");
        assertThat(lines[2]).startsWith("{\"id\":\"c\"").contains("\"qualification\":\"LICITE_PROBABLE\"");
        try (var files = Files.list(home)) {
            assertThat(files).as("no database created").isEmpty();
        }
    }

    @Test
    void deadlinesAnswersEachLineWithoutServerOrDatabase() throws Exception {
        var output = run("""
                {"id": "a", "indicator": "DIFFAMATION", "published": "2026-03-10"}
                {"id": "b", "indicator": "INJURE", "published": "il y a 3 mois", "seenAt": "2026-06-15T10:00:00Z"}
                {"id": "c", "indicator": "INJURE"}
                """, "deadlines");
        var lines = output.strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"id\":\"a\"").contains("{\"kind\":\"PRESCRIPTION_PENALE\",\"date\":\"2026-06-09\"")
            .contains("\"approximate\":false");
        assertThat(lines[1]).contains("\"date\":\"2026-05-14\"").contains("\"approximate\":true");
        assertThat(lines[2]).contains("\"error\"");
        try (var files = Files.list(home)) {
            assertThat(files).as("no database created").isEmpty();
        }
    }

    @Test
    void evidenceVerifyPassesOnASealedBundleAndNamesATamperedFile(@TempDir Path work) throws Exception {
        var capture = work.resolve("capture");
        Files.createDirectories(capture);
        Files.writeString(capture.resolve("texte.txt"), "Le Dr X est un con.");
        Path zip;
        try (var authority = new fr.egide.evidence.LocalTimestampAuthority("TSA locale")) {
            zip = new fr.egide.evidence.Sealer().seal(capture, "c-1", "https://avis.example/1", java.time.Instant.now(),
                    java.time.Instant.now(), List.of(authority.uri()));
        }
        assertThat(run("", "evidence", "verify", zip.toString())).contains("OK      texte.txt").contains("Preuve intègre");
        Files.writeString(capture.resolve("texte.txt"), "Le Dr X est charmant.");
        assertThat(run(1, "", "evidence", "verify", capture.toString())).contains("ÉCHEC   texte.txt — fichier modifié");
    }

    @Test
    void lintReplyAnswersEachLineInOrderWithoutServerDatabaseOrNetwork() throws Exception {
        var output = run("""
                {"id": 1, "reply": "Bonjour, Laissez-nous 5 étoiles ! Bien à vous,"}
                {"id": 2, "reply": "Madame, Monsieur, Merci pour votre message. Je vous invite à contacter le secrétariat du cabinet par téléphone. Bien cordialement,"}
                {"id": 3}
                """, "lint-reply");
        var lines = output.strip().split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("{\"id\":1,\"verdict\":\"BLOQUANT\"").contains("\"PUBLICITE\"").contains("\"basis\"");
        assertThat(lines[1]).startsWith("{\"id\":2,\"verdict\":\"PUBLIABLE\"");
        assertThat(lines[2]).contains("\"error\"");
        try (var files = Files.list(home)) {
            assertThat(files).as("no database created").isEmpty();
        }
    }

}
