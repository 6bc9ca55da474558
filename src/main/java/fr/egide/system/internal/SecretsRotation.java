package fr.egide.system.internal;

import fr.egide.system.SecretColumn;
import fr.egide.system.Secrets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At every start, re-encrypts under the current key each secret of the declared {@link SecretColumn}s that is not
 * yet: values stored in clear before encryption at rest, values of the first format, values of a previous key
 * after a rotation. Each row is rewritten only if it did not change meanwhile, so two instances starting together
 * do no harm.
 */
@Component
public class SecretsRotation {

    private static final Logger log = LoggerFactory.getLogger(SecretsRotation.class);

    private final JdbcClient jdbc;

    private final Secrets secrets;

    private final List<SecretColumn> columns;

    SecretsRotation(JdbcClient jdbc, Secrets secrets, List<SecretColumn> columns) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.columns = columns;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        var count = reencryptAll();
        if (count > 0) {
            log.info("{} secret(s) chiffré(s) de nouveau sous la clé {}.", count, secrets.currentKeyId());
        }
    }

    /** @return how many values were rewritten */
    public int reencryptAll() {
        var count = 0;
        for (var column : columns) {
            var rows = jdbc.sql("select " + column.keyColumn() + "::text, " + column.column() + " from " + column.table() + " where "
                    + column.column() + " is not null and " + column.column() + " not like ?")
                .param("enc:" + secrets.currentKeyId() + ":%")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
                .list();
            for (var row : rows) {
                String value;
                try {
                    value = secrets.reencrypt(row[1]);
                }
                catch (IllegalArgumentException unreadable) {
                    log.error("Secret illisible dans {}.{} ({} = {}) : {}", column.table(), column.column(), column.keyColumn(), row[0],
                            unreadable.getMessage());
                    continue;
                }
                count += jdbc.sql("update " + column.table() + " set " + column.column() + " = ? where " + column.keyColumn() + "::text = ? and "
                        + column.column() + " = ?").params(value, row[0], row[1]).update();
            }
        }
        return count;
    }

}
