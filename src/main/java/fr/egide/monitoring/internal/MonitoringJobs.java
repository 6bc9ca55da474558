package fr.egide.monitoring.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scans on the shared db-scheduler: a periodic look for sources due (leased in the database, so two instances
 * never take the same one) schedules one scan job per source, whose instance is the source's id: a source is
 * never scanned twice at once, whichever instance runs it.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringJobs {

    static final String SCAN = "monitoring-scan";

    static final String DUE = "monitoring-due";

    @Bean
    OneTimeTask<String> sourceScanTask(SourceScanner scanner) {
        return Tasks.oneTime(SCAN, String.class).execute((instance, context) -> {
            try {
                scanner.scan(UUID.fromString(instance.getData()));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Bean
    RecurringTask<Void> dueSourcesTask(SourceStore store, OneTimeTask<String> sourceScanTask,
            @Value("${egide.monitoring.due-poll:30s}") Duration poll) {
        return Tasks.recurring(DUE, FixedDelay.of(poll)).execute((instance, context) -> {
            // The lease outlasts a scan: a source whose scan never ran is taken again after it.
            for (var id : store.takeDue(200, Duration.ofMinutes(30))) {
                context.getSchedulerClient().scheduleIfNotExists(sourceScanTask.instance(id.toString(), id.toString()), Instant.now());
            }
        });
    }

}
