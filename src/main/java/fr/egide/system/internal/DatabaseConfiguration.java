package fr.egide.system.internal;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * One data source for the whole application: the external PostgreSQL when {@code EGIDE_DB_URL} is set,
 * otherwise the embedded one. PostgreSQL in both cases: Égide relies on its French full-text search,
 * JSONB and COPY, so there is no other database to fall back to.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseSettings settings) {
        if (settings.external()) {
            return null;
        }
        if (settings.embeddedEphemeral()) {
            return EmbeddedPostgresServer.ephemeral(settings.embeddedDatabase());
        }
        var early = EmbeddedPostgresPrestart.take(settings.embeddedDataDir());
        return early != null ? early
                : EmbeddedPostgresServer.persistent(settings.embeddedDataDir(), settings.embeddedDatabase());
    }

    /** Depends on the server so that the pool is closed before PostgreSQL stops, not after. */
    @Bean(destroyMethod = "close")
    @DependsOn("embeddedPostgresServer")
    HikariDataSource dataSource(DatabaseSettings settings, ObjectProvider<EmbeddedPostgresServer> embedded) {
        var dataSource = new HikariDataSource();
        dataSource.setPoolName("egide");
        if (settings.external()) {
            dataSource.setJdbcUrl(settings.url());
            dataSource.setUsername(settings.user());
            dataSource.setPassword(settings.password());
        }
        else {
            dataSource.setJdbcUrl(embedded.getObject().jdbcUrl());
            dataSource.setUsername("postgres");
        }
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

}
