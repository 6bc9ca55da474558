package fr.egide.analysis.internal;

import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.monitoring.MentionFeed;
import fr.egide.monitoring.MentionText;
import fr.egide.monitoring.MentionsImported;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;

/**
 * Keeps every mention analysed: new and changed mentions when an import publishes its event (through the
 * event publication registry, so nothing is lost across a restart), and, at start-up, every mention whose
 * analysis was made by another analyser version.
 */
@Component
class AnalysisJobs {

    static final int BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(AnalysisJobs.class);

    private final MentionFeed feed;

    private final AnalysisStore store;

    private final ReviewAnalyzer analyzer;

    AnalysisJobs(MentionFeed feed, AnalysisStore store, ReviewAnalyzer analyzer) {
        this.feed = feed;
        this.store = store;
        this.analyzer = analyzer;
    }

    @ApplicationModuleListener
    void on(MentionsImported event) {
        UUID after = null;
        int count = 0;
        List<MentionText> batch;
        while (!(batch = feed.ofImport(event.importId(), after, BATCH)).isEmpty()) {
            analyze(batch);
            count += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
        log.info("Analyse de l'import {} : {} mentions", event.importId(), count);
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    void reanalyzeStale() {
        UUID after = null;
        int redone = 0;
        List<MentionText> batch;
        while (!(batch = feed.after(after, BATCH)).isEmpty()) {
            var ids = batch.stream().map(MentionText::id).toList();
            var current = store.upToDate(ids, analyzer.version());
            var stale = batch.stream().filter(m -> !current.contains(m.id() + ":" + m.versionCount())).toList();
            analyze(stale);
            redone += stale.size();
            after = batch.get(batch.size() - 1).id();
        }
        if (redone > 0) {
            log.info("Analyses refaites avec la version {} : {} mentions", analyzer.version(), redone);
        }
    }

    void analyze(List<MentionText> mentions) {
        var results = new ArrayList<AnalysisStore.Stored>(mentions.size());
        for (var mention : mentions) {
            var request = new AnalysisRequest(mention.text(), mention.rating(), mention.sourceName(), null, null, null,
                    mention.publishedEarliest(), 0, null);
            results.add(new AnalysisStore.Stored(mention.id(), mention.cabinetId(), mention.versionCount(),
                    analyzer.analyze(request)));
        }
        store.save(results);
    }

}
