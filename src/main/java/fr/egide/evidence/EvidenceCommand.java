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
        return "Preuves : evidence capture <URL> capture et scelle une page ; evidence verify <preuve.zip> la vérifie hors ligne.";
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
        err.println(CAPTURE_USAGE);
        return 2;
    }

    /**
     * {@code evidence capture URL --out DIR --tsa URL [...]}: captures the page with Chromium (a page still loading
     * after the timeout, 30 s by default, is captured as it is, and the steps say so; without Chromium, over plain
     * HTTP with the WARC, HTML and text only), seals the bundle and prints the ZIP's path on the last line. Loopback,
     * private and link-local hosts are refused unless allowed. No database.
     */
    private int capture(List<String> args, PrintStream out, PrintStream err) {
        String url = null;
        Path dir = null;
        var authorities = new java.util.ArrayList<java.net.URI>();
        var ntp = new java.util.ArrayList<String>();
        java.net.URI ipService = null;
        var allowed = new java.util.HashSet<String>();
        var timeout = java.time.Duration.ofSeconds(30);
        var requestedBy = System.getProperty("user.name", "inconnu") + " (ligne de commande)";
        var reason = "non précisé";
        var browser = true;
        var maxHeight = fr.egide.evidence.engine.ChromiumCapture.Limits.DEFAULT.maxHeight();
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            var hasValue = i + 1 < args.size();
            if (arg.startsWith("--") && !arg.equals("--sans-navigateur") && !hasValue) {
                err.println(arg + " attend une valeur.");
                return 2;
            }
            switch (arg) {
                case "--out" -> dir = Path.of(args.get(++i));
                case "--tsa", "--ip-service" -> {
                    var value = args.get(++i);
                    try {
                        var uri = java.net.URI.create(value);
                        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                            throw new IllegalArgumentException();
                        }
                        if (arg.equals("--tsa")) {
                            authorities.add(uri);
                        }
                        else {
                            ipService = uri;
                        }
                    }
                    catch (IllegalArgumentException ex) {
                        err.println(arg.equals("--tsa") ? "--tsa attend l'adresse http(s) d'une autorité d'horodatage : " + value
                                : "--ip-service attend l'adresse http(s) d'un service qui renvoie l'adresse IP publique : " + value);
                        return 2;
                    }
                }
                case "--ntp" -> ntp.add(args.get(++i));
                case "--demandeur" -> requestedBy = args.get(++i);
                case "--motif" -> reason = args.get(++i);
                case "--sans-navigateur" -> browser = false;
                case "--timeout", "--hauteur-max" -> {
                    var value = args.get(++i);
                    try {
                        if (arg.equals("--timeout")) {
                            timeout = java.time.Duration.ofSeconds(Math.max(1, Math.min(300, Integer.parseInt(value))));
                        }
                        else {
                            maxHeight = Math.max(1000, Math.min(1_000_000, Integer.parseInt(value)));
                        }
                    }
                    catch (NumberFormatException ex) {
                        err.println(arg.equals("--timeout") ? "--timeout attend un nombre de secondes (1 à 300)."
                                : "--hauteur-max attend un nombre de pixels (1000 à 1000000).");
                        return 2;
                    }
                }
                case "--allow-host" -> allowed.add(args.get(++i).toLowerCase(java.util.Locale.ROOT));
                default -> {
                    if (arg.startsWith("--")) {
                        err.println("Option inconnue : " + arg);
                        return 2;
                    }
                    url = arg;
                }
            }
        }
        if (url == null || dir == null || authorities.isEmpty()) {
            err.println(CAPTURE_USAGE);
            return 2;
        }
        if (ntp.isEmpty()) {
            ntp.addAll(DEFAULT_NTP);
        }
        if (ntp.equals(List.of("aucun"))) {
            ntp.clear();
        }
        try {
            var target = Targets.check(url, allowed);
            var chromium = browser ? fr.egide.evidence.engine.ChromiumCapture.findChromium() : null;
            if (browser && chromium == null) {
                err.println("Chromium est introuvable : capture sans navigateur (archive WARC, HTML et texte, sans capture d'écran). "
                        + "Pour les rendus, installez-le : sudo apt-get install chromium");
            }
            var defaults = fr.egide.evidence.engine.ChromiumCapture.Limits.DEFAULT;
            var outcome = new Capturer().capture(new Capturer.Request(target, requestedBy, reason, authorities, ntp, ipService,
                    timeout, chromium, new fr.egide.evidence.engine.ChromiumCapture.Limits(defaults.maxBytes(), maxHeight,
                            defaults.maxScrolls())), dir);
            out.println("Capture de " + target + " → " + outcome.finalUrl() + " (HTTP " + outcome.httpStatus() + ")");
            outcome.limits().forEach(limit -> out.println("Limite : " + limit));
            out.println(outcome.zip().toAbsolutePath());
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

    /** NTP servers asked when none is given ("--ntp aucun" to ask none). */
    static final List<String> DEFAULT_NTP = List.of("fr.pool.ntp.org", "time.cloudflare.com");

    private static final String CAPTURE_USAGE = """
            Usage : java -jar egide.jar evidence capture <URL> --out <dossier> --tsa <URL> [--tsa <URL>]
                      [--demandeur <nom>] [--motif <texte>] [--ntp <hôte[:port]> | --ntp aucun] [--ip-service <URL>]
                      [--allow-host <hôte>] [--timeout <secondes>] [--hauteur-max <pixels>] [--sans-navigateur]""";

}
