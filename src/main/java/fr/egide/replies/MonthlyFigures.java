package fr.egide.replies;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A month of a cabinet's replies, for the monthly report: published in the month, and where the others stand now.
 * Background use (no signed-in user): callers check access.
 */
@Service("repliesMonthlyFigures")
public class MonthlyFigures {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;

    MonthlyFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The month's replies.
     *
     * @param published replies published in the month
     * @param inReview replies waiting for their second reader now
     * @param approved replies approved and not yet published now
     * @param drafts drafts not yet sent for review now
     * @param peerReviewRequired whether the cabinet requires a second reader before publishing
     */
    public record Month(long published, long inReview, long approved, long drafts, boolean peerReviewRequired) {
    }

    public Month of(UUID cabinetId, YearMonth month) {
        var from = Timestamp.from(month.atDay(1).atStartOfDay(PARIS).toInstant());
        var to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant());
        return jdbc.sql("""
                select count(*) filter (where state = 'PUBLIE' and published_at >= :from and published_at < :to) as published,
                       count(*) filter (where state = 'EN_RELECTURE') as review,
                       count(*) filter (where state = 'APPROUVE') as approved,
                       count(*) filter (where state = 'BROUILLON') as drafts,
                       coalesce((select require_peer_review from replies_setting s where s.cabinet_id = :cabinet order by seq desc limit 1),
                                false) as peer
                from replies_draft where cabinet_id = :cabinet
                """)
            .param("cabinet", cabinetId).param("from", from).param("to", to)
            .query((rs, row) -> new Month(rs.getLong("published"), rs.getLong("review"), rs.getLong("approved"), rs.getLong("drafts"),
                    rs.getBoolean("peer")))
            .single();
    }

}
