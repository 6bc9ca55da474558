package fr.egide.evidence;

import fr.egide.evidence.engine.BundleFiles;
import fr.egide.evidence.engine.Digests;
import fr.egide.evidence.engine.Timestamps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Verifies a bundle offline: the manifest, every listed file's digest and size, files present but not sealed,
 * and every timestamp token against the manifest (imprint, signature, timestamping certificate). Each check says
 * in French what passed or which file failed. Plain Java.
 */
public final class BundleVerifier {

    private final Timestamps timestamps = new Timestamps();

    public List<Check> verify(Path bundle) {
        var checks = new ArrayList<Check>();
        try (var files = BundleFiles.of(bundle)) {
            var manifestBytes = files.read(Manifest.NAME);
            if (manifestBytes == null) {
                checks.add(new Check(Manifest.NAME, false, "manifeste absent : rien ne dit ce que contenait la preuve"));
                return checks;
            }
            Manifest manifest;
            try {
                manifest = Sealer.JSON.readValue(manifestBytes, Manifest.class);
            }
            catch (RuntimeException ex) {
                checks.add(new Check(Manifest.NAME, false, "manifeste illisible ou modifié"));
                return checks;
            }
            checks.add(new Check(Manifest.NAME, true, "capture " + manifest.captureId() + " de " + manifest.url() + ", "
                    + manifest.files().size() + " fichiers"));
            var listed = new HashSet<String>();
            for (var file : manifest.files()) {
                listed.add(file.path());
                try (var in = files.open(file.path())) {
                    if (in == null) {
                        checks.add(new Check(file.path(), false, "fichier absent"));
                        continue;
                    }
                    var digest = Digests.sha256(in);
                    if (!digest.hex().equals(file.sha256()) || digest.size() != file.size()) {
                        checks.add(new Check(file.path(), false, "fichier modifié : son empreinte SHA-256 n'est plus celle du manifeste"));
                    }
                    else {
                        checks.add(new Check(file.path(), true, "empreinte SHA-256 conforme"));
                    }
                }
            }
            for (var path : files.paths()) {
                if (Sealer.sealed(path) && !listed.contains(path)) {
                    checks.add(new Check(path, false, "fichier ajouté après le scellement (absent du manifeste)"));
                }
            }
            var tokens = files.paths().stream().filter(path -> path.startsWith(Manifest.TOKENS)).toList();
            if (tokens.isEmpty()) {
                checks.add(new Check(Manifest.TOKENS, false, "aucun horodatage : la date de la preuve n'est pas attestée"));
            }
            for (var path : tokens) {
                try {
                    var verified = timestamps.verify(files.read(path), manifestBytes);
                    checks.add(new Check(path, true, "horodatage valide du " + verified.time() + " par " + verified.authority()));
                }
                catch (IllegalArgumentException ex) {
                    checks.add(new Check(path, false, "horodatage invalide : " + ex.getMessage()));
                }
            }
        }
        catch (IOException ex) {
            checks.add(new Check(bundle.toString(), false, "preuve illisible : " + ex.getMessage()));
        }
        return checks;
    }

    public static boolean allPassed(List<Check> checks) {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

}
