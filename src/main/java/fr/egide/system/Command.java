package fr.egide.system;

import java.io.PrintStream;
import java.util.List;

/**
 * A sub-command of the {@code egide} jar. Implementations are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/fr.egide.system.Command}) so that they run without Spring: a
 * module adds a command without the entry point knowing about it.
 */
public interface Command {

    /** The word typed after {@code java -jar egide.jar}, e.g. {@code analyze}. */
    String name();

    /** One French line shown by {@code egide help}. */
    String summary();

    /**
     * Runs the command.
     * @return the process exit code: 0 for success, 1 for a negative result, 2 for a usage error
     */
    int run(List<String> args, PrintStream out, PrintStream err);

}
