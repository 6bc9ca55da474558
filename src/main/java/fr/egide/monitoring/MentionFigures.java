package fr.egide.monitoring;

import fr.egide.identity.CabinetAccess;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The watch's figures for the dashboard of one cabinet, aggregated in SQL: counts, ratings and volumes per source and
 * month, the sources' health and the latest first page of the searches on the practitioner's name. Every method
 * refuses, as "not found", a cabinet the signed-in user may not see.
 */
@Service
public class MentionFigures {

    /** A month's mentions begin on this day in Paris, whatever the server's zone. */
    static final String MONTH = "date_trunc('month', coalesce(published_latest, first_seen) at time zone 'Europe/Paris')::date";

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    MentionFigures(JdbcClient jdbc, CabinetAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * The cabinet's mentions at a glance.
     *
     * @param lowRated rated 1 or 2 stars
     * @param averageRating of the rated mentions, null when none is rated
     */
    public record Counts(long total, long unread, long lowRated, BigDecimal averageRating, List<SourceFigures> sources) {
    }

    public Counts counts(UUID cabinetId) {
        access.requireAccess(cabinetId);
        var totals = jdbc.sql("""
                select count(*) as total, count(*) filter (where status = 'NOUVEAU') as unread,
                       count(*) filter (where rating <= 2) as low, round(avg(rating), 1) as average
                from monitoring_mention where cabinet_id = ?
                """).param(cabinetId)
            .query((rs, n) -> new Counts(rs.getLong("total"), rs.getLong("unread"), rs.getLong("low"), rs.getBigDecimal("average"),
                    List.of()))
            .single();
        var sources = jdbc.sql("""
                select s.id, s.name, s.kind, count(m.id) as mentions, count(m.rating) as rated, round(avg(m.rating), 1) as average
                from monitoring_source s left join monitoring_mention m on m.source_id = s.id and m.cabinet_id = s.cabinet_id
                where s.cabinet_id = ?
                group by s.id, s.name, s.kind having count(m.id) > 0
                order by count(m.id) desc, s.name
                """).param(cabinetId)
            .query((rs, n) -> new SourceFigures(rs.getObject("id", UUID.class), rs.getString("name"), kind(rs.getString("kind")),
                    rs.getLong("mentions"), rs.getLong("rated"), rs.getBigDecimal("average")))
            .list();
        return new Counts(totals.total(), totals.unread(), totals.lowRated(), totals.averageRating(), sources);
    }

    /**
     * One source's mentions of one month (by the latest possible publication date, Paris time; the day first seen
     * when the date is unknown).
     *
     * @param averageRating of the rated ones, null when none is rated
     */
    public record SourceMonth(UUID sourceId, String source, LocalDate month, long mentions, long rated, BigDecimal averageRating) {
    }

    /** Per source and month since the given month (included), oldest first. */
    public List<SourceMonth> monthly(UUID cabinetId, YearMonth since) {
        access.requireAccess(cabinetId);
        return jdbc.sql("""
                select m.source_id, s.name, m.month, m.mentions, m.rated, m.average
                from (select source_id, %s as month, count(*) as mentions, count(rating) as rated, round(avg(rating), 2) as average
                      from monitoring_mention
                      where cabinet_id = :cabinet and coalesce(published_latest, first_seen) >= :since
                      group by 1, 2) m
                join monitoring_source s on s.id = m.source_id
                order by m.month, s.name
                """.formatted(MONTH))
            .param("cabinet", cabinetId).param("since", Timestamp.from(start(since)))
            .query((rs, n) -> new SourceMonth(rs.getObject("source_id", UUID.class), rs.getString("name"),
                    rs.getObject("month", LocalDate.class), rs.getLong("mentions"), rs.getLong("rated"), rs.getBigDecimal("average")))
            .list();
    }

    /**
     * How a source of the cabinet is doing: its state, last scan and error.
     *
     * @param lastStatus status of the latest scan (EN_COURS, TERMINE, PARTIEL, ECHEC), null before the first one
     */
    public record SourceHealth(UUID sourceId, String name, SourceKind kind, String state, Instant lastRunAt, Instant lastSuccessAt,
            Instant nextRunAt, int consecutiveFailures, String lastError, String lastStatus, List<String> warnings) {

        public boolean inError() {
            return "EN_ERREUR".equals(state) || "ECHEC".equals(lastStatus) || consecutiveFailures > 0;
        }

        /** Sources filled by hand or by file are not scanned. */
        public boolean scanned() {
            return kind != null && kind.scanned();
        }

    }

    /** Every source of the cabinet, those in error first. */
    public List<SourceHealth> health(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return jdbc.sql("""
                select s.id, s.name, s.kind, s.state, s.last_run_at, s.last_success_at, s.next_run_at, s.consecutive_failures,
                       s.last_error, s.last_warnings, l.status as last_status
                from monitoring_source s
                left join lateral (select status from monitoring_scan c where c.source_id = s.id
                                   order by c.started_at desc limit 1) l on true
                where s.cabinet_id = ?
                order by (s.state = 'EN_ERREUR' or coalesce(l.status, '') = 'ECHEC' or s.consecutive_failures > 0) desc, s.name
                """).param(cabinetId)
            .query((rs, n) -> new SourceHealth(rs.getObject("id", UUID.class), rs.getString("name"), kind(rs.getString("kind")),
                    rs.getString("state"), instant(rs, "last_run_at"), instant(rs, "last_success_at"), instant(rs, "next_run_at"),
                    rs.getInt("consecutive_failures"), rs.getString("last_error"), rs.getString("last_status"),
                    List.of((String[]) rs.getArray("last_warnings").getArray())))
            .list();
    }

    /**
     * One result on the first page of the latest finished scan of a search source on the practitioner's name, and how
     * it moved since the finished scan before.
     *
     * @param classement PRO, PERSO or INDETERMINE
     * @param change PREMIER_RELEVE (nothing to compare), NOUVEAU (address in no result before), ENTREE (found before,
     *     not by this query), HAUSSE, BAISSE or STABLE
     * @param partial engines did not answer during the scan: what is missing may exist
     */
    public record SearchResult(UUID sourceId, String source, Instant scannedAt, boolean partial, String query, int position,
            String url, String title, String classement, String rule, String change, Integer previousPosition) {

        /** Places gained (positive) or lost (negative). */
        public int places() {
            return previousPosition == null ? 0 : Math.abs(previousPosition - position);
        }

    }

    /** The latest first page of every search source of the cabinet, by source, query and position. */
    public List<SearchResult> searchFirstPage(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return jdbc.sql("""
                with sources as (
                    select id, name from monitoring_source where cabinet_id = ? and kind in ('RECHERCHE', 'RECHERCHE_BRAVE')),
                scans as (
                    select s.id as source_id, s.name, l.id as scan_id, l.started_at, l.partial,
                           (select p.id from monitoring_scan p where p.source_id = s.id and p.status in ('TERMINE', 'PARTIEL')
                              and p.finished_at is not null and p.started_at < l.started_at
                            order by p.started_at desc limit 1) as previous_id
                    from sources s
                    join lateral (select c.id, c.started_at, (c.status = 'PARTIEL' or cardinality(c.warnings) > 0) as partial
                                  from monitoring_scan c
                                  where c.source_id = s.id and c.status in ('TERMINE', 'PARTIEL') and c.finished_at is not null
                                  order by c.started_at desc limit 1) l on true)
                select sc.source_id, sc.name, sc.started_at, sc.partial, r.query, r.position, r.url, r.title, r.classement, r.rule,
                       sc.previous_id is not null as compared, p.position as previous_position,
                       exists (select 1 from monitoring_search_result x where x.scan_id = sc.previous_id and x.url_key = r.url_key) as seen
                from scans sc
                join monitoring_search_result r on r.scan_id = sc.scan_id and r.first_page
                left join monitoring_search_result p on p.scan_id = sc.previous_id and p.query = r.query and p.url_key = r.url_key
                order by sc.name, sc.source_id, r.query, r.position
                """).param(cabinetId)
            .query((rs, n) -> {
                var previous = (Integer) rs.getObject("previous_position");
                var position = rs.getInt("position");
                String change;
                if (!rs.getBoolean("compared")) {
                    change = "PREMIER_RELEVE";
                }
                else if (!rs.getBoolean("seen")) {
                    change = "NOUVEAU";
                }
                else if (previous == null) {
                    change = "ENTREE";
                }
                else {
                    change = previous > position ? "HAUSSE" : previous < position ? "BAISSE" : "STABLE";
                }
                return new SearchResult(rs.getObject("source_id", UUID.class), rs.getString("name"), instant(rs, "started_at"),
                        rs.getBoolean("partial"), rs.getString("query"), position, rs.getString("url"), rs.getString("title"),
                        rs.getString("classement"), rs.getString("rule"), change, previous);
            })
            .list();
    }

    /** The first instant of a month in Paris. */
    public static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(FrenchDates.PARIS).toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static SourceKind kind(String kind) {
        try {
            return SourceKind.valueOf(kind);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

}
