package fr.egide.monitoring;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Mentions for background processing by other modules (analysis, alerts), which run without a signed-in
 * user. Not for pages or the API: those go through {@link Mentions}, which checks the caller's cabinets.
 */
@Service
public class MentionFeed {

    private static final String COLUMNS = """
            select m.id, m.cabinet_id, m.text, m.rating, s.name as source_name, m.author, m.published_earliest,
                   m.published_latest, m.version_count
            from monitoring_mention m join monitoring_source s on s.id = m.source_id
            """;

    private final JdbcClient jdbc;

    MentionFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The total length, in characters, of the texts of the mentions an import created or changed. */
    public long textLength(UUID importId) {
        // Recorded by the import since monitoring V12; measured on the mentions for imports made before.
        return jdbc.sql("""
                select coalesce(i.text_chars, (select coalesce(sum(length(m.text)), 0) from monitoring_mention m
                                               where m.import_id = i.id))
                from monitoring_import i where i.id = ?
                """)
            .param(importId).query(Long.class).optional().orElse(0L);
    }

    /**
     * The mentions an import created or changed, {@code limit} at a time after {@code afterId} (null for the
     * first batch): an import can bring hundreds of thousands, which must not sit in memory together.
     */
    public List<MentionText> ofImport(UUID importId, UUID afterId, int limit) {
        if (afterId == null) {
            return jdbc.sql(COLUMNS + " where m.import_id = ? order by m.id limit ?").params(importId, limit)
                .query(MentionFeed::map)
                .list();
        }
        return jdbc.sql(COLUMNS + " where m.import_id = ? and m.id > ? order by m.id limit ?").params(importId, afterId, limit)
            .query(MentionFeed::map)
            .list();
    }

    /** All mentions, by id order, {@code limit} at a time after {@code afterId} (null for the first batch). */
    public List<MentionText> after(UUID afterId, int limit) {
        if (afterId == null) {
            return jdbc.sql(COLUMNS + " order by m.id limit ?").param(limit).query(MentionFeed::map).list();
        }
        return jdbc.sql(COLUMNS + " where m.id > ? order by m.id limit ?").params(afterId, limit).query(MentionFeed::map).list();
    }

    public Optional<MentionText> get(UUID mentionId) {
        return jdbc.sql(COLUMNS + " where m.id = ?").param(mentionId).query(MentionFeed::map).optional();
    }

    /** These mentions (those that exist), in no particular order. */
    public List<MentionText> get(java.util.Collection<UUID> mentionIds) {
        if (mentionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " where m.id = any(:ids::uuid[])")
            .param("ids", mentionIds.stream().map(UUID::toString).toArray(String[]::new)).query(MentionFeed::map).list();
    }

    /**
     * Where a mention can be seen, and when its current text was first seen: what evidence needs to capture it
     * (no user context: background jobs).
     */
    public record MentionPlace(UUID id, UUID cabinetId, String url, int versionCount, java.time.Instant currentSince) {
    }

    public Optional<MentionPlace> place(UUID mentionId) {
        return jdbc.sql("""
                select m.id, m.cabinet_id, m.url, m.version_count,
                       (select max(v.seen_at) from monitoring_mention_version v where v.mention_id = m.id) as current_since
                from monitoring_mention m where m.id = ?
                """).param(mentionId)
            .query((rs, row) -> new MentionPlace(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                    rs.getString("url"), rs.getInt("version_count"),
                    rs.getTimestamp("current_since") == null ? null : rs.getTimestamp("current_since").toInstant()))
            .optional();
    }

    private static MentionText map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var earliest = rs.getTimestamp("published_earliest");
        var latest = rs.getTimestamp("published_latest");
        return new MentionText(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class), rs.getString("text"),
                (Integer) rs.getObject("rating", Integer.class), rs.getString("source_name"), rs.getString("author"),
                earliest == null ? null : earliest.toInstant(), latest == null ? null : latest.toInstant(),
                rs.getInt("version_count"));
    }

}
