package fr.egide.system.internal;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The persistent embedded PostgreSQL keeps evidence: it must write durably, unlike a test database. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDir;

    @Test
    void persistentServerSyncsToDisk() throws Exception {
        try (var server = EmbeddedPostgresServer.persistent(dataDir, "durable");
                var connection = DriverManager.getConnection(server.jdbcUrl());
                var statement = connection.createStatement()) {
            for (var setting : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
                try (var result = statement.executeQuery("show " + setting)) {
                    result.next();
                    assertThat(result.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

}
