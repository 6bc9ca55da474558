package fr.egide.replies;

import fr.egide.analysis.AnalysisFigures;
import fr.egide.identity.CabinetAccess;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Where the replies to a cabinet's negative mentions stand, for the dashboard. */
@Service
public class ReplyFigures {

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    private final AnalysisFigures analyses;

    ReplyFigures(JdbcClient jdbc, CabinetAccess access, AnalysisFigures analyses) {
        this.jdbc = jdbc;
        this.access = access;
        this.analyses = analyses;
    }

    /**
     * The negative mentions (the analyser's overall tone) by the furthest their reply went: published, approved and
     * waiting to be published, being written or re-read, or none (an abandoned reply counts as none).
     */
    public record NegativeReplies(long negative, long withoutReply, long inProgress, long approved, long published) {
    }

    /** Refuses, as "not found", a cabinet the signed-in user may not see. */
    public NegativeReplies ofNegativeMentions(UUID cabinetId) {
        access.requireAccess(cabinetId);
        var negative = analyses.negativeMentions(cabinetId);
        if (negative.isEmpty()) {
            return new NegativeReplies(0, 0, 0, 0, 0);
        }
        return jdbc.sql("""
                with best as (
                    select m.id, max(case d.state when 'PUBLIE' then 3 when 'APPROUVE' then 2
                                                  when 'BROUILLON' then 1 when 'EN_RELECTURE' then 1 else 0 end) as level
                    from unnest(?::uuid[]) as m (id)
                    left join replies_draft d on d.mention_id = m.id and d.cabinet_id = ?
                    group by m.id)
                select count(*) as negative, count(*) filter (where level = 0) as none, count(*) filter (where level = 1) as progress,
                       count(*) filter (where level = 2) as approved, count(*) filter (where level = 3) as published
                from best
                """).params(negative.toArray(UUID[]::new), cabinetId)
            .query((rs, n) -> new NegativeReplies(rs.getLong("negative"), rs.getLong("none"), rs.getLong("progress"),
                    rs.getLong("approved"), rs.getLong("published")))
            .single();
    }

}
