package fr.egide.system.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Background jobs on PostgreSQL with db-scheduler's core, wired here rather than through its Spring Boot starter
 * (which targets Boot 3). Every module declares its jobs as {@link Task} beans; a job scheduled inside a
 * transaction is written in that transaction (the data source is transaction-aware), so a request and its job
 * are stored together or not at all. Several instances may share the database: each job runs once.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundJobs {

    /** "host/4f1c2a9b" unless {@code egide.jobs.instance} names it: unique even for two instances on one host. */
    @Bean
    fr.egide.system.Instance instance(@Value("${egide.jobs.instance:}") String name) {
        if (name != null && !name.isBlank()) {
            return new fr.egide.system.Instance(name.strip());
        }
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        }
        catch (java.io.IOException ex) {
            host = "egide";
        }
        return new fr.egide.system.Instance(host + "/" + java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, fr.egide.system.Instance instance,
            @Value("${egide.jobs.threads:2}") int threads,
            @Value("${egide.jobs.polling:10s}") Duration polling) {
        var plain = new ArrayList<Task<?>>();
        var recurring = new ArrayList<RecurringTask<?>>();
        for (var task : tasks) {
            if (task instanceof RecurringTask<?> startable) {
                recurring.add(startable);
            }
            else {
                plain.add(task);
            }
        }
        // Recurring jobs are registered by startTasks, which also schedules their first run if none is stored.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), plain)
            .startTasks(recurring)
            .schedulerName(new com.github.kagkarlsson.scheduler.SchedulerName.Fixed(instance.name()))
            .threads(threads)
            .pollingInterval(polling)
            .enableImmediateExecution()
            .shutdownMaxWait(Duration.ofSeconds(20))
            .build();
    }

    /** Starts the scheduler once the application is up and stops it before the database goes. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, @Value("${egide.jobs.enabled:true}") boolean enabled) {
        return new SmartLifecycle() {

            private volatile boolean running;

            @Override
            public void start() {
                // Disabled: jobs are stored, and run by another instance sharing the database.
                if (enabled) {
                    scheduler.start();
                }
                running = true;
            }

            @Override
            public void stop() {
                if (enabled) {
                    scheduler.stop();
                }
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                // After the web server has stopped taking requests, before the data source closes.
                return Integer.MAX_VALUE - 2048;
            }

        };
    }

}
