package fr.egide.analysis;

import fr.egide.identity.CabinetAccess;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The analyses' figures for the dashboard of one cabinet, aggregated in SQL: the tone of each month's mentions and the
 * themes praised or criticised. Months are those of the latest possible publication date, in Paris; mentions without a
 * date are left out of the months. Every method refuses, as "not found", a cabinet the signed-in user may not see.
 */
@Service
public class AnalysisFigures {

    private static final String MONTH = "date_trunc('month', published_latest at time zone 'Europe/Paris')::date";

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    AnalysisFigures(JdbcClient jdbc, CabinetAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The analysed mentions of one month and how many of them are negative (the analyser's overall tone). */
    public record ToneMonth(LocalDate month, long analysed, long negative) {

        /** Share of negative mentions, in percent rounded to the unit; 0 when none was analysed. */
        public long negativePercent() {
            return analysed == 0 ? 0 : Math.round(100.0 * negative / analysed);
        }

    }

    /** Per month since the given month (included), oldest first; months without an analysed mention are left out. */
    public List<ToneMonth> tone(UUID cabinetId, YearMonth since) {
        access.requireAccess(cabinetId);
        return jdbc.sql("""
                select %s as month, count(*) as analysed, count(*) filter (where negative) as negative
                from analysis_mention where cabinet_id = ? and published_latest >= ?
                group by 1 order by 1
                """.formatted(MONTH))
            .params(cabinetId, Timestamp.from(start(since)))
            .query((rs, n) -> new ToneMonth(rs.getObject("month", LocalDate.class), rs.getLong("analysed"), rs.getLong("negative")))
            .list();
    }

    /** All the cabinet's analysed mentions and how many are negative, whatever their date. */
    public ToneMonth toneOverall(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return jdbc.sql("select count(*) as analysed, count(*) filter (where negative) as negative from analysis_mention where cabinet_id = ?")
            .param(cabinetId).query((rs, n) -> new ToneMonth(null, rs.getLong("analysed"), rs.getLong("negative"))).single();
    }

    /** How many mentions of one month praise a theme, and how many criticise it. */
    public record ThemeMonth(LocalDate month, Theme theme, long praised, long criticised) {
    }

    /** Per month and theme since the given month (included), oldest first; neutral mentions of a theme are left out. */
    public List<ThemeMonth> themes(UUID cabinetId, YearMonth since) {
        access.requireAccess(cabinetId);
        return jdbc.sql("""
                select %s as month, split_part(t.value, ':', 1) as theme,
                       count(distinct mention_id) filter (where split_part(t.value, ':', 2) = 'POSITIVE') as praised,
                       count(distinct mention_id) filter (where split_part(t.value, ':', 2) = 'NEGATIVE') as criticised
                from analysis_mention a cross join lateral unnest(a.themes) as t (value)
                where a.cabinet_id = ? and a.published_latest >= ?
                group by 1, 2 order by 1, 2
                """.formatted(MONTH))
            .params(cabinetId, Timestamp.from(start(since)))
            .query((rs, n) -> {
                Theme theme;
                try {
                    theme = Theme.valueOf(rs.getString("theme"));
                }
                catch (IllegalArgumentException | NullPointerException ex) {
                    theme = null;
                }
                return new ThemeMonth(rs.getObject("month", LocalDate.class), theme, rs.getLong("praised"), rs.getLong("criticised"));
            })
            .list().stream().filter(t -> t.theme() != null && (t.praised() > 0 || t.criticised() > 0)).toList();
    }

    /** The cabinet's mentions whose analysis is negative, whatever their date (the replies module says which have a reply). */
    public List<UUID> negativeMentions(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return jdbc.sql("select mention_id from analysis_mention where cabinet_id = ? and negative").param(cabinetId).query(UUID.class)
            .list();
    }

    private static java.time.Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(java.time.ZoneId.of("Europe/Paris")).toInstant();
    }

}
