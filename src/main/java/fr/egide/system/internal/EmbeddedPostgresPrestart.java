package fr.egide.system.internal;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the persistent embedded PostgreSQL as soon as the configuration is known, in parallel with the
 * creation of the Spring context: on two cores, initdb and the server start would otherwise add three to
 * four seconds to every start. Registered in META-INF/spring.factories because it must run before any bean
 * exists; {@link DatabaseConfiguration} then waits for the server.
 */
class EmbeddedPostgresPrestart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static CompletableFuture<EmbeddedPostgresServer> starting;

    private static Path startingDir;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var binder = Binder.get(event.getEnvironment());
        var url = binder.bind("egide.db.url", String.class).orElse("");
        var ephemeral = binder.bind("egide.db.embedded-ephemeral", Boolean.class).orElse(false);
        var dataDir = binder.bind("egide.db.embedded-data-dir", Path.class).orElse(null);
        var database = binder.bind("egide.db.embedded-database", String.class).orElse("egide");
        if (!url.isBlank() || ephemeral || dataDir == null) {
            return;
        }
        synchronized (EmbeddedPostgresPrestart.class) {
            if (starting == null) {
                startingDir = dataDir;
                starting = CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.persistent(dataDir, database));
            }
        }
    }

    /** The server started early for this data directory, if any; its start failure surfaces here. */
    static synchronized EmbeddedPostgresServer take(Path dataDir) {
        if (starting == null || !dataDir.equals(startingDir)) {
            return null;
        }
        var server = starting.join();
        starting = null;
        startingDir = null;
        return server;
    }

}
