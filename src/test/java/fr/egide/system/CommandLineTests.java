package fr.egide.system;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's entry point decides, before Spring, between a sub-command and the web application. */
class CommandLineTests {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        var invocation = CommandLine.find(args).orElseThrow();
        return invocation.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsAndOptionsStartTheWebApplication() {
        assertThat(CommandLine.find(new String[0])).isEmpty();
        assertThat(CommandLine.find(new String[] { "--demo" })).isEmpty();
        assertThat(CommandLine.find(new String[] { "--server.port=9090", "version" })).isEmpty();
    }

    @Test
    void helpListsTheCommandsFoundOnTheClasspath() {
        assertThat(run("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage").contains("version").contains("--demo");
    }

    @Test
    void versionRunsWithoutSpring() {
        assertThat(run("version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Égide ");
    }

    @Test
    void anUnknownCommandIsAUsageErrorInFrench() {
        assertThat(run("analyse-moi")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Commande inconnue : « analyse-moi »");
    }

}
