package fr.egide.monitoring.internal;

import fr.egide.monitoring.MentionDetail;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.MentionStatus;
import fr.egide.monitoring.MentionSummary;
import fr.egide.monitoring.MentionVersion;
import fr.egide.monitoring.Source;
import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceFigures;
import fr.egide.monitoring.FrenchDates;
import fr.egide.system.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Mentions and sources in PostgreSQL. Every query is limited to a given set of cabinets. */
@Repository
public class MentionRepository {

    private static final String SUMMARY_COLUMNS = """
            m.id, m.cabinet_id, m.source_id, s.name as source_name, m.author, m.rating, m.text, m.language,
            m.published_raw, m.published_earliest, m.published_latest, m.published_precision, m.status,
            m.first_seen, m.url, m.version_count, m.removed_at,
            array(select l.label from monitoring_mention_label l where l.mention_id = m.id order by l.label) as labels
            """;

    private final JdbcClient jdbc;

    MentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PageResult<MentionSummary> search(Collection<UUID> cabinetIds, MentionFilter filter, int page, int size) {
        if (cabinetIds.isEmpty()) {
            return new PageResult<>(List.of(), page, size, 0);
        }
        var where = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        where.add("m.cabinet_id in (:cabinets)");
        params.put("cabinets", cabinetIds);
        if (filter.cabinetId() != null) {
            where.add("m.cabinet_id = :cabinet");
            params.put("cabinet", filter.cabinetId());
        }
        if (filter.sourceId() != null) {
            where.add("m.source_id = :source");
            params.put("source", filter.sourceId());
        }
        if (filter.minRating() != null) {
            where.add("m.rating >= :minRating");
            params.put("minRating", filter.minRating());
        }
        if (filter.maxRating() != null) {
            where.add("m.rating <= :maxRating");
            params.put("maxRating", filter.maxRating());
        }
        if (filter.from() != null) {
            where.add("m.published_latest >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(FrenchDates.PARIS).toInstant()));
        }
        if (filter.to() != null) {
            where.add("m.published_earliest < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(FrenchDates.PARIS).toInstant()));
        }
        if (filter.status() != null) {
            where.add("m.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.query() != null && !filter.query().isBlank()) {
            // The expression of the index monitoring_mention_text_search (monitoring V13), so that the index answers.
            where.add("to_tsvector('french', coalesce(m.author, '') || ' ' || m.text) @@ websearch_to_tsquery('french', :query)");
            params.put("query", filter.query().replace("\u0000", "").strip());
        }
        if (!filter.labels().isEmpty()) {
            // One semi-join per label (all must be present), each through the (label, mention_id) index.
            for (int i = 0; i < filter.labels().size(); i++) {
                where.add("exists (select 1 from monitoring_mention_label l where l.mention_id = m.id and l.label = :label" + i + ")");
                params.put("label" + i, filter.labels().get(i));
            }
        }
        var condition = String.join(" and ", where);
        var total = jdbc.sql("select count(*) from monitoring_mention m where " + condition)
            .params(params)
            .query(Long.class)
            .single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var items = jdbc.sql("select " + SUMMARY_COLUMNS
                + " from monitoring_mention m join monitoring_source s on s.id = m.source_id where " + condition
                + " order by m.published_latest desc nulls last, m.first_seen desc, m.id limit :limit offset :offset")
            .params(params)
            .query(MentionRepository::summary)
            .list();
        return new PageResult<>(items, page, size, total);
    }

    public Optional<MentionDetail> detail(Collection<UUID> cabinetIds, UUID id) {
        if (cabinetIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + SUMMARY_COLUMNS + ", m.external_id, m.published_basis, m.raw::text as raw_text"
                + " from monitoring_mention m join monitoring_source s on s.id = m.source_id"
                + " where m.id = :id and m.cabinet_id in (:cabinets)")
            .param("id", id)
            .param("cabinets", cabinetIds)
            .query((rs, row) -> new MentionDetail(summary(rs, row), rs.getString("external_id"),
                    rs.getString("published_basis"), versions(id), rs.getString("raw_text")))
            .optional();
    }

    private List<MentionVersion> versions(UUID mentionId) {
        return jdbc.sql("""
                select version_no, text, rating, seen_at from monitoring_mention_version
                where mention_id = ? order by version_no desc
                """)
            .param(mentionId)
            .query((rs, row) -> new MentionVersion(rs.getInt("version_no"), rs.getString("text"),
                    (Integer) rs.getObject("rating"), rs.getTimestamp("seen_at").toInstant()))
            .list();
    }

    public boolean changeStatus(Collection<UUID> cabinetIds, UUID id, MentionStatus status) {
        if (cabinetIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("update monitoring_mention set status = :status where id = :id and cabinet_id in (:cabinets)")
            .param("status", status.name())
            .param("id", id)
            .param("cabinets", cabinetIds)
            .update() == 1;
    }

    public List<Source> sources(Collection<UUID> cabinetIds) {
        if (cabinetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from monitoring_source where cabinet_id in (:cabinets) order by lower(name)")
            .param("cabinets", cabinetIds)
            .query(MentionRepository::source)
            .list();
    }

    public Optional<Source> source(Collection<UUID> cabinetIds, UUID id) {
        return sources(cabinetIds).stream().filter(source -> source.id().equals(id)).findFirst();
    }

    public Optional<Source> sourceByName(UUID cabinetId, String name) {
        return jdbc.sql("select * from monitoring_source where cabinet_id = ? and lower(name) = lower(?)")
            .params(cabinetId, name)
            .query(MentionRepository::source)
            .optional();
    }

    public Source insertSource(UUID cabinetId, SourceKind kind, String name) {
        var source = new Source(UUID.randomUUID(), cabinetId, kind, name, "ACTIVE", null);
        jdbc.sql("insert into monitoring_source (id, cabinet_id, kind, name) values (?, ?, ?, ?)")
            .params(source.id(), cabinetId, kind.name(), name)
            .update();
        return source;
    }

    /**
     * Creates the source unless one of that name already exists. Two mentions typed in at the same moment for a
     * new source would otherwise both try to create it and one would fail on the unique name.
     */
    public void ensureSource(UUID cabinetId, SourceKind kind, String name) {
        jdbc.sql("insert into monitoring_source (id, cabinet_id, kind, name) values (?, ?, ?, ?) on conflict do nothing")
            .params(UUID.randomUUID(), cabinetId, kind.name(), name)
            .update();
    }

    /** Counts and averages for the dashboard. */
    public Map<String, Object> counts(Collection<UUID> cabinetIds) {
        var result = new HashMap<String, Object>();
        if (cabinetIds.isEmpty()) {
            result.put("total", 0L);
            result.put("nouveaux", 0L);
            result.put("negatifs", 0L);
            result.put("moyenne", null);
            return result;
        }
        return jdbc.sql("""
                select count(*) as total, count(*) filter (where status = 'NOUVEAU') as nouveaux,
                       count(*) filter (where rating <= 2) as negatifs, round(avg(rating), 2) as moyenne
                from monitoring_mention where cabinet_id in (:cabinets)
                """)
            .param("cabinets", cabinetIds)
            .query((rs, row) -> {
                result.put("total", rs.getLong("total"));
                result.put("nouveaux", rs.getLong("nouveaux"));
                result.put("negatifs", rs.getLong("negatifs"));
                result.put("moyenne", rs.getBigDecimal("moyenne"));
                return result;
            })
            .single();
    }

    /** Per source: number of mentions, number rated and average rating. */
    public List<SourceFigures> figuresBySource(Collection<UUID> cabinetIds) {
        if (cabinetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select s.id, s.name, s.kind, count(m.id) as mentions, count(m.rating) as rated,
                       round(avg(m.rating), 2) as average
                from monitoring_source s left join monitoring_mention m on m.source_id = s.id
                where s.cabinet_id in (:cabinets)
                group by s.id, s.name, s.kind order by count(m.id) desc, lower(s.name)
                """)
            .param("cabinets", cabinetIds)
            .query((rs, row) -> new SourceFigures(rs.getObject("id", UUID.class), rs.getString("name"),
                    SourceKind.valueOf(rs.getString("kind")), rs.getLong("mentions"), rs.getLong("rated"),
                    rs.getBigDecimal("average")))
            .list();
    }

    static MentionSummary summary(ResultSet rs, int row) throws SQLException {
        return new MentionSummary(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                rs.getObject("source_id", UUID.class), rs.getString("source_name"), rs.getString("author"),
                (Integer) rs.getObject("rating", Integer.class), rs.getString("text"), rs.getString("language"),
                rs.getString("published_raw"), instant(rs.getTimestamp("published_earliest")),
                instant(rs.getTimestamp("published_latest")), rs.getString("published_precision"),
                MentionStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("first_seen")),
                rs.getString("url"), rs.getInt("version_count"), labels(rs.getArray("labels")),
                rs.getTimestamp("removed_at") == null ? null : rs.getTimestamp("removed_at").toInstant());
    }

    private static Source source(ResultSet rs, int row) throws SQLException {
        return new Source(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                SourceKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("state"),
                rs.getString("last_error"));
    }

    private static List<String> labels(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
