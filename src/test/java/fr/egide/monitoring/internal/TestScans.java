package fr.egide.monitoring.internal;

import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Runs one scan of a source now, in the calling thread, for the tests of other modules (background jobs are off in tests). */
public final class TestScans {

    private TestScans() {
    }

    /** @return the scan's status: TERMINE, PARTIEL, ECHEC or IGNORE */
    public static String scan(ApplicationContext context, UUID sourceId) throws InterruptedException {
        return context.getBean(SourceScanner.class).scan(sourceId).status();
    }

}
