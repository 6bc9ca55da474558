package fr.egide.system.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Égide keeps its data.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code EGIDE_DB_URL}); when blank, an embedded PostgreSQL is started
 * @param user user of the external database
 * @param password password of the external database
 * @param embeddedDataDir data directory of the embedded PostgreSQL, kept across restarts
 * @param embeddedEphemeral throw the embedded database away at the end of the JVM (tests and benchmarks)
 * @param embeddedDatabase name of the database inside the embedded PostgreSQL
 */
@ConfigurationProperties("egide.db")
record DatabaseSettings(String url, String user, String password, Path embeddedDataDir, boolean embeddedEphemeral,
        String embeddedDatabase) {

    boolean external() {
        return url != null && !url.isBlank();
    }

}
