package fr.egide.monitoring.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The scheduling state of connector sources and the record of their scans. */
@Repository
class SourceStore {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    SourceStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record ScannedSource(UUID id, UUID cabinetId, String kind, String name, String state, Map<String, String> settings,
            String cursor, int intervalMinutes, java.time.LocalTime windowStart, java.time.LocalTime windowEnd,
            int consecutiveFailures, String credentials) {
    }

    Optional<ScannedSource> get(UUID id) {
        return jdbc.sql("select * from monitoring_source where id = ?").param(id).query((rs, row) -> new ScannedSource(
                rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class), rs.getString("kind"), rs.getString("name"),
                rs.getString("state"), json.readValue(rs.getString("settings"), new TypeReference<Map<String, String>>() { }),
                rs.getString("cursor"), rs.getInt("interval_minutes"), rs.getObject("window_start", java.time.LocalTime.class),
                rs.getObject("window_end", java.time.LocalTime.class), rs.getInt("consecutive_failures"),
                rs.getString("credentials")))
            .optional();
    }

    /**
     * Sources due for a scan, leased at once (their next run pushed by the lease) so that no other instance takes
     * them while their scan is being scheduled.
     */
    List<UUID> takeDue(int limit, java.time.Duration lease) {
        return jdbc.sql("""
                update monitoring_source s set next_run_at = now() + make_interval(secs => :lease)
                where s.id in (select id from monitoring_source
                               where state = 'ACTIVE' and next_run_at is not null and next_run_at <= now()
                               order by next_run_at limit :limit for update skip locked)
                returning s.id
                """)
            .param("lease", (double) lease.toSeconds()).param("limit", limit)
            .query(UUID.class).list();
    }

    void saveCursor(UUID id, String cursor) {
        jdbc.sql("update monitoring_source set cursor = ? where id = ?").params(cursor, id).update();
    }

    void dueNow(UUID id) {
        jdbc.sql("update monitoring_source set next_run_at = now() where id = ?").param(id).update();
    }

    void succeeded(UUID id, Instant next, List<String> warnings) {
        jdbc.sql("""
                update monitoring_source set last_run_at = now(), last_success_at = now(), next_run_at = ?,
                    consecutive_failures = 0, last_error = null, last_warnings = ?, state = 'ACTIVE'
                where id = ?
                """)
            .params(Timestamp.from(next), warnings.toArray(String[]::new), id).update();
    }

    /** A failure: the next run after a back-off, or the source put in error with the reason. */
    void failed(UUID id, String error, Instant next, boolean inError) {
        jdbc.sql("""
                update monitoring_source set last_run_at = now(), next_run_at = ?, last_error = ?,
                    consecutive_failures = consecutive_failures + 1,
                    state = case when ? then 'EN_ERREUR' else state end
                where id = ?
                """)
            .params(inError ? null : Timestamp.from(next), error, inError, id).update();
    }

    UUID startScan(UUID sourceId, String instance) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into monitoring_scan (id, source_id, started_at, status, instance) values (?, ?, now(), 'EN_COURS', ?)")
            .params(id, sourceId, instance).update();
        return id;
    }

    void finishScan(UUID scanId, String status, int pages, long items, long created, long updated, long removed, List<String> warnings,
            String error, List<Map<String, String>> checks) {
        jdbc.sql("""
                update monitoring_scan set finished_at = now(), status = ?, pages = ?, items = ?, created = ?, updated = ?,
                    removed = ?, warnings = ?, error = ?, checks = ?::jsonb
                where id = ?
                """)
            .params(status, pages, items, created, updated, removed, warnings.toArray(String[]::new), error,
                    json.writeValueAsString(checks), scanId).update();
    }

    /**
     * After a complete scan of a source that lists its whole history: mentions no longer listed are marked removed
     * (the first time they are missed); those listed again come back.
     */
    long markRemoved(UUID sourceId, java.util.Collection<String> seenExternalIds) {
        var seen = seenExternalIds.toArray(String[]::new);
        jdbc.sql("update monitoring_mention set removed_at = null where source_id = ? and removed_at is not null and external_id = any(?)")
            .params(sourceId, seen).update();
        return jdbc.sql("""
                update monitoring_mention set removed_at = now()
                where source_id = ? and removed_at is null and external_id is not null and not (external_id = any(?))
                """)
            .params(sourceId, seen).update();
    }

    record ScanRecord(UUID id, Instant startedAt, Instant finishedAt, String status, int pages, int items, int created,
            int updated, int removed, List<String> warnings, String error) {
    }

    List<ScanRecord> scans(UUID sourceId, int limit) {
        return jdbc.sql("select * from monitoring_scan where source_id = ? order by started_at desc limit ?").params(sourceId, limit)
            .query((rs, row) -> new ScanRecord(rs.getObject("id", UUID.class), rs.getTimestamp("started_at").toInstant(),
                    rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(), rs.getString("status"),
                    rs.getInt("pages"), rs.getInt("items"), rs.getInt("created"), rs.getInt("updated"), rs.getInt("removed"),
                    java.util.Arrays.asList((String[]) rs.getArray("warnings").getArray()), rs.getString("error")))
            .list();
    }

}
