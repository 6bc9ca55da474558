package fr.egide.evidence;

import fr.egide.system.Command;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar egide.jar evidence verify BUNDLE}: verifies a bundle (ZIP or directory) offline and prints a
 * French verdict per check; exit status 0 only when every check passes, 1 otherwise, 2 for a usage error.
 */
public final class EvidenceCommand implements Command {

    @Override
    public String name() {
        return "evidence";
    }

    @Override
    public String summary() {
        return "Preuves : evidence verify <preuve.zip> vérifie une preuve hors ligne (empreintes et horodatages).";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 2 && args.get(0).equals("verify")) {
            var bundle = Path.of(args.get(1));
            if (!Files.exists(bundle)) {
                err.println("Preuve introuvable : " + bundle);
                return 2;
            }
            var checks = new BundleVerifier().verify(bundle);
            for (var check : checks) {
                out.println((check.passed() ? "OK      " : "ÉCHEC   ") + check.subject() + " — " + check.detail());
            }
            var passed = BundleVerifier.allPassed(checks);
            out.println(passed ? "Preuve intègre : toutes les vérifications sont passées."
                    : "Preuve NON intègre : " + checks.stream().filter(c -> !c.passed()).count() + " vérification(s) en échec.");
            return passed ? 0 : 1;
        }
        if (!args.isEmpty() && args.get(0).equals("capture")) {
            return capture(args.subList(1, args.size()), out, err);
        }
        err.println("Usage : java -jar egide.jar evidence verify <preuve.zip | dossier>");
        err.println("        java -jar egide.jar evidence capture <URL> --out <dossier> --tsa <URL> [--tsa <URL>] [--allow-host <hôte>] [--timeout <secondes>]");
        return 2;
    }

    /**
     * {@code evidence capture URL --out DIR --tsa URL [--allow-host HOST] [--timeout SECONDS]}: captures the page with
     * Chromium (a page still loading after the timeout, 30 s by default, is captured as it is, and the steps say so),
     * seals the bundle and prints the ZIP's path on the last line. Loopback, private and link-local hosts are refused unless
     * allowed. No database.
     */
    private int capture(List<String> args, PrintStream out, PrintStream err) {
        String url = null;
        Path dir = null;
        var authorities = new java.util.ArrayList<java.net.URI>();
        var allowed = new java.util.HashSet<String>();
        var timeout = java.time.Duration.ofSeconds(30);
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            var hasValue = i + 1 < args.size();
            switch (arg) {
                case "--out" -> dir = hasValue ? Path.of(args.get(++i)) : null;
                case "--tsa" -> {
                    if (hasValue) {
                        var tsa = args.get(++i);
                        try {
                            var uri = java.net.URI.create(tsa);
                            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                                throw new IllegalArgumentException();
                            }
                            authorities.add(uri);
                        }
                        catch (IllegalArgumentException ex) {
                            err.println("--tsa attend l'adresse http(s) d'une autorité d'horodatage : " + tsa);
                            return 2;
                        }
                    }
                }
                case "--timeout" -> {
                    if (hasValue) {
                        try {
                            timeout = java.time.Duration.ofSeconds(Math.max(1, Math.min(300, Integer.parseInt(args.get(++i)))));
                        }
                        catch (NumberFormatException ex) {
                            err.println("--timeout attend un nombre de secondes (1 à 300).");
                            return 2;
                        }
                    }
                }
                case "--allow-host" -> {
                    if (hasValue) {
                        allowed.add(args.get(++i).toLowerCase(java.util.Locale.ROOT));
                    }
                }
                default -> url = arg;
            }
        }
        if (url == null || dir == null) {
            err.println("Usage : java -jar egide.jar evidence capture <URL> --out <dossier> --tsa <URL> [--allow-host <hôte>]");
            return 2;
        }
        try {
            var target = Targets.check(url, allowed);
            var chromium = fr.egide.evidence.engine.ChromiumCapture.findChromium();
            if (chromium == null) {
                err.println("Chromium est introuvable : installez-le (sudo apt-get install chromium) pour capturer une page.");
                return 2;
            }
            var id = "capture-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now()) + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            var bundle = dir.resolve(id);
            var result = new fr.egide.evidence.engine.ChromiumCapture(chromium, timeout)
                .capture(target, bundle);
            out.println("Capture de " + target + " : " + String.join(", ", result.files()));
            var zip = new Sealer().seal(bundle, id, target.toString(), result.startedAt(), result.endedAt(), authorities);
            out.println(zip.toAbsolutePath());
            return 0;
        }
        catch (IllegalArgumentException ex) {
            err.println(ex.getMessage());
            return 2;
        }
        catch (java.io.IOException ex) {
            err.println("Capture impossible : " + ex.getMessage());
            return 1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            err.println("Capture interrompue.");
            return 1;
        }
    }

}
