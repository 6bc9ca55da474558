package fr.egide.evidence;

import fr.egide.evidence.engine.BundleFiles;
import fr.egide.evidence.engine.Digests;
import fr.egide.evidence.engine.Timestamps;
import fr.egide.evidence.engine.WebArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Verifies a bundle offline: the manifest, every listed file's digest and size, files present but not sealed,
 * every timestamp token against the manifest or the report (imprint, signature, timestamping certificate), the
 * WACZ's WARC records and package digests, and the chain of custody when the bundle was exported with it. Each check says
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
            for (var path : files.paths()) {
                if (path.endsWith(".wacz")) {
                    try (var in = files.open(path)) {
                        for (var finding : WebArchive.verify(in, path)) {
                            checks.add(new Check(finding.subject(), finding.passed(), finding.detail()));
                        }
                    }
                }
            }
            var tokens = files.paths().stream().filter(path -> path.startsWith(Manifest.TOKENS)).toList();
            if (tokens.stream().noneMatch(path -> !path.startsWith(Manifest.TOKENS + "rapport-"))) {
                checks.add(new Check(Manifest.TOKENS, false, "aucun horodatage : la date de la preuve n'est pas attestée"));
            }
            var report = files.read(Sealer.REPORT);
            var reportTokens = tokens.stream().filter(path -> path.startsWith(Manifest.TOKENS + "rapport-")).toList();
            if (report != null && reportTokens.isEmpty()) {
                checks.add(new Check(Sealer.REPORT, false, "rapport non horodaté : il a pu être remplacé"));
            }
            for (var path : tokens) {
                var isReport = path.startsWith(Manifest.TOKENS + "rapport-");
                if (isReport && report == null) {
                    checks.add(new Check(Sealer.REPORT, false, "rapport absent alors qu'un horodatage le couvre (" + path + ")"));
                    continue;
                }
                try {
                    var verified = timestamps.verify(files.read(path), isReport ? report : manifestBytes);
                    checks.add(new Check(path, true, (isReport ? "horodatage du rapport valide, du " : "horodatage valide du ")
                            + verified.time() + " par " + verified.authority()));
                }
                catch (IllegalArgumentException ex) {
                    checks.add(new Check(isReport ? path + " (" + Sealer.REPORT + ")" : path, false, "horodatage invalide : "
                            + ex.getMessage().replace("au fichier horodaté", isReport ? "au rapport" : "au manifeste")));
                }
            }
            var custody = files.read(Sealer.CUSTODY);
            if (custody != null) {
                checks.addAll(custody(custody, manifest, Digests.sha256Hex(manifestBytes)));
            }
        }
        catch (IOException ex) {
            checks.add(new Check(bundle.toString(), false, "preuve illisible : " + ex.getMessage()));
        }
        return checks;
    }

    /**
     * The chain of custody exported with the bundle: each entry must follow the previous one (hash chain), concern
     * this capture, and the seal entry must name this manifest.
     */
    static List<Check> custody(byte[] jsonl, Manifest manifest, String manifestSha256) {
        var checks = new ArrayList<Check>();
        var previous = CustodyEntry.GENESIS;
        var expected = 1;
        var sealNamed = false;
        for (var line : new String(jsonl, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            CustodyEntry entry;
            try {
                entry = Sealer.JSON.readValue(line, CustodyEntry.class);
            }
            catch (RuntimeException ex) {
                checks.add(new Check(Sealer.CUSTODY, false, "ligne illisible : la chaîne de preuve a été modifiée"));
                return checks;
            }
            var subject = Sealer.CUSTODY + ", entrée " + entry.position();
            if (!manifest.captureId().equals(entry.captureId())) {
                checks.add(new Check(subject, false, "concerne une autre capture (" + entry.captureId() + ")"));
            }
            else if (entry.position() != expected || !entry.previousHash().equals(previous)) {
                checks.add(new Check(subject, false, "ne suit pas l'entrée précédente : une entrée a été retirée, ajoutée ou déplacée"));
            }
            else if (!entry.hash().equals(CustodyLog.hash(entry.captureId(), entry.position(), entry.action(), entry.actor(),
                    entry.at(), entry.detail(), entry.previousHash()))) {
                checks.add(new Check(subject, false, "entrée modifiée (son empreinte ne correspond plus)"));
            }
            else {
                checks.add(new Check(subject, true, entry.action() + " par " + entry.actor() + " le " + entry.at()));
            }
            if ("SCELLEMENT".equals(entry.action()) && entry.detail().contains(manifestSha256)) {
                sealNamed = true;
            }
            previous = entry.hash();
            expected = entry.position() + 1;
        }
        if (!sealNamed) {
            checks.add(new Check(Sealer.CUSTODY, false, "aucune entrée de scellement ne cite l'empreinte de ce manifeste"));
        }
        return checks;
    }

    public static boolean allPassed(List<Check> checks) {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

}
