package fr.egide.evidence;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A month of a cabinet's watched pages (captured URLs re-checked daily), for the monthly report. Only each page's
 * latest check is kept: a page counts as changed in the month when its latest check, made in the month, found it
 * modified or gone. Background use (no signed-in user): callers check access.
 */
@Service("evidenceMonthlyFigures")
public class MonthlyFigures {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;

    MonthlyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param checked pages whose latest check was in the month */
    public record Month(long watched, long checked, long modified, long gone) {
    }

    public Month of(UUID cabinetId, YearMonth month) {
        var from = Timestamp.from(month.atDay(1).atStartOfDay(PARIS).toInstant());
        var to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant());
        return jdbc.sql("""
                select count(*) as watched,
                       count(*) filter (where last_check_at >= :from and last_check_at < :to) as checked,
                       count(*) filter (where last_check_at >= :from and last_check_at < :to and state = 'MODIFIEE') as modified,
                       count(*) filter (where last_check_at >= :from and last_check_at < :to and state = 'DISPARUE') as gone
                from evidence_watch where cabinet_id = :cabinet
                """)
            .param("cabinet", cabinetId).param("from", from).param("to", to)
            .query((rs, row) -> new Month(rs.getLong("watched"), rs.getLong("checked"), rs.getLong("modified"), rs.getLong("gone")))
            .single();
    }

}
