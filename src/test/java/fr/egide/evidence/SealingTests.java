package fr.egide.evidence;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealing a bundle with RFC 3161 timestamps from local authorities, and verifying it offline: a fresh bundle
 * passes; one changed byte in a file, a changed manifest, a changed token or an added file fail, naming the file.
 */
class SealingTests {

    @TempDir
    Path work;

    LocalTimestampAuthority first;

    LocalTimestampAuthority second;

    Path capture;

    @BeforeEach
    void captureAndAuthorities() throws Exception {
        first = new LocalTimestampAuthority("TSA Un");
        second = new LocalTimestampAuthority("TSA Deux");
        capture = work.resolve("capture-1");
        Files.createDirectories(capture.resolve("rendus"));
        Files.writeString(capture.resolve("page.html"), "<html><body><p>Le Dr X est un con.</p></body></html>");
        Files.writeString(capture.resolve("texte.txt"), "Le Dr X est un con.");
        var png = new byte[2048];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        png[2] = 'N';
        png[3] = 'G';
        Files.write(capture.resolve("rendus/page.png"), png);
    }

    @AfterEach
    void stop() throws Exception {
        first.close();
        second.close();
    }

    Path seal() throws Exception {
        return new Sealer().seal(capture, "capture-1", "https://avis.example/cabinet", Instant.parse("2026-11-25T10:00:00Z"),
                Instant.parse("2026-11-25T10:00:04Z"), List.of(first.uri(), second.uri()));
    }

    static List<String> failures(Path bundle) {
        return new BundleVerifier().verify(bundle).stream().filter(check -> !check.passed()).map(Check::subject).toList();
    }

    @Test
    void aFreshBundleVerifiesWithOneTokenPerAuthority() throws Exception {
        var zip = seal();
        try (var entries = new ZipFile(zip.toFile())) {
            assertThat(entries.stream().map(e -> e.getName()).toList()).contains("manifest.json", "horodatages/jeton-1.tst",
                    "horodatages/jeton-2.tst", "VERIFY.txt", "page.html", "rendus/page.png");
        }
        var checks = new BundleVerifier().verify(zip);
        assertThat(checks).allMatch(Check::passed);
        assertThat(checks).extracting(Check::detail).anyMatch(d -> d.startsWith("horodatage valide du") && d.contains("TSA Un"))
            .anyMatch(d -> d.contains("TSA Deux"));
        var out = new ByteArrayOutputStream();
        var status = new EvidenceCommand().run(List.of("verify", zip.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK      rendus/page.png").contains("Preuve intègre");
        assertThat(new BundleVerifier().verify(capture)).as("the directory form too").allMatch(Check::passed);
    }

    @Test
    void oneChangedByteInAFileFailsAndNamesIt() throws Exception {
        seal();
        var png = Files.readAllBytes(capture.resolve("rendus/page.png"));
        png[100] ^= 1;
        Files.write(capture.resolve("rendus/page.png"), png);
        assertThat(failures(capture)).containsExactly("rendus/page.png");
        var out = new ByteArrayOutputStream();
        var status = new EvidenceCommand().run(List.of("verify", capture.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ÉCHEC   rendus/page.png — fichier modifié").contains("NON intègre");
    }

    @Test
    void aManifestChangedToMatchAChangedFileIsCaughtByTheTimestamps() throws Exception {
        seal();
        Files.writeString(capture.resolve("texte.txt"), "Le Dr X est charmant.");
        var manifest = Files.readString(capture.resolve("manifest.json"));
        var digest = fr.egide.evidence.engine.Digests.sha256Hex("Le Dr X est charmant.".getBytes(StandardCharsets.UTF_8));
        var original = fr.egide.evidence.engine.Digests.sha256Hex("Le Dr X est un con.".getBytes(StandardCharsets.UTF_8));
        Files.writeString(capture.resolve("manifest.json"), manifest.replace(original, digest)
            .replace("\"size\" : 19", "\"size\" : 21"));
        assertThat(failures(capture)).containsExactly("horodatages/jeton-1.tst", "horodatages/jeton-2.tst");
        assertThat(new BundleVerifier().verify(capture)).filteredOn(c -> !c.passed()).extracting(Check::detail)
            .allMatch(d -> d.contains("ne correspond pas au manifeste"));
    }

    @Test
    void aChangedTokenAnAddedFileOrAMissingFileFail() throws Exception {
        seal();
        var token = Files.readAllBytes(capture.resolve("horodatages/jeton-1.tst"));
        token[token.length - 10] ^= 1;
        Files.write(capture.resolve("horodatages/jeton-1.tst"), token);
        Files.writeString(capture.resolve("ajout.txt"), "glissé après coup");
        Files.delete(capture.resolve("page.html"));
        assertThat(failures(capture)).containsExactlyInAnyOrder("horodatages/jeton-1.tst", "ajout.txt", "page.html");
    }

    @Test
    void noBundleIsSealedWithoutATimestamp() throws Exception {
        first.close();
        second.close();
        assertThatThrownBy(this::seal).hasMessageContaining("Aucun horodatage obtenu, la preuve n'est pas scellée");
        assertThat(work.resolve("capture-1.zip")).doesNotExist();
        assertThatThrownBy(() -> new Sealer().seal(capture, "c", "u", Instant.now(), Instant.now(), List.of()))
            .hasMessageContaining("Aucune autorité d'horodatage");
    }

    @Test
    void unusableInputGivesAClearVerdict() throws Exception {
        var notABundle = work.resolve("rien.zip");
        Files.writeString(notABundle, "pas un zip");
        assertThat(failures(notABundle)).hasSize(1);
        var err = new ByteArrayOutputStream();
        assertThat(new EvidenceCommand().run(List.of("verify", work.resolve("absent.zip").toString()), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Preuve introuvable");
        assertThat(new EvidenceCommand().run(List.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }

}
