package fr.egide.system.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that Égide runs for itself when no external database is configured. A persistent one
 * keeps its data directory across restarts and is stopped cleanly with the application; an ephemeral one
 * (tests, benchmarks) is shared by every Spring context of the JVM and removed when the JVM exits.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static EmbeddedPostgresServer ephemeral;

    private final EmbeddedPostgres postgres;

    private final boolean shared;

    private final String database;

    /** Counted down when the application has closed the server (its context is closing, the pool is closed). */
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    /** How long the safety-net shutdown hook leaves the application to close the server itself. */
    static final java.time.Duration CLOSE_GRACE = java.time.Duration.ofSeconds(10);

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean shared, String database) {
        this.postgres = postgres;
        this.shared = shared;
        this.database = database;
    }

    static EmbeddedPostgresServer persistent(Path dataDir, String database) {
        try {
            Files.createDirectories(dataDir);
            log.info("Démarrage de PostgreSQL intégré, données dans {}", dataDir);
            // Zonky starts PostgreSQL with -F (no fsync) for tests; Égide keeps evidence, so durability is restored.
            // No zonky shutdown hook: it would stop PostgreSQL while the Spring context is still closing (the event
            // publication registry and in-flight transactions still use it). The application closes the server after
            // its connection pool; the hook below only stops it if the application never does.
            var postgres = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
            tune(postgres);
            var started = postgres.start();
            var server = new EmbeddedPostgresServer(started, false, database);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopUnlessClosed, "embedded-postgres-safety-stop"));
            return server.withDatabase();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Impossible de démarrer PostgreSQL intégré dans " + dataDir, ex);
        }
    }

    /**
     * The JVM-wide throw-away server, with the given database created in it if needed: tests that need an
     * empty database (first-run installation) ask for a database of their own on the same server.
     */
    static synchronized EmbeddedPostgresServer ephemeral(String database) {
        if (ephemeral == null) {
            try {
                var builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    // Durability buys nothing for a database thrown away at exit, and costs test time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
                tune(builder);
                if (Boolean.getBoolean("egide.db.statement-statistics")) {
                    // Benchmarks only (-Degide.db.statement-statistics=true): per-statement time in pg_stat_statements.
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all");
                }
                var postgres = builder.start();
                ephemeral = new EmbeddedPostgresServer(postgres, true, database);
                Runtime.getRuntime().addShutdownHook(new Thread(ephemeral::stop, "embedded-postgres-stop"));
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Impossible de démarrer PostgreSQL intégré", ex);
            }
        }
        return new EmbeddedPostgresServer(ephemeral.postgres, true, database).withDatabase();
    }

    /**
     * Memory and checkpoints sized for ingestion rather than initdb's minimal defaults (128 MB of shared buffers, a
     * checkpoint per GB of WAL): a quarter of the machine's memory up to 1 GB for the buffers, and checkpoints at most
     * every 4 GB of WAL or 15 minutes. An external PostgreSQL is tuned by its administrator (README).
     */
    private static void tune(EmbeddedPostgres.Builder builder) {
        long memory = physicalMemory();
        long buffersMb = memory <= 0 ? 128 : Math.max(128, Math.min(1024, memory / 4 / (1024 * 1024)));
        builder.setServerConfig("shared_buffers", buffersMb + "MB")
            .setServerConfig("max_wal_size", "4GB")
            .setServerConfig("checkpoint_timeout", "15min");
    }

    private static long physicalMemory() {
        var bean = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
    }

    private EmbeddedPostgresServer withDatabase() {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            statement.setString(1, database);
            try (var result = statement.executeQuery()) {
                if (!result.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database \"" + database + "\" encoding 'UTF8'");
                    }
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Impossible de créer la base " + database, ex);
        }
        return this;
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public void close() {
        if (!shared && closed.getCount() > 0) {
            stop();
            closed.countDown();
        }
    }

    /** At JVM exit: waits for the application to close the server, and stops it only if it did not. */
    private void stopUnlessClosed() {
        try {
            if (!closed.await(CLOSE_GRACE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                stop();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    private void stop() {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            log.warn("Arrêt de PostgreSQL intégré incomplet", ex);
        }
    }

}
