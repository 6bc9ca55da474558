package fr.egide;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as a user runs it: with no database configured it starts its own PostgreSQL, reports
 * UP, stops cleanly on SIGTERM, and finds its data again on the next start. How fast it starts is measured
 * by bench/startup.sh (see docs/BENCHMARKS.md), not here: the time limit below only stops a hung start.
 */
class JarStartupIT {

    static final Duration HUNG = Duration.ofSeconds(90);

    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void startsWithEmbeddedPostgresAndKeepsDataAcrossRestarts() throws Exception {
        var port = freePort();
        var first = start(port, true);
        try {
            awaitUp(port, first);
            assertThat(token(port)).isEqualTo(200);
        }
        finally {
            stop(first);
        }
        assertThat(home.resolve("pgdata/PG_VERSION")).exists();
        assertThat(home.resolve("pgdata/postmaster.pid")).as("PostgreSQL stopped with the application").doesNotExist();
        assertThat(java.nio.file.Files.readString(home.resolve("egide.log")))
            .as("PostgreSQL is stopped after the context has closed, not while it closes").doesNotContain(" ERROR ")
            .doesNotContain("Failed to validate connection");

        var second = start(port, false);
        try {
            awaitUp(port, second);
            assertThat(token(port)).as("the administrator created on the first start is still there").isEqualTo(200);
        }
        finally {
            stop(second);
        }
    }

    Process start(int port, boolean bootstrap) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(java, "-jar", Path.of("target", "egide.jar").toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("egide.log").toFile()));
        var env = builder.environment();
        env.put("EGIDE_HOME", home.toString());
        env.put("PORT", Integer.toString(port));
        env.remove("EGIDE_DB_URL");
        if (bootstrap) {
            env.put("EGIDE_BOOTSTRAP_ADMIN_EMAIL", "admin@example.org");
            env.put("EGIDE_BOOTSTRAP_ADMIN_PASSWORD", "une phrase de passe assez longue");
        }
        else {
            env.remove("EGIDE_BOOTSTRAP_ADMIN_EMAIL");
            env.remove("EGIDE_BOOTSTRAP_ADMIN_PASSWORD");
        }
        return builder.start();
    }

    void awaitUp(int port, Process process) throws Exception {
        var deadline = System.nanoTime() + HUNG.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the application exited; see %s", home.resolve("egide.log")).isTrue();
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not UP after " + HUNG + ":\n" + Files.readString(home.resolve("egide.log")));
    }

    int token(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"email\": \"admin@example.org\", \"password\": \"une phrase de passe assez longue\"}"))
            .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not stop within 60 s of SIGTERM");
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
