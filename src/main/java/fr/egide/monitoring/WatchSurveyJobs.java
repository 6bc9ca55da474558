package fr.egide.monitoring;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The monthly "état des lieux": on the first day of each month (05:00, Paris time), the month before is computed and
 * kept for every cabinet with sources, then every source is read again in full, from its first page.
 */
@Configuration(proxyBeanMethods = false)
class WatchSurveyJobs {

    static final String MONTHLY = "monitoring-etat-des-lieux";

    private static final Logger log = LoggerFactory.getLogger(WatchSurveyJobs.class);

    @Bean
    RecurringTask<Void> monthlySurveyTask(WatchSurveys surveys,
            @Value("${egide.monitoring.monthly-survey:0 0 5 1 * *}") String cron) {
        return Tasks.recurring(MONTHLY, Schedules.cron(cron, WatchSurveys.PARIS))
            .execute((instance, context) -> run(surveys, YearMonth.now(WatchSurveys.PARIS).minusMonths(1)));
    }

    /** The month's surveys, then the full re-read; returns how many cabinets were surveyed. */
    static int run(WatchSurveys surveys, YearMonth month) {
        var cabinets = surveys.cabinetsWithSources();
        for (var cabinet : cabinets) {
            surveys.computeAndKeep(cabinet, month);
        }
        var sources = surveys.fullRescan();
        log.info("État des lieux de {} : {} cabinet(s), {} source(s) relevée(s) en entier", month, cabinets.size(), sources);
        return cabinets.size();
    }

}
