package fr.egide.audit.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.egide.audit.AuditAction;
import fr.egide.audit.AuditLog;
import fr.egide.audit.CabinetPrivacy;
import fr.egide.audit.Retention;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the cabinets' retention periods every night: each module purges what is past them, and the audit log
 * records what was purged (an entry per cabinet where something was).
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final CabinetPrivacy privacy;

    private final List<Retention.Purge> purges;

    private final AuditLog audit;

    RetentionJob(CabinetPrivacy privacy, List<Retention.Purge> purges, AuditLog audit) {
        this.privacy = privacy;
        this.purges = purges;
        this.audit = audit;
    }

    /** @return how many cabinets had something purged */
    @Transactional
    public int applyAll(Instant now) {
        var purged = 0;
        for (var retention : privacy.retentions()) {
            var summaries = new ArrayList<String>();
            for (var purge : purges) {
                var summary = purge.purge(retention, now);
                if (summary != null && !summary.isBlank()) {
                    summaries.add(summary);
                }
            }
            if (!summaries.isEmpty()) {
                purged++;
                audit.recordAs(null, retention.cabinetId(), AuditAction.PURGE_CONSERVATION, "cabinet", retention.cabinetId(),
                        Map.of("supprime", String.join(" ; ", summaries)));
                log.info("Conservation appliquée au cabinet {} : {}", retention.cabinetId(), String.join(" ; ", summaries));
            }
        }
        return purged;
    }

    @Configuration(proxyBeanMethods = false)
    static class Schedule {

        @Bean
        RecurringTask<Void> retentionTask(ObjectProvider<RetentionJob> job) {
            return Tasks.recurring("rgpd-conservation", Schedules.cron("0 30 3 * * *", ZoneId.of("Europe/Paris")))
                .execute((instance, context) -> job.getObject().applyAll(Instant.now()));
        }

    }

}
