package fr.egide.analysis.internal;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.monitoring.MentionFeed;
import fr.egide.monitoring.MentionText;
import fr.egide.monitoring.MentionsImported;
import java.util.HashSet;
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

    /**
     * An import of at most this many new or changed mentions (a connector's page) is analysed as one batch, whose
     * waves are detected together before anything is stored, so that none of its mentions is stored twice because a
     * later batch of the same page joined its wave.
     */
    static final int IMPORT_BATCH = 5000;

    /** …and whose texts hold at most this many characters (5,000 reviews of 400 characters): memory stays bounded. */
    static final long IMPORT_BATCH_CHARS = 2_000_000;

    /**
     * Otherwise a batch of {@link #BATCH} mentions is analysed and stored in parts of at most this many characters of
     * text: the analyses of very long texts (and their JSON) would not fit in a small heap a thousand at a time.
     */
    static final long PART_CHARS = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(AnalysisJobs.class);

    private final MentionFeed feed;

    private final AnalysisStore store;

    private final ReviewAnalyzer analyzer;

    private final AnalysisRunner runner;

    AnalysisJobs(MentionFeed feed, AnalysisStore store, ReviewAnalyzer analyzer, AnalysisRunner runner) {
        this.feed = feed;
        this.store = store;
        this.analyzer = analyzer;
        this.runner = runner;
    }

    @ApplicationModuleListener
    void on(MentionsImported event) {
        UUID after = null;
        int count = 0;
        var cabinets = new HashSet<UUID>();
        // A connector's page is one batch with its waves found before it is stored. A large file is analysed 1,000
        // mentions at a time, in bounded memory, and its waves are left to the refresh that follows.
        var page = event.created() + event.updated() <= IMPORT_BATCH && feed.textLength(event.importId()) <= IMPORT_BATCH_CHARS;
        var waves = page ? new AnalysisRunner.ImportWaves() : null;
        List<MentionText> batch;
        while (!(batch = feed.ofImport(event.importId(), after, page ? IMPORT_BATCH : BATCH)).isEmpty()) {
            if (waves != null) {
                runner.analyze(batch, waves);
            }
            else {
                parts(batch).forEach(runner::analyze);
            }
            batch.forEach(mention -> cabinets.add(mention.cabinetId()));
            count += batch.size();
            after = batch.get(batch.size() - 1).id();
        }
        var refreshed = runner.refreshWaves(cabinets);
        log.info("Analyse de l'import {} : {} mentions, {} réévaluées pour les vagues", event.importId(), count, refreshed);
    }

    /** The batch cut, in order, into parts of at most {@link #PART_CHARS} characters of text (at least one mention each). */
    static List<List<MentionText>> parts(List<MentionText> batch) {
        var parts = new java.util.ArrayList<List<MentionText>>();
        int from = 0;
        long chars = 0;
        for (int i = 0; i < batch.size(); i++) {
            var length = batch.get(i).text() == null ? 0 : batch.get(i).text().length();
            if (i > from && chars + length > PART_CHARS) {
                parts.add(batch.subList(from, i));
                from = i;
                chars = 0;
            }
            chars += length;
        }
        if (from < batch.size()) {
            parts.add(batch.subList(from, batch.size()));
        }
        return parts;
    }

    @Async
    @EventListener(ApplicationReadyEvent.class)
    void reanalyzeStale() {
        UUID after = null;
        int redone = 0;
        var cabinets = new HashSet<UUID>();
        List<MentionText> batch;
        while (!(batch = feed.after(after, BATCH)).isEmpty()) {
            var ids = batch.stream().map(MentionText::id).toList();
            var current = store.upToDate(ids, analyzer.version());
            var stale = batch.stream().filter(m -> !current.contains(m.id() + ":" + m.versionCount())).toList();
            parts(stale).forEach(runner::analyze);
            stale.forEach(mention -> cabinets.add(mention.cabinetId()));
            redone += stale.size();
            after = batch.get(batch.size() - 1).id();
        }
        runner.refreshWaves(cabinets);
        if (redone > 0) {
            log.info("Analyses refaites avec la version {} : {} mentions", analyzer.version(), redone);
        }
    }

}
