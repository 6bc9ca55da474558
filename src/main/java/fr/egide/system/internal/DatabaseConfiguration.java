package fr.egide.system.internal;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
        return settings.embeddedEphemeral() ? EmbeddedPostgresServer.ephemeral(settings.embeddedDatabase())
                : EmbeddedPostgresServer.persistent(settings.embeddedDataDir(), settings.embeddedDatabase());
    }

    @Bean(destroyMethod = "close")
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
