package fr.egide.evidence.internal;

import fr.egide.evidence.CaptureSummary;
import fr.egide.evidence.WatchSummary;
import fr.egide.system.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The captures and watched URLs, in PostgreSQL. */
@Repository
public class CaptureStore {

    private final JdbcClient jdbc;

    CaptureStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewCapture(String id, UUID cabinetId, UUID mentionId, Integer mentionVersion, String url, String reason,
            String requestedBy, UUID requestedById, String trigger) {
    }

    /** False when an automatic capture of this mention version already exists. */
    public boolean insert(NewCapture capture) {
        return jdbc.sql("""
                insert into evidence_capture (id, cabinet_id, mention_id, mention_version, url, reason, requested_by,
                    requested_by_id, trigger, status, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'EN_ATTENTE', ?)
                on conflict do nothing
                """)
            .params(capture.id(), capture.cabinetId(), capture.mentionId(), capture.mentionVersion(), capture.url(),
                    capture.reason(), capture.requestedBy(), capture.requestedById(), capture.trigger(), Timestamp.from(Instant.now()))
            .update() == 1;
    }

    /** Marks a waiting capture as running; false when it is not waiting (already run by another instance). */
    public boolean start(String id) {
        return jdbc.sql("update evidence_capture set status = 'EN_COURS', started_at = ? where id = ? and status = 'EN_ATTENTE'")
            .params(Timestamp.from(Instant.now()), id)
            .update() == 1;
    }

    public record Sealed(String finalUrl, int httpStatus, boolean rendered, String bundleFile, String bundleSha256, long bundleSize,
            String manifestSha256, String textSha256, List<String> limits, Instant startedAt, Instant endedAt) {
    }

    public void sealed(String id, Sealed sealed) {
        jdbc.sql("""
                update evidence_capture set status = 'SCELLEE', final_url = ?, http_status = ?, rendered = ?, bundle_file = ?,
                    bundle_sha256 = ?, bundle_size = ?, manifest_sha256 = ?, text_sha256 = ?, limits = ?, started_at = ?,
                    ended_at = ?, error = null
                where id = ?
                """)
            .params(sealed.finalUrl(), sealed.httpStatus(), sealed.rendered(), sealed.bundleFile(), sealed.bundleSha256(),
                    sealed.bundleSize(), sealed.manifestSha256(), sealed.textSha256(), sealed.limits().toArray(String[]::new),
                    Timestamp.from(sealed.startedAt()), Timestamp.from(sealed.endedAt()), id)
            .update();
    }

    public void failed(String id, String error) {
        jdbc.sql("update evidence_capture set status = 'ECHEC', error = ?, ended_at = ? where id = ?")
            .params(error, Timestamp.from(Instant.now()), id)
            .update();
    }

    public void finding(String id, String finding, String detail) {
        jdbc.sql("update evidence_capture set finding = ?, finding_detail = ? where id = ?").params(finding, detail, id).update();
    }

    public Optional<CaptureSummary> get(String id) {
        return jdbc.sql("select * from evidence_capture where id = ?").param(id).query(CaptureStore::capture).optional();
    }

    public Optional<String> bundleFile(String id) {
        return jdbc.sql("select bundle_file from evidence_capture where id = ? and status = 'SCELLEE'").param(id)
            .query(String.class).optional();
    }

    public Optional<String> textSha256(String id) {
        return jdbc.sql("select text_sha256 from evidence_capture where id = ?").param(id).query(String.class).optional();
    }

    public PageResult<CaptureSummary> page(Collection<UUID> cabinetIds, UUID cabinetId, UUID mentionId, int page, int size) {
        if (cabinetIds.isEmpty()) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        var where = " where cabinet_id in (:cabinets)" + (cabinetId != null ? " and cabinet_id = :cabinet" : "")
                + (mentionId != null ? " and mention_id = :mention" : "");
        var count = jdbc.sql("select count(*) from evidence_capture" + where).param("cabinets", cabinetIds);
        var select = jdbc.sql("select * from evidence_capture" + where + " order by requested_at desc, id limit :limit offset :offset")
            .param("cabinets", cabinetIds).param("limit", size).param("offset", (long) page * size);
        if (cabinetId != null) {
            count = count.param("cabinet", cabinetId);
            select = select.param("cabinet", cabinetId);
        }
        if (mentionId != null) {
            count = count.param("mention", mentionId);
            select = select.param("mention", mentionId);
        }
        var total = count.query(Long.class).single();
        return new PageResult<>(select.query(CaptureStore::capture).list(), page, size, total);
    }

