package fr.egide;

import fr.egide.alerts.Alerts;
import fr.egide.alerts.internal.AlertStore;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.SecretColumn;
import fr.egide.system.Secrets;
import fr.egide.system.internal.SecretsRotation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets in the database: the raw columns, read with SQL, never hold a secret in clear, the application reads them
 * back, and a value stored in clear before encryption at rest is encrypted by the start-up re-encryption.
 */
@SpringBootTest
class SecretsAtRestIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Alerts alerts;

    @Autowired
    AlertStore store;

    @Autowired
    PracticeManagement practice;

    @Autowired
    Secrets secrets;

    @Autowired
    SecretsRotation rotation;

    @Autowired
    List<SecretColumn> columns;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void aWebhookSecretIsStoredEncryptedAndReadBack() {
        var user = TestAccounts.create(context, "Dr Secret");
        TestAccounts.signIn(context, user);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet secret " + UUID.randomUUID(), "1 rue de la Paix", "75002", "Paris")).id();
        alerts.setWebhook(cabinet, "https://hooks.example.org/egide", "secret-du-webhook-0123456789");

        var raw = jdbc.sql("select secret from alerts_webhook where cabinet_id = ?").param(cabinet).query(String.class).single();
        assertThat(raw).startsWith("enc:" + secrets.currentKeyId() + ":").doesNotContain("secret-du-webhook");
        assertThat(store.webhook(cabinet)).hasValueSatisfying(webhook -> assertThat(webhook[1]).isEqualTo("secret-du-webhook-0123456789"));
        assertThat(everySecretColumn()).noneMatch(value -> value.contains("secret-du-webhook"));
    }

    @Test
    void aSecretStoredInClearBeforeIsEncryptedAtTheNextStart() {
        var cabinet = UUID.randomUUID();
        jdbc.sql("insert into alerts_webhook (cabinet_id, url, secret) values (?, 'https://hooks.example.org/ancien', 'ancien-secret-en-clair-42')")
            .param(cabinet).update();
        assertThat(rotation.reencryptAll()).isGreaterThanOrEqualTo(1);
        var raw = jdbc.sql("select secret from alerts_webhook where cabinet_id = ?").param(cabinet).query(String.class).single();
        assertThat(raw).startsWith("enc:").doesNotContain("ancien-secret");
        assertThat(store.webhook(cabinet)).hasValueSatisfying(webhook -> assertThat(webhook[1]).isEqualTo("ancien-secret-en-clair-42"));
        assertThat(everySecretColumn()).noneMatch(value -> value.contains("ancien-secret-en-clair")).allMatch(secrets::isEncrypted);
    }

    @Test
    void everyModuleDeclaresItsSecretColumns() {
        assertThat(columns).extracting(SecretColumn::table).contains("alerts_webhook", "monitoring_google_connection");
    }

    List<String> everySecretColumn() {
        return columns.stream()
            .flatMap(column -> jdbc.sql("select " + column.column() + " from " + column.table() + " where " + column.column() + " is not null")
                .query(String.class).list().stream())
            .toList();
    }

}
