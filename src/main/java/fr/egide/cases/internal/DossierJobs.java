package fr.egide.cases.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.egide.cases.DossierMaintenance;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every morning (06:00, Paris), open dossiers whose criminal deadlines all passed without action are marked prescribed. */
@Configuration(proxyBeanMethods = false)
class DossierJobs {

    @Bean
    RecurringTask<Void> prescriptionTask(org.springframework.beans.factory.ObjectProvider<DossierMaintenance> maintenance) {
        // Looked up when the job runs: dossiers need the evidence module, whose captures need the scheduler itself.
        return Tasks.recurring("cases-prescription", Schedules.cron("0 0 6 * * *", ZoneId.of("Europe/Paris")))
            .execute((instance, context) -> maintenance.getObject().markPrescribed());
    }

}
