package fr.egide.analysis.internal;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.ImpactContext;
import fr.egide.analysis.Indicator;
import fr.egide.analysis.Polarity;
import fr.egide.analysis.engine.WaveDetector;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored analyses of mentions, one per mention (its current text), as JSON plus the columns lists and wave
 * detection need; and the impact context practitioners give, as a history.
 */
@Repository
public class AnalysisStore {

    private final JdbcClient jdbc;

    private final JdbcTemplate template;

    private final JsonMapper json;

    private final PhraseBook phrases;

    AnalysisStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, PhraseBook phrases) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.phrases = phrases;
    }

    /** An analysis with what it was made from. */
    public record Stored(UUID mentionId, UUID cabinetId, int textVersions, String author, Instant publishedEarliest,
            Instant publishedLatest, int similarItems, Analysis analysis) {
    }

    /**
     * Stores these analyses (replacing the earlier ones) in one statement: the batch goes as one array per column,
     * not as one row-by-row insert per mention.
     */
    public void save(List<Stored> analyses) {
        if (analyses.isEmpty()) {
            return;
        }
        int n = analyses.size();
        var mentionIds = new UUID[n];
        var cabinetIds = new UUID[n];
        var versions = new String[n];
        var textVersions = new Integer[n];
        var languages = new String[n];
        var sentiments = new String[n];
        var qualifications = new String[n];
        var impacts = new Integer[n];
        var strategies = new String[n];
        var indicatorTypes = new String[n];
        var results = new String[n];
        var authors = new String[n];
        var earliest = new String[n];
        var latest = new String[n];
        var negative = new Boolean[n];
        var similar = new Integer[n];
        var authorKeys = new String[n];
        var themes = new String[n];
        // The analyser's fixed sentences are stored once, in the phrase book, and named here.
        var compacted = phrases.compact(analyses.stream().map(Stored::analysis).toList());
        for (int i = 0; i < n; i++) {
            var stored = analyses.get(i);
            var analysis = stored.analysis();
            mentionIds[i] = stored.mentionId();
            cabinetIds[i] = stored.cabinetId();
            versions[i] = analysis.analyzerVersion();
            textVersions[i] = stored.textVersions();
            languages[i] = analysis.language();
            sentiments[i] = analysis.sentiment().label().name();
            qualifications[i] = analysis.qualification().name();
            impacts[i] = analysis.impact().score();
            strategies[i] = analysis.strategy().kind().name();
            // Indicator types are enum names (no comma): one string per mention, split back in SQL.
            indicatorTypes[i] = String.join(",", analysis.indicators().stream().map(Indicator::type).map(Enum::name).toList());
            results[i] = json.writeValueAsString(compacted.get(i));
            authors[i] = stored.author();
            // Instants as ISO-8601 text with their offset ("…Z"): read back exactly, whatever the session time zone.
            earliest[i] = stored.publishedEarliest() == null ? null : stored.publishedEarliest().toString();
            latest[i] = stored.publishedLatest() == null ? null : stored.publishedLatest().toString();
            negative[i] = analysis.sentiment().label() == Polarity.NEGATIVE;
            similar[i] = stored.similarItems();
            authorKeys[i] = WaveDetector.authorKey(stored.author());
            // Theme and polarity names are enum names (no comma, no colon): one string per mention, split back in SQL.
            themes[i] = analysis.themes().stream().map(t -> t.theme().name() + ":" + t.polarity().name()).distinct()
                .collect(java.util.stream.Collectors.joining(","));
        }
        template.execute((java.sql.Connection connection) -> {
            try (var insert = connection.prepareStatement("""
                    insert into analysis_mention (mention_id, cabinet_id, analyzer_version, text_versions, language,
                        sentiment, qualification, impact, strategy, indicator_types, result, author, published_earliest,
                        published_latest, negative, similar_items, author_key, themes)
                    select mention_id, cabinet_id, analyzer_version, text_versions, language, sentiment, qualification,
                           impact, strategy, string_to_array(indicator_types, ','), result, author,
                           published_earliest, published_latest, negative, similar_items, author_key,
                           string_to_array(themes, ',')
                    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::integer[], ?::text[], ?::text[], ?::text[],
                                ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[],
                                ?::text[]::timestamptz[], ?::boolean[], ?::integer[], ?::text[], ?::text[])
                        as v (mention_id, cabinet_id, analyzer_version, text_versions, language, sentiment,
                              qualification, impact, strategy, indicator_types, result, author, published_earliest,
                              published_latest, negative, similar_items, author_key, themes)
                    order by mention_id
                    on conflict (mention_id) do update set analyzer_version = excluded.analyzer_version,
                        analyzed_at = now(), text_versions = excluded.text_versions, language = excluded.language,
                        sentiment = excluded.sentiment, qualification = excluded.qualification,
                        impact = excluded.impact, strategy = excluded.strategy,
                        indicator_types = excluded.indicator_types, result = excluded.result, author = excluded.author,
                        published_earliest = excluded.published_earliest, published_latest = excluded.published_latest,
                        negative = excluded.negative, similar_items = excluded.similar_items,
                        author_key = excluded.author_key, themes = excluded.themes
                    """)) {
                Object[][] columns = { mentionIds, cabinetIds, versions, textVersions, languages, sentiments,
                        qualifications, impacts, strategies, indicatorTypes, results, authors, earliest, latest,
                        negative, similar, authorKeys, themes };
                String[] types = { "uuid", "uuid", "text", "integer", "text", "text", "text", "integer", "text", "text",
                        "text", "text", "text", "text", "boolean", "integer", "text", "text" };
                for (int c = 0; c < columns.length; c++) {
                    insert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
                }
                insert.executeUpdate();
            }
            return null;
        });
    }

    public Optional<Stored> find(UUID mentionId) {
        return jdbc.sql("""
                select mention_id, cabinet_id, text_versions, author, published_earliest, published_latest,
                       similar_items, result
                from analysis_mention where mention_id = ?
                """)
            .param(mentionId)
            .query((rs, row) -> new Stored(rs.getObject("mention_id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                    rs.getInt("text_versions"), rs.getString("author"), instant(rs.getTimestamp("published_earliest")),
                    instant(rs.getTimestamp("published_latest")), rs.getInt("similar_items"),
                    phrases.expand(json.readValue(rs.getString("result"), Analysis.class))))
            .optional();
    }

    /** The stored analyses of these mentions (those that have one). */
    public Map<UUID, Stored> find(Collection<UUID> mentionIds) {
        var found = new HashMap<UUID, Stored>();
        if (mentionIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select mention_id, cabinet_id, text_versions, author, published_earliest, published_latest,
                       similar_items, result
                from analysis_mention where mention_id = any(:ids::uuid[])
                """)
            .param("ids", uuids(mentionIds))
            .query(rs -> {
                var id = rs.getObject("mention_id", UUID.class);
                found.put(id, new Stored(id, rs.getObject("cabinet_id", UUID.class), rs.getInt("text_versions"),
                        rs.getString("author"), instant(rs.getTimestamp("published_earliest")),
                        instant(rs.getTimestamp("published_latest")), rs.getInt("similar_items"),
                        phrases.expand(json.readValue(rs.getString("result"), Analysis.class))));
            });
        return found;
    }

    /** Which of these mentions already have an analysis by this version of this text version. */
    public Set<String> upToDate(List<UUID> mentionIds, String version) {
        if (mentionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select mention_id::text || ':' || text_versions from analysis_mention
                where mention_id = any(:ids::uuid[]) and analyzer_version = :version
                """).param("ids", uuids(mentionIds)).param("version", version).query(String.class).list());
    }

    /** The current impact context of each of these mentions that has one. */
    public Map<UUID, ImpactContext> contexts(Collection<UUID> mentionIds) {
        var contexts = new HashMap<UUID, ImpactContext>();
        if (mentionIds.isEmpty()) {
            return contexts;
        }
        jdbc.sql("""
                select distinct on (mention_id) mention_id, author, search_position, audience, changed_by, changed_at
                from analysis_impact_setting where mention_id = any(:ids::uuid[]) order by mention_id, changed_at desc, id
                """)
            .param("ids", uuids(mentionIds))
            .query(rs -> {
                contexts.put(rs.getObject("mention_id", UUID.class), new ImpactContext(rs.getString("author"),
                        rs.getString("search_position"), rs.getString("audience"), rs.getObject("changed_by", UUID.class),
                        instant(rs.getTimestamp("changed_at"))));
            });
        return contexts;
    }

    public void addContext(UUID mentionId, UUID cabinetId, ImpactContext context, UUID userId) {
        jdbc.sql("""
                insert into analysis_impact_setting (id, mention_id, cabinet_id, author, search_position, audience, changed_by)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
            .params(UUID.randomUUID(), mentionId, cabinetId, context.author(), context.searchPosition(),
                    context.audience(), userId)
            .update();
    }

    /** The stored similar-item count of each of these mentions that has an analysis (of any version). */
    public Map<UUID, Integer> similarItems(Collection<UUID> mentionIds) {
        var counts = new HashMap<UUID, Integer>();
        if (!mentionIds.isEmpty()) {
            jdbc.sql("select mention_id, similar_items from analysis_mention where mention_id = any(:ids::uuid[])")
                .param("ids", uuids(mentionIds))
                .query(rs -> {
                    counts.put(rs.getObject("mention_id", UUID.class), rs.getInt("similar_items"));
                });
        }
        return counts;
    }

    /** The mentions of a cabinet currently counted as part of a wave, with their count of similar items. */
    public Map<UUID, Integer> inWaves(UUID cabinetId) {
        var counts = new HashMap<UUID, Integer>();
        jdbc.sql("select mention_id, similar_items from analysis_mention where cabinet_id = ? and similar_items > 0")
            .param(cabinetId)
            .query(rs -> {
                counts.put(rs.getObject("mention_id", UUID.class), rs.getInt("similar_items"));
            });
        return counts;
    }

    /**
     * What wave detection looks at in a cabinet since a given time: negative items, and items signed with a
     * pseudonym that appears more than once.
     */
    public List<WaveDetector.Item> waveItems(UUID cabinetId, Instant since) {
        return jdbc.sql("""
                select mention_id, author, published_earliest, published_latest, negative from analysis_mention a
                where cabinet_id = :cabinet and (published_latest is null or published_latest >= :since)
                  and (negative or (author_key is not null and exists (
                      select 1 from analysis_mention b where b.cabinet_id = a.cabinet_id and b.author_key = a.author_key
                        and b.mention_id <> a.mention_id)))
                """)
            .param("cabinet", cabinetId)
            .param("since", Timestamp.from(since))
            .query((rs, row) -> new WaveDetector.Item(rs.getObject("mention_id", UUID.class), rs.getString("author"),
                    instant(rs.getTimestamp("published_earliest")), instant(rs.getTimestamp("published_latest")),
                    rs.getBoolean("negative")))
            .list();
    }

    /**
     * Ids as one array parameter ({@code = any(:ids::uuid[])}) rather than a list expanded into as many parameters:
     * for a page of 5,000 mentions, parsing and planning 5,000 placeholders took longer than the lookup itself.
     */
    private static String[] uuids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

}
