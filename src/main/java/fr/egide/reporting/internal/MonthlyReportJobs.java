package fr.egide.reporting.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.egide.monitoring.FrenchDates;
import java.time.YearMonth;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly report's jobs: on the first day of each month (07:00, Paris time, after the monitoring's « état des
 * lieux » at 05:00), the month just ended for every cabinet; and the reports asked for on demand, one task each.
 */
@Configuration(proxyBeanMethods = false)
class MonthlyReportJobs {

    static final String MONTHLY = "reporting-veille-mensuelle";

    static final String ON_DEMAND = "reporting-rapport";

    private static final Logger log = LoggerFactory.getLogger(MonthlyReportJobs.class);

    @Bean
    OneTimeTask<String> monthlyReportTask(ObjectProvider<MonthlyReports> reports) {
        return Tasks.oneTime(ON_DEMAND, String.class)
            .execute((instance, context) -> reports.getObject().generate(UUID.fromString(instance.getData())));
    }

    @Bean
    RecurringTask<Void> monthlyReportsTask(ObjectProvider<MonthlyReports> reports,
            @Value("${egide.reporting.monthly:0 0 7 1 * *}") String cron) {
        return Tasks.recurring(MONTHLY, Schedules.cron(cron, FrenchDates.PARIS))
            .execute((instance, context) -> run(reports.getObject(), YearMonth.now(FrenchDates.PARIS).minusMonths(1)));
    }

    /** The month's reports; returns how many were generated. */
    static int run(MonthlyReports reports, YearMonth month) {
        var generated = reports.monthly(month);
        log.info("Veille mensuelle de {} : {} rapport(s) généré(s)", month, generated);
        return generated;
    }

}
