package fr.egide.audit;

import fr.egide.identity.CabinetAccess;
import fr.egide.system.PageResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: modules record sensitive acts here; entries are appended to their cabinet's chain, hash-chained
 * (SHA-256 over a canonical serialization of the entry and the previous entry's hash) and never changed — the
 * database refuses UPDATE, DELETE and TRUNCATE. {@link #verify} recomputes a chain and names the first entry that
 * was altered, removed or inserted.
 *
 * <p>One chain per cabinet (and one {@value #GLOBAL_CHAIN} chain for acts outside any cabinet, such as a failed
 * sign-in): a cabinet's chain can be checked, exported and kept as a whole, and appends of different cabinets do
 * not wait for each other.
 */
@Service
public class AuditLog {

    public static final String GLOBAL_CHAIN = "global";

    /** The previous hash of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    AuditLog(JdbcClient jdbc, CabinetAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * Records an act of the signed-in user (none for a job or an anonymous request). It is written in the caller's
     * transaction when there is one: an act that is rolled back leaves no entry, and an entry that cannot be
     * written rolls the act back.
     */
    public AuditEntry record(UUID cabinetId, AuditAction action, String objectType, Object objectId, Map<String, String> details) {
        return recordAs(currentUserId(), cabinetId, action, objectType, objectId, details);
    }

    /** Records an act of a given user (or of nobody: {@code actorId} null, e.g. the retention job). */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry recordAs(UUID actorId, UUID cabinetId, AuditAction action, String objectType, Object objectId,
            Map<String, String> details) {
        if (action == null) {
            throw new IllegalArgumentException("une entrée du journal dit quel acte elle trace");
        }
        var chain = cabinetId == null ? GLOBAL_CHAIN : cabinetId.toString();
        var facts = new TreeMap<String, String>();
        if (details != null) {
            details.forEach((key, value) -> {
                if (key != null && value != null) {
                    facts.put(key, value.length() > 500 ? value.substring(0, 500) : value);
                }
            });
        }
        var type = objectType == null ? "" : objectType;
        var object = objectId == null ? "" : objectId.toString();
        // Appends to one chain are serialized: the next position and the previous hash are read under the lock.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('audit_entry:' || ?))").param(chain).query().singleRow();
        var last = jdbc.sql("select seq, hash from audit_entry where chain = ? order by seq desc limit 1")
            .param(chain)
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .optional();
        var seq = last.map(Map.Entry::getKey).orElse(0L) + 1;
        var previous = last.map(Map.Entry::getValue).orElse(GENESIS);
        var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var hash = hash(chain, seq, at, actorId, cabinetId, action.name(), type, object, facts, previous);
        var id = jdbc.sql("""
                insert into audit_entry (chain, seq, at, actor_id, cabinet_id, action, object_type, object_id, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) returning id
                """)
            .params(chain, seq, Timestamp.from(at), actorId, cabinetId, action.name(), type, object, JSON.writeValueAsString(facts),
                    previous, hash)
            .query(Long.class)
            .single();
        return new AuditEntry(id, chain, seq, at, actorId, cabinetId, action, type, object, facts, previous, hash);
    }

    /** A cabinet's entries, newest first, filtered. */
    @Transactional(readOnly = true)
    public PageResult<AuditEntry> entries(UUID cabinetId, AuditFilter filter, int page, int size) {
        var where = new StringBuilder("cabinet_id = :cabinet");
        var params = new LinkedHashMap<String, Object>();
        params.put("cabinet", cabinetId);
        var f = filter == null ? AuditFilter.none() : filter;
        if (f.action() != null) {
            where.append(" and action = :action");
            params.put("action", f.action().name());
        }
        if (f.actorId() != null) {
            where.append(" and actor_id = :actor");
            params.put("actor", f.actorId());
        }
        if (f.from() != null) {
            where.append(" and at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(PARIS).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(PARIS).toInstant()));
        }
        var safeSize = Math.max(1, Math.min(size, 200));
        var safePage = Math.max(0, page);
        var total = jdbc.sql("select count(*) from audit_entry where " + where).params(params).query(Long.class).single();
        var items = jdbc.sql("select * from audit_entry where " + where + " order by at desc, id desc limit :limit offset :offset")
            .params(params)
            .param("limit", safeSize)
            .param("offset", (long) safePage * safeSize)
            .query(AuditLog::entry)
            .list();
        return new PageResult<>(items, safePage, safeSize, total);
    }

    /** Every entry of a chain, oldest first (the GDPR export includes the cabinet's). */
    @Transactional(readOnly = true)
    public List<AuditEntry> chain(String chain) {
        return jdbc.sql("select * from audit_entry where chain = ? order by seq").param(chain).query(AuditLog::entry).list();
    }

    /** The users who appear in a cabinet's journal, for the filter. */
    @Transactional(readOnly = true)
    public List<UUID> actors(UUID cabinetId) {
        return jdbc.sql("select distinct actor_id from audit_entry where cabinet_id = ? and actor_id is not null")
            .param(cabinetId)
            .query(UUID.class)
            .list();
    }

    /** Checks a cabinet's chain ({@code null}: the global chain). */
    public ChainCheck verify(UUID cabinetId) {
        return verifyChain(cabinetId == null ? GLOBAL_CHAIN : cabinetId.toString());
    }

    /**
     * Recomputes every hash of a chain in order: a changed field breaks that entry's hash, a removed entry leaves a
     * gap in the positions and breaks the next entry's link, an inserted one breaks the link too.
     */
    @Transactional(readOnly = true)
    public ChainCheck verifyChain(String chain) {
        var previous = GENESIS;
        long expected = 1;
        long count = 0;
        for (var entry : chain(chain)) {
            count++;
            if (entry.seq() != expected) {
                return new ChainCheck(chain, count, expected, "entrée n° " + expected + " absente (la suivante est la n° " + entry.seq() + ")");
            }
            if (!entry.prevHash().equals(previous)) {
                return new ChainCheck(chain, count, entry.seq(),
                        "entrée n° " + entry.seq() + " : son lien ne correspond pas à l'empreinte de l'entrée précédente");
            }
            var recomputed = hash(entry.chain(), entry.seq(), entry.at(), entry.actorId(), entry.cabinetId(), entry.action().name(),
                    entry.objectType(), entry.objectId(), entry.details(), entry.prevHash());
            if (!recomputed.equals(entry.hash())) {
                return new ChainCheck(chain, count, entry.seq(), "entrée n° " + entry.seq() + " modifiée : son empreinte ne correspond plus");
            }
            previous = entry.hash();
            expected++;
        }
        return new ChainCheck(chain, count, 0, "");
    }

    /**
     * SHA-256 (hex) of the canonical serialization — a JSON array of the fields in a fixed order, the details with
     * sorted keys, the instant in ISO-8601 at microsecond precision — followed by a line feed and the previous hash.
     */
    static String hash(String chain, long seq, Instant at, UUID actorId, UUID cabinetId, String action, String objectType,
            String objectId, Map<String, String> details, String previousHash) {
        var fields = new ArrayList<Object>();
        fields.add(chain);
        fields.add(seq);
        fields.add(at.truncatedTo(ChronoUnit.MICROS).toString());
        fields.add(actorId == null ? null : actorId.toString());
        fields.add(cabinetId == null ? null : cabinetId.toString());
        fields.add(action);
        fields.add(objectType);
        fields.add(objectId);
        fields.add(new TreeMap<>(details));
        var canonical = JSON.writeValueAsString(fields) + "\n" + previousHash;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 indisponible", ex);
        }
    }

    private UUID currentUserId() {
        try {
            return access.currentUser().id();
        }
        catch (IllegalStateException anonymous) {
            return null;
        }
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        var cabinet = rs.getObject("cabinet_id", UUID.class);
        return new AuditEntry(rs.getLong("id"), rs.getString("chain"), rs.getLong("seq"), rs.getTimestamp("at").toInstant(),
                rs.getObject("actor_id", UUID.class), cabinet, AuditAction.valueOf(rs.getString("action")), rs.getString("object_type"),
                rs.getString("object_id"), JSON.readValue(rs.getString("details"), DETAILS), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

}
