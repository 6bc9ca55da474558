package fr.egide;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With EGIDE_DB_URL set (here through its property), Égide uses that PostgreSQL, starts no embedded one, and
 * migrates it. The "external" server is a separate PostgreSQL process started by the test.
 */
@SpringBootTest
class ExternalDatabaseIntegrationTests {

    static final EmbeddedPostgres external = start();

    static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("egide.db.url", () -> "jdbc:postgresql://localhost:" + external.getPort() + "/postgres");
        registry.add("egide.db.user", () -> "postgres");
        registry.add("egide.db.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        external.close();
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void usesTheConfiguredDatabaseAndMigratesIt() {
        assertThat(((HikariDataSource) dataSource).getJdbcUrl()).contains(":" + external.getPort() + "/postgres");
        assertThat(jdbc.sql("select current_setting('port')").query(String.class).single())
            .isEqualTo(Integer.toString(external.getPort()));
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in "
                + "('identity_user', 'practice_cabinet', 'monitoring_mention', 'event_publication')")
            .query(Long.class)
            .single()).isEqualTo(4);
    }

}
