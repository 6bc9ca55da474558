package fr.egide.evidence;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chain of custody in PostgreSQL: appended and chained, never updated nor deleted, and a forged entry is found. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustodyLogIntegrationTests {

    @Autowired
    CustodyLog custody;

    @Autowired
    JdbcClient jdbc;

    @Test
    void entriesAreChainedAndTheDatabaseRefusesToRewriteThem() {
        var capture = "capture-" + UUID.randomUUID();
        var first = custody.append(capture, "CAPTURE", "Dr Preuve", "https://avis.example/1");
        var second = custody.append(capture, "SCELLEMENT", "système", "2 jetons");
        custody.append(capture, "EXPORT", "Dr Preuve", "pour l'avocat");
        assertThat(first.previousHash()).isEqualTo(CustodyEntry.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(custody.verify(capture)).hasSize(3).allMatch(Check::passed);

        assertThatThrownBy(() -> jdbc.sql("update evidence_custody set actor = 'quelqu''un' where capture_id = ?").param(capture).update())
            .rootCause().hasMessageContaining("ne se modifie pas et ne s'efface pas");
        assertThatThrownBy(() -> jdbc.sql("delete from evidence_custody where capture_id = ?").param(capture).update())
            .rootCause().hasMessageContaining("ne se modifie pas et ne s'efface pas");
        assertThatThrownBy(() -> jdbc.sql("truncate evidence_custody").update())
            .rootCause().hasMessageContaining("ne se modifie pas et ne s'efface pas");
        assertThat(custody.entries(capture)).hasSize(3);
    }

    @Test
    void aForgedEntryBreaksTheChainWhereItIs() {
        var capture = "capture-" + UUID.randomUUID();
        custody.append(capture, "CAPTURE", "Dr Preuve", "");
        var second = custody.append(capture, "SCELLEMENT", "système", "");
        // Written around the service, as someone with database access would: a plausible entry with a made-up hash.
        jdbc.sql("""
                insert into evidence_custody (capture_id, position, action, actor, at, detail, previous_hash, hash)
                values (?, 3, 'PARTAGE', 'inconnu', now(), '', ?, ?)
                """).params(capture, second.hash(), "f".repeat(64)).update();
        var checks = custody.verify(capture);
        assertThat(checks).extracting(Check::passed).containsExactly(true, true, false);
        assertThat(checks.get(2).detail()).contains("entrée modifiée");
        assertThatThrownBy(() -> custody.append(capture, "EFFACEMENT", "x", "")).hasMessageContaining("Action inconnue");
    }

}
