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
            err.println("La capture n'est pas encore disponible dans cette version : seule la vérification l'est.");
            return 2;
        }
        err.println("Usage : java -jar egide.jar evidence verify <preuve.zip | dossier>");
        return 2;
    }

}
