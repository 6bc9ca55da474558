package fr.egide.system;

import java.io.PrintStream;
import java.util.List;

/** Prints Égide's version: evidence bundles and reports quote it, so users must be able to read it. */
public final class VersionCommand implements Command {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "Affiche la version d'Égide.";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        out.println("Égide " + EgideVersion.current());
        return 0;
    }

}
