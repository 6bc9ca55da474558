package fr.egide.compliance.internal;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.engine.LinterData;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Loads the analyser's and the linter's data (lexicons, the health and medicine lists: about a second on two
 * cores) in a background thread as soon as the application starts, in parallel with the creation of the Spring
 * context; the beans that need them later find them loaded, or wait for the load in progress. Registered in
 * META-INF/spring.factories because it must run before any bean exists. The sub-commands do not start Spring and
 * load the data themselves.
 */
class DataPreload implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static volatile boolean started;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        synchronized (DataPreload.class) {
            if (started) {
                return;
            }
            started = true;
        }
        var thread = new Thread(() -> {
            ReviewAnalyzer.standard();
            LinterData.bundled();
        }, "preload-lexicons");
        thread.setDaemon(true);
        thread.start();
    }

}
