package fr.egide.cases;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A month of a cabinet's dossiers, for the monthly report: opened and closed in the month, those still open by
 * stage, and the deadlines to come. Background use (no signed-in user): callers check access.
 */
@Service("casesMonthlyFigures")
public class MonthlyFigures {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;

    MonthlyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A deadline of an open dossier. */
    public record DeadlineLine(String reference, DeadlineKind kind, LocalDate due, String description) {
    }

    /**
     * The month's dossiers.
     *
     * @param openByStage the dossiers opened before the end of the month and still open, by their stage today
     * @param deadlines the open dossiers' deadlines from the end of the month to the next 60 days, nearest first
     */
    public record Month(long opened, long closed, Map<DossierStage, Long> openByStage, List<DeadlineLine> deadlines) {

        public long open() {
            return openByStage.values().stream().mapToLong(Long::longValue).sum();
        }

    }

    /** @param today deadlines already past at the end of a finished month are left out; for the month under way, from today */
    public Month of(UUID cabinetId, YearMonth month, LocalDate today) {
        var from = month.atDay(1).atStartOfDay(PARIS).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant();
        var counts = jdbc.sql("""
                select count(*) filter (where created_at >= :from and created_at < :to) as opened,
                       count(*) filter (where closed_at >= :from and closed_at < :to) as closed
                from cases_dossier where cabinet_id = :cabinet
                """)
            .param("cabinet", cabinetId).param("from", java.sql.Timestamp.from(from)).param("to", java.sql.Timestamp.from(to))
            .query((rs, row) -> new long[] { rs.getLong("opened"), rs.getLong("closed") })
            .single();
        var stages = new EnumMap<DossierStage, Long>(DossierStage.class);
        jdbc.sql("""
                select stage, count(*) as n from cases_dossier
                where cabinet_id = ? and created_at < ? and stage <> 'CLOS'
                group by stage
                """)
            .params(cabinetId, java.sql.Timestamp.from(to))
            .query(rs -> {
                stages.put(DossierStage.valueOf(rs.getString("stage")), rs.getLong("n"));
            });
        var start = month.plusMonths(1).atDay(1);
        if (today.isAfter(start) || month.equals(YearMonth.from(today))) {
            start = today;
        }
        var deadlines = jdbc.sql("""
                select d.reference, l.kind, l.due_date, l.description from cases_deadline l join cases_dossier d on d.id = l.dossier_id
                where d.cabinet_id = ? and d.stage <> 'CLOS' and l.due_date >= ? and l.due_date <= ?
                order by l.due_date, d.reference, l.kind
                """)
            .params(cabinetId, start, start.plusDays(60))
            .query((rs, row) -> new DeadlineLine(rs.getString("reference"), DeadlineKind.valueOf(rs.getString("kind")),
                    rs.getObject("due_date", LocalDate.class), rs.getString("description")))
            .list();
        return new Month(counts[0], counts[1], stages, deadlines);
    }

}
