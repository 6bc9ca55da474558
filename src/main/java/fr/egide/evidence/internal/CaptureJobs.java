package fr.egide.evidence.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import fr.egide.evidence.Capturer;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The evidence module's background jobs, on the shared db-scheduler: one job per requested capture (so that
 * several instances never capture twice, and a restart resumes what was waiting), and the periodic look for
 * captured URLs due for a re-check, each re-check being a new capture.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceSettings.class)
class CaptureJobs {

    static final String CAPTURE = "evidence-capture";

    static final String RECHECK = "evidence-recheck";

    private static final Logger log = LoggerFactory.getLogger(CaptureJobs.class);

    @Bean
    OneTimeTask<String> captureTask(CaptureRunner runner) {
        return Tasks.oneTime(CAPTURE, String.class).execute((instance, context) -> runner.run(instance.getData()));
    }

    @Bean
    RecurringTask<Void> recheckTask(CaptureStore store, EvidenceSettings settings, OneTimeTask<String> captureTask) {
        return Tasks.recurring(RECHECK, FixedDelay.of(settings.recheckPoll())).execute((instance, context) -> {
            var due = store.takeDue(20, Instant.now().plus(settings.recheckInterval()));
            for (var watch : due) {
                var id = Capturer.newId();
                if (store.insert(new CaptureStore.NewCapture(id, watch.cabinetId(), watch.mentionId(), null, watch.url(),
                        "contrôle programmé", CaptureRunner.SYSTEM, null, "CONTROLE"))) {
                    schedule(context.getSchedulerClient(), captureTask, id);
                }
            }
            if (!due.isEmpty()) {
                log.info("{} adresse(s) capturée(s) à contrôler", due.size());
            }
        });
    }

    static void schedule(SchedulerClient client, OneTimeTask<String> task, String id) {
        client.scheduleIfNotExists(task.instance(id, id), Instant.now());
    }

}
