package fr.egide.alerts.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every minute, the due deliveries (end of quiet hours, digests, retries) leave; every morning (07:00, Paris) the
 * dossiers' deadline reminders become alerts.
 */
@Configuration(proxyBeanMethods = false)
class AlertJobs {

    @Bean
    RecurringTask<Void> alertsDispatchTask(ObjectProvider<AlertDispatcher> dispatcher) {
        return Tasks.recurring("alerts-dispatch", Schedules.fixedDelay(Duration.ofMinutes(1)))
            .execute((instance, context) -> dispatcher.getObject().dispatchDue(Instant.now()));
    }

    @Bean
    RecurringTask<Void> alertsRemindersTask(ObjectProvider<DeadlineReminders> reminders) {
        return Tasks.recurring("alerts-reminders", Schedules.cron("0 0 7 * * *", ZoneId.of("Europe/Paris")))
            .execute((instance, context) -> reminders.getObject().raiseDue(java.time.LocalDate.now(AlertRaiser.PARIS)));
    }

}
