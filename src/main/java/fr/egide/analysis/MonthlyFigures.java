package fr.egide.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the analysis says about a month's mentions, for the monthly report: how many are negative, which are
 * flagged (A_EXAMINER, ILLICITE_PROBABLE) and which themes are praised or criticised. Background use (no signed-in
 * user): callers check access.
 */
@Service("analysisMonthlyFigures")
public class MonthlyFigures {

    private final JdbcClient jdbc;

    MonthlyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A theme over the month: how many mentions praise it and how many criticise it. */
    public record ThemeCount(Theme theme, long praised, long criticised) {
    }

    /** A flagged mention. */
    public record Flagged(UUID mentionId, Qualification qualification, List<String> indicators) {
    }

    /**
     * The analysis of these mentions.
     *
     * @param analysed how many are analysed (the others wait for the analyser)
     * @param flagged the mentions to examine or probably unlawful, unlawful first
     * @param themes the themes talked about, the most talked about first
     */
    public record Month(long analysed, long negative, List<Flagged> flagged, List<ThemeCount> themes) {
    }

    public Month of(UUID cabinetId, Collection<UUID> mentionIds) {
        if (mentionIds.isEmpty()) {
            return new Month(0, 0, List.of(), List.of());
        }
        var counts = jdbc.sql("""
                select count(*) as analysed, count(*) filter (where negative) as negative
                from analysis_mention where cabinet_id = :cabinet and mention_id in (:ids)
                """)
            .param("cabinet", cabinetId).param("ids", mentionIds)
            .query((rs, row) -> new long[] { rs.getLong("analysed"), rs.getLong("negative") })
            .single();
        var flagged = jdbc.sql("""
                select mention_id, qualification, indicator_types from analysis_mention
                where cabinet_id = :cabinet and mention_id in (:ids) and qualification in ('A_EXAMINER', 'ILLICITE_PROBABLE')
                order by qualification desc, published_latest nulls last, mention_id
                """)
            .param("cabinet", cabinetId).param("ids", mentionIds)
            .query((rs, row) -> new Flagged(rs.getObject("mention_id", UUID.class), Qualification.valueOf(rs.getString("qualification")),
                    List.of((String[]) rs.getArray("indicator_types").getArray())))
            .list();
        var praised = new EnumMap<Theme, Long>(Theme.class);
        var criticised = new EnumMap<Theme, Long>(Theme.class);
        // A mention counts once per theme and polarity, however many passages talk about it.
        jdbc.sql("""
                select split_part(t, ':', 1) as theme, split_part(t, ':', 2) as polarity, count(distinct a.mention_id) as n
                from analysis_mention a cross join lateral unnest(a.themes) t
                where a.cabinet_id = :cabinet and a.mention_id in (:ids)
                group by 1, 2
                """)
            .param("cabinet", cabinetId).param("ids", mentionIds)
            .query(rs -> {
                var theme = Theme.valueOf(rs.getString("theme"));
                switch (rs.getString("polarity")) {
                    case "POSITIVE" -> praised.merge(theme, rs.getLong("n"), Long::sum);
                    case "NEGATIVE" -> criticised.merge(theme, rs.getLong("n"), Long::sum);
                    default -> { }
                }
            });
        var themes = new ArrayList<ThemeCount>();
        for (var theme : Theme.values()) {
            long plus = praised.getOrDefault(theme, 0L);
            long minus = criticised.getOrDefault(theme, 0L);
            if (plus + minus > 0) {
                themes.add(new ThemeCount(theme, plus, minus));
            }
        }
        themes.sort((a, b) -> Long.compare(b.praised() + b.criticised(), a.praised() + a.criticised()));
        return new Month(counts[0], counts[1], flagged, themes);
    }

}
