package fr.egide.analysis.internal;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.Indicator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Stored analyses of mentions, one per mention (its current text), as JSON plus the columns lists filter on. */
@Repository
public class AnalysisStore {

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    private final JsonMapper json;

    AnalysisStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public record Stored(UUID mentionId, UUID cabinetId, int textVersions, Analysis analysis) {
    }

    public void save(List<Stored> analyses) {
        template.batchUpdate("""
                insert into analysis_mention (mention_id, cabinet_id, analyzer_version, text_versions, language, sentiment,
                    qualification, impact, strategy, indicator_types, result)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (mention_id) do update set analyzer_version = excluded.analyzer_version, analyzed_at = now(),
                    text_versions = excluded.text_versions, language = excluded.language, sentiment = excluded.sentiment,
                    qualification = excluded.qualification, impact = excluded.impact, strategy = excluded.strategy,
                    indicator_types = excluded.indicator_types, result = excluded.result
                """, analyses, 500, (ps, stored) -> {
            var analysis = stored.analysis();
            ps.setObject(1, stored.mentionId());
            ps.setObject(2, stored.cabinetId());
            ps.setString(3, analysis.analyzerVersion());
            ps.setInt(4, stored.textVersions());
            ps.setString(5, analysis.language());
            ps.setString(6, analysis.sentiment().label().name());
            ps.setString(7, analysis.qualification().name());
            ps.setInt(8, analysis.impact().score());
            ps.setString(9, analysis.strategy().kind().name());
            ps.setArray(10, ps.getConnection()
                .createArrayOf("text", analysis.indicators().stream().map(Indicator::type).map(Enum::name).toArray()));
            ps.setString(11, json.writeValueAsString(analysis));
        });
    }

    public Optional<Stored> find(UUID mentionId) {
        return jdbc.sql("select mention_id, cabinet_id, text_versions, result::text as result from analysis_mention where mention_id = ?")
            .param(mentionId)
            .query((rs, row) -> new Stored(rs.getObject("mention_id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                    rs.getInt("text_versions"), json.readValue(rs.getString("result"), Analysis.class)))
            .optional();
    }

    /** Which of these mentions already have an analysis by this version of this text version. */
    public java.util.Set<String> upToDate(List<UUID> mentionIds, String version) {
        if (mentionIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("""
                select mention_id::text || ':' || text_versions from analysis_mention
                where mention_id in (:ids) and analyzer_version = :version
                """).param("ids", mentionIds).param("version", version).query(String.class).list());
    }

}