    public Optional<WatchSummary> watch(UUID cabinetId, String url) {
        return jdbc.sql("select * from evidence_watch where cabinet_id = ? and url = ?").params(cabinetId, url)
            .query(CaptureStore::watch).optional();
    }

    public List<WatchSummary> watchesOfMention(UUID mentionId) {
        return jdbc.sql("select * from evidence_watch where mention_id = ? order by url").param(mentionId).query(CaptureStore::watch).list();
    }

    public Optional<String> excerpt(UUID cabinetId, String url) {
        return jdbc.sql("select excerpt from evidence_watch where cabinet_id = ? and url = ?").params(cabinetId, url)
            .query(String.class).optional();
    }

    public void startWatching(UUID cabinetId, String url, UUID mentionId, String excerpt, String captureId, Instant next) {
        jdbc.sql("""
                insert into evidence_watch (cabinet_id, url, mention_id, excerpt, first_capture_id, last_capture_id, state,
                    last_check_at, next_check_at)
                values (?, ?, ?, ?, ?, ?, 'EN_LIGNE', ?, ?)
                on conflict (cabinet_id, url) do nothing
                """)
            .params(cabinetId, url, mentionId, excerpt, captureId, captureId, Timestamp.from(Instant.now()), Timestamp.from(next))
            .update();
    }

    public void checked(UUID cabinetId, String url, String captureId, String state, Instant next) {
        jdbc.sql("""
                update evidence_watch set last_capture_id = ?, state = ?, last_check_at = ?, next_check_at = ?
                where cabinet_id = ? and url = ?
                """)
            .params(captureId, state, Timestamp.from(Instant.now()), next == null ? null : Timestamp.from(next), cabinetId, url)
            .update();
    }

    /** Watches due for a check, pushed to their next date at once so that no other instance takes them. */
    public List<WatchSummary> takeDue(int limit, Instant next) {
        return jdbc.sql("""
                update evidence_watch w set next_check_at = ?
                where (w.cabinet_id, w.url) in (
                    select cabinet_id, url from evidence_watch where next_check_at <= now()
                    order by next_check_at limit ? for update skip locked)
                returning w.*
                """)
            .params(Timestamp.from(next), limit)
            .query(CaptureStore::watch)
            .list();
    }

    /** Makes a watch due now (the "re-check now" button). */
    public boolean dueNow(UUID cabinetId, String url) {
        return jdbc.sql("update evidence_watch set next_check_at = now() where cabinet_id = ? and url = ? and state <> 'DISPARUE'")
            .params(cabinetId, url).update() == 1;
    }

    public void share(UUID id, String captureId, String tokenSha256, String recipient, String createdBy, Instant expiresAt) {
        jdbc.sql("""
                insert into evidence_share (id, capture_id, token_sha256, recipient, created_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
            .params(id, captureId, tokenSha256, recipient, createdBy, Timestamp.from(Instant.now()), Timestamp.from(expiresAt))
            .update();
    }

    /** The capture and recipient of a valid (unexpired, unrevoked) share link. */
    public Optional<String[]> shared(String tokenSha256) {
        return jdbc.sql("""
                select capture_id, recipient from evidence_share
                where token_sha256 = ? and revoked_at is null and expires_at > now()
                """)
            .param(tokenSha256)
            .query((rs, row) -> new String[] { rs.getString("capture_id"), rs.getString("recipient") })
            .optional();
    }

    private static CaptureSummary capture(ResultSet rs, int row) throws SQLException {
        var limits = rs.getArray("limits");
        return new CaptureSummary(rs.getString("id"), rs.getObject("cabinet_id", UUID.class), rs.getObject("mention_id", UUID.class),
                rs.getString("url"), rs.getString("reason"), rs.getString("requested_by"), rs.getString("trigger"),
                rs.getString("status"), rs.getString("error"), instant(rs, "requested_at"), instant(rs, "started_at"),
                instant(rs, "ended_at"), rs.getString("final_url"), (Integer) rs.getObject("http_status"),
                (Boolean) rs.getObject("rendered"), rs.getString("bundle_sha256"), (Long) rs.getObject("bundle_size"),
                rs.getString("manifest_sha256"), limits == null ? List.of() : Arrays.asList((String[]) limits.getArray()),
                rs.getString("finding"), rs.getString("finding_detail"));
    }

    private static WatchSummary watch(ResultSet rs, int row) throws SQLException {
        return new WatchSummary(rs.getObject("cabinet_id", UUID.class), rs.getString("url"), rs.getObject("mention_id", UUID.class),
                rs.getString("first_capture_id"), rs.getString("last_capture_id"), rs.getString("state"),
                instant(rs, "last_check_at"), instant(rs, "next_check_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
