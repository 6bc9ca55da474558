package fr.egide.evidence;

import fr.egide.evidence.engine.Digests;
import fr.egide.system.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain of custody of evidence bundles, in PostgreSQL: insert-only (the database refuses UPDATE, DELETE and
 * TRUNCATE) and hash-chained per bundle, so that a removed, changed or inserted entry breaks the chain and
 * {@link #verify} says where.
 */
@Service
public class CustodyLog {

    public static final Set<String> ACTIONS = Set.of("CAPTURE", "SCELLEMENT", "CONSULTATION", "EXPORT", "PARTAGE",
            "VERIFICATION");

    private final JdbcClient jdbc;

    CustodyLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an entry at the end of the bundle's chain (entries of one bundle are appended one at a time). */
    @Transactional
    public CustodyEntry append(String captureId, String action, String actor, String detail) {
        if (!ACTIONS.contains(action)) {
            throw new InvalidRequestException("Action inconnue pour la chaîne de preuve : " + action);
        }
        if (captureId == null || captureId.isBlank() || actor == null || actor.isBlank()) {
            throw new InvalidRequestException("Une entrée de la chaîne de preuve dit de quelle preuve il s'agit et qui agit.");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('evidence_custody:' || ?))").param(captureId).query().singleRow();
        var last = entries(captureId);
        var previous = last.isEmpty() ? CustodyEntry.GENESIS : last.get(last.size() - 1).hash();
        var position = last.size() + 1;
        var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var text = detail == null ? "" : detail;
        var hash = hash(captureId, position, action, actor, at, text, previous);
        jdbc.sql("""
                insert into evidence_custody (capture_id, position, action, actor, at, detail, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            .params(captureId, position, action, actor, Timestamp.from(at), text, previous, hash)
            .update();
        return new CustodyEntry(captureId, position, action, actor, at, text, previous, hash);
    }

    public List<CustodyEntry> entries(String captureId) {
        return jdbc.sql("select * from evidence_custody where capture_id = ? order by position")
            .param(captureId)
            .query((rs, row) -> new CustodyEntry(rs.getString("capture_id"), rs.getInt("position"), rs.getString("action"),
                    rs.getString("actor"), rs.getTimestamp("at").toInstant(), rs.getString("detail"),
                    rs.getString("previous_hash"), rs.getString("hash")))
            .list();
    }

    /** Recomputes the bundle's chain: one check per entry, failing from the first broken link. */
    public List<Check> verify(String captureId) {
        var checks = new ArrayList<Check>();
        var previous = CustodyEntry.GENESIS;
        var expected = 1;
        for (var entry : entries(captureId)) {
            var subject = "chaîne de preuve, entrée " + entry.position();
            if (entry.position() != expected) {
                checks.add(new Check(subject, false, "entrée manquante avant celle-ci"));
            }
            else if (!entry.previousHash().equals(previous)) {
                checks.add(new Check(subject, false, "ne suit pas l'entrée précédente (empreinte précédente différente)"));
            }
            else if (!entry.hash().equals(hash(entry.captureId(), entry.position(), entry.action(), entry.actor(), entry.at(),
                    entry.detail(), entry.previousHash()))) {
                checks.add(new Check(subject, false, "entrée modifiée (son empreinte ne correspond plus)"));
            }
            else {
                checks.add(new Check(subject, true, entry.action() + " par " + entry.actor() + " le " + entry.at()));
            }
            previous = entry.hash();
            expected = entry.position() + 1;
        }
        return checks;
    }

    static String hash(String captureId, int position, String action, String actor, Instant at, String detail, String previous) {
        var line = String.join("\n", captureId, Integer.toString(position), action, actor, at.toString(), detail, previous);
        return Digests.sha256Hex(line.getBytes(StandardCharsets.UTF_8));
    }

}
