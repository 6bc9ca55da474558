package fr.egide.replies.internal;

import fr.egide.compliance.LintResult;
import fr.egide.replies.ReplyEvent;
import fr.egide.replies.ReplyOrigin;
import fr.egide.replies.ReplySettings;
import fr.egide.replies.ReplyState;
import fr.egide.replies.ReplyVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Replies, their versions and their history in PostgreSQL. Access checks are the caller's. */
@Repository
public class ReplyStore {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    ReplyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A draft row, without its versions and events. */
    public record Row(UUID id, UUID mentionId, UUID cabinetId, ReplyState state, UUID createdBy, Instant createdAt,
            String publishedText, String publishedUrl, String publishedVia, Instant publishedAt) {
    }

    public ReplySettings settings(UUID cabinetId) {
        return jdbc.sql("select reflection_hours, require_peer_review from replies_setting where cabinet_id = ? order by seq desc limit 1")
            .param(cabinetId)
            .query((rs, row) -> new ReplySettings(cabinetId, rs.getInt(1), rs.getBoolean(2)))
            .optional()
            .orElse(new ReplySettings(cabinetId, ReplySettings.DEFAULT_REFLECTION_HOURS, false));
    }

    public void saveSettings(ReplySettings settings, UUID userId) {
        jdbc.sql("insert into replies_setting (cabinet_id, reflection_hours, require_peer_review, changed_by) values (?, ?, ?, ?)")
            .params(settings.cabinetId(), settings.reflectionHours(), settings.requirePeerReview(), userId)
            .update();
    }

    /** Locks a draft for the time of a transaction and returns its current state (publication claims it first). */
    public Optional<ReplyState> lock(UUID id) {
        return jdbc.sql("select state from replies_draft where id = ? for update")
            .param(id)
            .query((rs, row) -> ReplyState.valueOf(rs.getString(1)))
            .optional();
    }

    /** Records the first reading of a review; later readings change nothing. Returns the first reading's time. */
    public Instant firstRead(UUID mentionId, UUID cabinetId, UUID userId) {
        jdbc.sql("insert into replies_first_read (mention_id, cabinet_id, user_id) values (?, ?, ?) on conflict do nothing")
            .params(mentionId, cabinetId, userId)
            .update();
        return readAt(mentionId).orElseThrow();
    }

    public Optional<Instant> readAt(UUID mentionId) {
        return jdbc.sql("select read_at from replies_first_read where mention_id = ?")
            .param(mentionId)
            .query((rs, row) -> rs.getTimestamp(1).toInstant())
            .optional();
    }

    public void insertDraft(UUID id, UUID mentionId, UUID cabinetId, UUID userId) {
        jdbc.sql("insert into replies_draft (id, mention_id, cabinet_id, state, created_by) values (?, ?, ?, 'BROUILLON', ?)")
            .params(id, mentionId, cabinetId, userId)
            .update();
    }

    public Optional<Row> draft(UUID id) {
        return jdbc.sql("select * from replies_draft where id = ?").param(id).query(ReplyStore::row).optional();
    }

    /** The draft in progress for a mention, or its latest one. */
    public Optional<Row> latestOfMention(UUID mentionId) {
        return jdbc.sql("select * from replies_draft where mention_id = ? order by (state in ('BROUILLON', 'EN_RELECTURE', "
                + "'APPROUVE')) desc, created_at desc limit 1")
            .param(mentionId)
            .query(ReplyStore::row)
            .optional();
    }

    public List<Row> ofMention(UUID mentionId) {
        return jdbc.sql("select * from replies_draft where mention_id = ? order by created_at desc")
            .param(mentionId)
            .query(ReplyStore::row)
            .list();
    }

    /** Moves a draft from one state to another; false when it was no longer in the expected state. */
    public boolean transition(UUID id, ReplyState from, ReplyState to) {
        return jdbc.sql("update replies_draft set state = ?, updated_at = now() where id = ? and state = ?")
            .params(to.name(), id, from.name())
            .update() == 1;
    }

    public boolean publish(UUID id, String text, String url, String via, UUID userId) {
        return jdbc.sql("""
                update replies_draft set state = 'PUBLIE', updated_at = now(), published_text = ?, published_url = ?,
                    published_via = ?, published_by = ?, published_at = now()
                where id = ? and state = 'APPROUVE'
                """)
            .params(text, url, via, userId, id)
            .update() == 1;
    }

    public int addVersion(UUID draftId, String text, ReplyOrigin origin, UUID authorId, LintResult lint) {
        var number = jdbc.sql("select coalesce(max(version_no), 0) + 1 from replies_version where draft_id = ?")
            .param(draftId)
            .query(Integer.class)
            .single();
        jdbc.sql("""
                insert into replies_version (id, draft_id, version_no, text, origin, author_id, verdict, findings, linter_version)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                """)
            .params(UUID.randomUUID(), draftId, number, text, origin.name(), authorId, lint.verdict().name(),
                    json.writeValueAsString(lint), lint.linterVersion())
            .update();
        jdbc.sql("update replies_draft set updated_at = now() where id = ?").param(draftId).update();
        return number;
    }

    public List<ReplyVersion> versions(UUID draftId) {
        return jdbc.sql("""
                select v.id, v.version_no, v.text, v.origin, v.author_id, v.created_at, v.findings::text as lint
                from replies_version v where v.draft_id = ? order by v.version_no desc
                """)
            .param(draftId)
            .query((rs, row) -> new ReplyVersion(rs.getObject("id", UUID.class), rs.getInt("version_no"), rs.getString("text"),
                    ReplyOrigin.valueOf(rs.getString("origin")), rs.getObject("author_id", UUID.class),
                    null, rs.getTimestamp("created_at").toInstant(),
                    json.readValue(rs.getString("lint"), LintResult.class)))
            .list();
    }

    public void event(UUID draftId, String kind, UUID userId, String comment) {
        jdbc.sql("insert into replies_event (id, draft_id, kind, user_id, comment) values (?, ?, ?, ?, ?)")
            .params(UUID.randomUUID(), draftId, kind, userId, comment)
            .update();
    }

    public List<ReplyEvent> events(UUID draftId) {
        return jdbc.sql("""
                select e.kind, e.user_id, e.at, e.comment from replies_event e where e.draft_id = ? order by e.seq
                """)
            .param(draftId)
            .query((rs, row) -> new ReplyEvent(rs.getString("kind"), rs.getObject("user_id", UUID.class), null,
                    rs.getTimestamp("at").toInstant(), rs.getString("comment")))
            .list();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("mention_id", UUID.class),
                rs.getObject("cabinet_id", UUID.class), ReplyState.valueOf(rs.getString("state")),
                rs.getObject("created_by", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getString("published_text"), rs.getString("published_url"), rs.getString("published_via"),
                instant(rs.getTimestamp("published_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
