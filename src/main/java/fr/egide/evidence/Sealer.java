package fr.egide.evidence;

import fr.egide.evidence.engine.CaptureReport;
import fr.egide.evidence.engine.Digests;
import fr.egide.evidence.engine.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a directory of captured files: writes {@code manifest.json} (every file's SHA-256 and size), obtains an
 * RFC 3161 token over it from each configured timestamp authority, writes VERIFY.txt, and packs the bundle as a
 * ZIP. A bundle is sealed completely or not at all: when no authority answers, the seal fails and says why.
 * Plain Java (no Spring, no database).
 */
public final class Sealer {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Timestamps timestamps = new Timestamps();

    /**
     * @param authorities the timestamp authorities, each asked for a token (at least one must answer)
     * @return the ZIP written next to the directory ({@code <dir>.zip})
     */
    public Path seal(Path directory, String captureId, String url, Instant startedAt, Instant endedAt, List<URI> authorities)
            throws IOException, InterruptedException {
        return seal(directory, captureId, url, startedAt, endedAt, authorities, null);
    }

    /**
     * Writes the report once the manifest is sealed, so that it can state the hashes and the timestamps; the report
     * is then timestamped itself ({@code horodatages/rapport-N.tst}), by the same authorities.
     */
    @FunctionalInterface
    public interface Report {

        void write(Path directory, String manifestSha256, List<Manifest.File> files, List<CaptureReport.Token> tokens)
                throws IOException;

    }

    /** Seals the directory, then writes and timestamps the report when one is given. */
    public Path seal(Path directory, String captureId, String url, Instant startedAt, Instant endedAt, List<URI> authorities,
            Report report) throws IOException, InterruptedException {
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("Aucune autorité d'horodatage configurée : une preuve non horodatée n'est pas scellée.");
        }
        var files = new ArrayList<Manifest.File>();
        try (var bundle = fr.egide.evidence.engine.BundleFiles.of(directory)) {
            for (var path : bundle.paths()) {
                if (sealed(path)) {
                    try (var in = bundle.open(path)) {
                        var digest = Digests.sha256(in);
                        files.add(new Manifest.File(path, digest.hex(), digest.size()));
                    }
                }
            }
        }
        var manifest = JSON.writeValueAsBytes(new Manifest(captureId, url, startedAt, endedAt, files));
        Files.write(directory.resolve(Manifest.NAME), manifest);
        var tokens = directory.resolve(Manifest.TOKENS);
        Files.createDirectories(tokens);
        var stamped = stamp(manifest, authorities, tokens, "jeton-");
        if (report != null) {
            report.write(directory, Digests.sha256Hex(manifest), files, stamped);
            stamp(Files.readAllBytes(directory.resolve(REPORT)), authorities, tokens, "rapport-");
        }
        Files.writeString(directory.resolve(Manifest.HOW_TO_VERIFY), howToVerify(), StandardCharsets.UTF_8);
        var zip = directory.resolveSibling(directory.getFileName() + ".zip");
        zip(directory, zip);
        return zip;
    }

    /** The report, written after the manifest is sealed and timestamped on its own. */
    public static final String REPORT = "report.pdf";

    /** The chain of custody added to a bundle when it is exported (self-chained, checked by the verifier). */
    public static final String CUSTODY = "custody.jsonl";

    private List<CaptureReport.Token> stamp(byte[] content, List<URI> authorities, Path tokens, String prefix)
            throws IOException, InterruptedException {
        var failures = new ArrayList<String>();
        var obtained = new ArrayList<CaptureReport.Token>();
        for (var authority : authorities) {
            try {
                var token = timestamps.obtain(authority, content);
                var name = prefix + (obtained.size() + 1) + ".tst";
                Files.write(tokens.resolve(name), token);
                var verified = timestamps.verify(token, content);
                obtained.add(new CaptureReport.Token(Manifest.TOKENS + name, verified.authority() + " (" + authority + ")",
                        verified.time(), verified.serial()));
            }
            catch (IOException ex) {
                failures.add(ex.getMessage());
            }
        }
        if (obtained.isEmpty()) {
            throw new IOException("Aucun horodatage obtenu, la preuve n'est pas scellée : " + String.join(" ; ", failures));
        }
        return obtained;
    }

    /** Files the manifest lists: all but the manifest itself, the tokens, the instructions, the report and the custody log. */
    static boolean sealed(String path) {
        return !path.equals(Manifest.NAME) && !path.startsWith(Manifest.TOKENS) && !path.equals(Manifest.HOW_TO_VERIFY)
                && !path.equals(REPORT) && !path.equals(CUSTODY);
    }

    private static void zip(Path directory, Path zip) throws IOException {
        try (var out = new ZipOutputStream(Files.newOutputStream(zip)); var walk = Files.walk(directory)) {
            for (var file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new ZipEntry(directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
    }

    private static String howToVerify() {
        return """
                Vérifier cette preuve sans Égide
                ================================

                1. Empreintes des fichiers : chaque fichier listé dans manifest.json doit avoir l'empreinte SHA-256
                   indiquée. Sous Linux ou macOS, depuis le dossier décompressé :
                     sha256sum <fichier>      (comparer avec le champ "sha256" du manifeste)

                2. Horodatages (RFC 3161) : chaque jeton du dossier horodatages/ porte sur l'empreinte SHA-256 de
                   manifest.json. Avec OpenSSL, et le certificat de l'autorité d'horodatage (tsa.pem) et de son
                   autorité racine (ca.pem) :
                     openssl ts -verify -data manifest.json -in horodatages/jeton-1.tst -token_in -CAfile ca.pem -untrusted tsa.pem
                   La date de l'horodatage s'affiche avec :
                     openssl ts -reply -in horodatages/jeton-1.tst -token_in -text

                3. Avec Égide : java -jar egide.jar evidence verify <ce fichier .zip>

                Cette capture est un élément de fait soumis à l'appréciation du juge ; un constat de commissaire de
                justice reste la référence.
                """;
    }

}
