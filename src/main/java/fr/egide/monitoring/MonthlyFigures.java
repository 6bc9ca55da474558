package fr.egide.monitoring;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A calendar month (Paris time) of a cabinet's watch, for the monthly report: what appeared, what was edited or
 * removed, the ratings, and how the first page of search results for the practitioner's name changed. Background
 * use (no signed-in user): callers check access.
 */
@Service("monitoringMonthlyFigures")
public class MonthlyFigures {

    private final JdbcClient jdbc;

    MonthlyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One source over the month. */
    public record SourceLine(String name, SourceKind kind, long created, long edited, long removed, Double averageRating) {
    }

    /**
     * The month's mentions.
     *
     * @param createdIds the mentions first seen in the month, for the other modules' figures
     * @param ratings how many of them gave 1, 2, 3, 4 and 5 stars (index 0 is 1 star)
     * @param averageRating the month's average rating, null without rated mentions
     * @param averageBefore the average rating of everything seen before the month, null without any
     */
    public record Month(long created, long edited, long removed, List<UUID> createdIds, long[] ratings, Double averageRating,
            Double averageBefore, List<SourceLine> sources) {
    }

    /** A mention named in the report: where and when it was seen, never its text. */
    public record MentionLine(UUID id, String source, Instant firstSeen, Integer rating, String url) {
    }

    /** A search result that entered or left the first page. */
    public record SearchLine(String title, String url, String classement, Integer position) {
    }

    /**
     * How the first page for the practitioner's name changed between the last scan before the month and the last scan
     * of the month.
     *
     * @param watched whether a search source had results in the month
     * @param firstPage distinct addresses on the first page at the end of the month
     * @param perso of them, those labelled PERSO
     */
    public record SearchChanges(boolean watched, long firstPage, long perso, List<SearchLine> entered, List<SearchLine> left) {
    }

    static Timestamp start(YearMonth month) {
        return Timestamp.from(month.atDay(1).atStartOfDay(FrenchDates.PARIS).toInstant());
    }

    public Month month(UUID cabinetId, YearMonth month) {
        var from = start(month);
        var to = start(month.plusMonths(1));
        var sources = jdbc.sql("""
                select s.name, s.kind,
                  (select count(*) from monitoring_mention m where m.source_id = s.id and m.first_seen >= :from and m.first_seen < :to) as created,
                  (select count(distinct v.mention_id) from monitoring_mention_version v join monitoring_mention m on m.id = v.mention_id
                     where m.source_id = s.id and v.version_no > 1 and v.seen_at >= :from and v.seen_at < :to) as edited,
                  (select count(*) from monitoring_mention m where m.source_id = s.id and m.removed_at >= :from and m.removed_at < :to) as removed,
                  (select avg(m.rating) from monitoring_mention m where m.source_id = s.id and m.first_seen >= :from and m.first_seen < :to) as average
                from monitoring_source s where s.cabinet_id = :cabinet and s.created_at < :to
                order by lower(s.name)
                """)
            .param("cabinet", cabinetId).param("from", from).param("to", to)
            .query((rs, row) -> new SourceLine(rs.getString("name"), SourceKind.valueOf(rs.getString("kind")), rs.getLong("created"),
                    rs.getLong("edited"), rs.getLong("removed"), rs.getObject("average") == null ? null : rs.getDouble("average")))
            .list()
            .stream().filter(line -> line.created() + line.edited() + line.removed() > 0 || line.kind().scanned()).toList();
        var ids = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and first_seen >= ? and first_seen < ? order by first_seen")
            .params(cabinetId, from, to).query(UUID.class).list();
        var ratings = new long[5];
        jdbc.sql("""
                select rating, count(*) as n from monitoring_mention
                where cabinet_id = ? and first_seen >= ? and first_seen < ? and rating is not null group by rating
                """)
            .params(cabinetId, from, to).query(rs -> {
                ratings[rs.getInt("rating") - 1] = rs.getLong("n");
            });
        var averages = jdbc.sql("""
                select avg(rating) filter (where first_seen >= :from and first_seen < :to) as month,
                       avg(rating) filter (where first_seen < :from) as before
                from monitoring_mention where cabinet_id = :cabinet and first_seen < :to
                """)
            .param("cabinet", cabinetId).param("from", from).param("to", to)
            .query((rs, row) -> new Double[] { rs.getObject("month") == null ? null : rs.getDouble("month"),
                    rs.getObject("before") == null ? null : rs.getDouble("before") })
            .single();
        return new Month(sources.stream().mapToLong(SourceLine::created).sum(), sources.stream().mapToLong(SourceLine::edited).sum(),
                sources.stream().mapToLong(SourceLine::removed).sum(), ids, ratings, averages[0], averages[1], sources);
    }

    /** Where and when these mentions were seen, oldest first (mentions of other cabinets are left out). */
    public List<MentionLine> lines(UUID cabinetId, Collection<UUID> mentionIds) {
        if (mentionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select m.id, s.name, m.first_seen, m.rating, m.url from monitoring_mention m join monitoring_source s on s.id = m.source_id
                where m.cabinet_id = :cabinet and m.id in (:ids) order by m.first_seen, m.id
                """)
            .param("cabinet", cabinetId).param("ids", mentionIds)
            .query((rs, row) -> new MentionLine(rs.getObject("id", UUID.class), rs.getString("name"), rs.getTimestamp("first_seen").toInstant(),
                    rs.getObject("rating", Integer.class), rs.getString("url")))
            .list();
    }

    public SearchChanges search(UUID cabinetId, YearMonth month) {
        var from = start(month);
        var to = start(month.plusMonths(1));
        var end = firstPage(cabinetId, to);
        var before = firstPage(cabinetId, from);
        var watchedInMonth = jdbc.sql("""
                select exists (select 1 from monitoring_search_result r join monitoring_source s on s.id = r.source_id
                               where s.cabinet_id = ? and r.scanned_at >= ? and r.scanned_at < ?)
                """).params(cabinetId, from, to).query(Boolean.class).single();
        var entered = new ArrayList<SearchLine>();
        end.forEach((key, line) -> {
            if (!before.containsKey(key)) {
                entered.add(line);
            }
        });
        var left = new ArrayList<SearchLine>();
        before.forEach((key, line) -> {
            if (!end.containsKey(key)) {
                left.add(line);
            }
        });
        return new SearchChanges(watchedInMonth, end.size(), end.values().stream().filter(line -> "PERSO".equals(line.classement())).count(),
                entered, left);
    }

    /** The first page of the latest finished scan with results of each search source before this instant, by address. */
    private Map<String, SearchLine> firstPage(UUID cabinetId, Timestamp until) {
        var lines = new LinkedHashMap<String, SearchLine>();
        jdbc.sql("""
                with latest as (
                    select distinct on (r.source_id) r.source_id, r.scan_id
                    from monitoring_search_result r join monitoring_source s on s.id = r.source_id
                    join monitoring_scan c on c.id = r.scan_id
                    where s.cabinet_id = ? and r.scanned_at < ? and c.status in ('TERMINE', 'PARTIEL')
                    order by r.source_id, r.scanned_at desc)
                select distinct on (r.url_key) r.url_key, r.title, r.url, r.classement, r.position
                from monitoring_search_result r join latest l on l.scan_id = r.scan_id
                where r.first_page order by r.url_key, r.position
                """)
            .params(cabinetId, until)
            .query(rs -> {
                lines.put(rs.getString("url_key"), new SearchLine(rs.getString("title"), rs.getString("url"), rs.getString("classement"),
                        rs.getInt("position")));
            });
        return lines;
    }

}
