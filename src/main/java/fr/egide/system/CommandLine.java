package fr.egide.system;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Decides, before Spring starts, whether the arguments name a sub-command. Options such as
 * {@code --demo} or {@code --server.port=9090} are never commands, so they keep reaching Spring Boot.
 */
public final class CommandLine {

    private CommandLine() {
    }

    /** A runnable command bound to its arguments, or empty when the web application should start. */
    public static Optional<Invocation> find(String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return Optional.empty();
        }
        var rest = List.of(Arrays.copyOfRange(args, 1, args.length));
        var name = args[0];
        if (name.equals("help") || name.equals("aide")) {
            return Optional.of(new Invocation(new Help(), rest));
        }
        return Optional.of(commands().stream()
            .filter(command -> command.name().equals(name))
            .findFirst()
            .map(command -> new Invocation(command, rest))
            .orElseGet(() -> new Invocation(new Unknown(name), rest)));
    }

    static List<Command> commands() {
        return ServiceLoader.load(Command.class)
            .stream()
            .map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparing(Command::name))
            .toList();
    }

    /** A command with the arguments that follow its name. */
    public record Invocation(Command command, List<String> args) {

        public int run() {
            return run(System.out, System.err);
        }

        public int run(PrintStream out, PrintStream err) {
            return command.run(args, out, err);
        }

    }

    static final class Help implements Command {

        @Override
        public String name() {
            return "help";
        }

        @Override
        public String summary() {
            return "Affiche cette aide.";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            out.println("Égide — veille et protection de l'e-réputation des professionnels de santé");
            out.println();
            out.println("Usage : java -jar egide.jar [options]        lance l'application web");
            out.println("        java -jar egide.jar --demo           lance l'application avec des données fictives");
            out.println("        java -jar egide.jar <commande> [...]  exécute une commande sans serveur ni base");
            out.println();
            out.println("Commandes :");
            out.printf("  %-14s %s%n", name(), summary());
            for (var command : commands()) {
                out.printf("  %-14s %s%n", command.name(), command.summary());
            }
            return 0;
        }

    }

    static final class Unknown implements Command {

        private final String name;

        Unknown(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return "";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) {
            err.println("Commande inconnue : « " + name + " ». Tapez « java -jar egide.jar help » pour la liste.");
            return 2;
        }

    }

}
