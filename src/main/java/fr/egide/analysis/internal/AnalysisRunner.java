package fr.egide.analysis.internal;

import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.ImpactContext;
import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.Qualification;
import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.analysis.Wave;
import fr.egide.analysis.engine.WaveDetector;
import fr.egide.monitoring.MentionFeed;
import fr.egide.monitoring.MentionLabelFamily;
import fr.egide.monitoring.MentionLabels;
import fr.egide.monitoring.MentionText;
import fr.egide.monitoring.SearchPositions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analyses stored mentions with what is known around them (the practitioner's impact context, the waves they
 * belong to), stores the result and labels the mentions so that lists can filter on the qualification and
 * the indicators. One transaction per batch: an analysis and its labels never disagree.
 */
@Component
public class AnalysisRunner {

    /** The families of labels this module puts on mentions. */
    public static final MentionLabelFamily QUALIFICATIONS = new MentionLabelFamily("qualification",
            Arrays.stream(Qualification.values()).map(Enum::name).toList());

    public static final MentionLabelFamily INDICATORS = new MentionLabelFamily("indice",
            Arrays.stream(IndicatorType.values()).map(Enum::name).toList());

    /** How far back waves are looked for. */
    static final Duration WAVE_HORIZON = Duration.ofDays(400);

    private final AnalysisStore store;

    private final ReviewAnalyzer analyzer;

    private final MentionLabels labels;

    private final MentionFeed feed;

    private final TransactionTemplate transactions;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final SearchPositions searchPositions;

    private final WaveDetector detector = new WaveDetector();

    AnalysisRunner(AnalysisStore store, ReviewAnalyzer analyzer, MentionLabels labels, MentionFeed feed,
            PlatformTransactionManager transactionManager, org.springframework.context.ApplicationEventPublisher events,
            SearchPositions searchPositions) {
        this.searchPositions = searchPositions;
        this.events = events;
        this.store = store;
        this.analyzer = analyzer;
        this.labels = labels;
        this.feed = feed;
        // Its own transaction per batch, even inside the import listener's: locks on mentions last one batch.
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Analyses these mentions with their stored context and wave counts. */
    public void analyze(List<MentionText> mentions) {
        analyze(mentions, Map.of(), null);
    }

    /**
     * What wave detection sees of the cabinets of one import while its batches are analysed: the stored items,
     * read once per cabinet, plus the items of the batches already analysed. With it, a new mention that joins a
     * wave gets its count of similar items in its first analysis instead of being analysed, stored and labelled a
     * second time by the refresh that follows the import (which still runs, and corrects the rest).
     */
    static final class ImportWaves {

        private final Map<UUID, Map<UUID, WaveDetector.Item>> items = new HashMap<>();

        private Map<UUID, WaveDetector.Item> of(UUID cabinetId, AnalysisStore store) {
            return items.computeIfAbsent(cabinetId, id -> {
                var stored = new java.util.LinkedHashMap<UUID, WaveDetector.Item>();
                store.waveItems(id, Instant.now().minus(WAVE_HORIZON)).forEach(item -> stored.put(item.id(), item));
                return stored;
            });
        }

    }

    /** Analyses a batch of an import, with the waves it makes with what is stored and the import's earlier batches. */
    void analyze(List<MentionText> mentions, ImportWaves waves) {
        analyze(mentions, Map.of(), waves);
    }

    private void analyze(List<MentionText> mentions, Map<UUID, Integer> similarOverrides, ImportWaves importWaves) {
        if (mentions.isEmpty()) {
            return;
        }
        var ids = mentions.stream().map(MentionText::id).toList();
        var contexts = store.contexts(ids);
        // What the practitioner said wins; otherwise the search watch's latest ranking of the result, when it is one.
        var watched = searchPositions.firstPage(ids);
        var storedSimilar = store.similarItems(ids);
        var similar = new HashMap<>(storedSimilar);
        similar.putAll(similarOverrides);
        // A wave refresh changes only the impact: the stored analysis of the same text is reassessed, not redone.
        Map<UUID, AnalysisStore.Stored> previous = similarOverrides.isEmpty() ? Map.of() : store.find(ids);
        // A mention seen for the first time may be news on its own (a new negative review), not only when flagged.
        // (Those with a stored analysis are those with a stored count of similar items.)
        var known = similarOverrides.isEmpty() ? storedSimilar.keySet() : java.util.Set.copyOf(ids);
        var results = new ArrayList<AnalysisStore.Stored>(mentions.size());
        var labelsByMention = new HashMap<UUID, List<String>>();
        for (var mention : mentions) {
            int similarItems = similar.getOrDefault(mention.id(), 0);
            var request = request(mention, contexts, watched, similarItems);
            var before = previous.get(mention.id());
            var analysis = before != null && before.textVersions() == mention.versionCount()
                    ? analyzer.reassess(before.analysis(), request) : analyzer.analyze(request);
            results.add(new AnalysisStore.Stored(mention.id(), mention.cabinetId(), mention.versionCount(),
                    mention.author(), mention.publishedEarliest(), mention.publishedLatest(), similarItems, analysis));
        }
        if (importWaves != null) {
            joinWaves(mentions, results, importWaves, contexts, watched);
        }
        for (var stored : results) {
            var analysis = stored.analysis();
            var mentionLabels = new LinkedHashSet<String>();
            mentionLabels.add(QUALIFICATIONS.label(analysis.qualification().name()));
            analysis.indicators().forEach(indicator -> mentionLabels.add(INDICATORS.label(indicator.type().name())));
            labelsByMention.put(stored.mentionId(), List.copyOf(mentionLabels));
        }
        transactions.executeWithoutResult(status -> {
            store.save(results);
            labels.replace(List.of(QUALIFICATIONS.family(), INDICATORS.family()), labelsByMention);
            var negatives = new java.util.LinkedHashMap<UUID, List<UUID>>();
            var flags = new java.util.LinkedHashMap<UUID, List<fr.egide.analysis.MentionFlagged>>();
            for (var stored : results) {
                var analysis = stored.analysis();
                if (flagged(analysis)) {
                    // A wave refresh of a mention already flagged for this version of its text tells nothing new:
                    // both listeners key on the mention's version (the alert's key, the capture per version), so
                    // that publication would be a no-op; it is not made.
                    var before = previous.get(stored.mentionId());
                    if (before != null && before.textVersions() == stored.textVersions() && flagged(before.analysis())) {
                        continue;
                    }
                    var threat = analysis.indicators().stream().anyMatch(i -> i.type() == IndicatorType.MENACE);
                    flags.computeIfAbsent(stored.cabinetId(), c -> new ArrayList<>())
                        .add(new fr.egide.analysis.MentionFlagged(stored.mentionId(), stored.cabinetId(),
                                stored.textVersions(), analysis.qualification(), analysis.impact().score(), threat));
                }
                else if (!known.contains(stored.mentionId()) && analysis.sentiment().label() == fr.egide.analysis.Polarity.NEGATIVE) {
                    negatives.computeIfAbsent(stored.cabinetId(), c -> new ArrayList<>()).add(stored.mentionId());
                }
            }
            // One publication per batch and cabinet, not one per flagged mention.
            flags.forEach((cabinetId, flagged) -> events.publishEvent(new fr.egide.analysis.MentionsFlagged(cabinetId, flagged)));
            negatives.forEach((cabinetId, negativeIds) -> events.publishEvent(new fr.egide.analysis.NegativeMentionsFound(cabinetId, negativeIds)));
        });
    }

    /**
     * Gives the batch's new analyses the wave counts they will have once stored: waves are detected over the
     * cabinet's stored items and this import's items so far, and a mention whose count differs is reassessed in
     * memory (impact and strategy only, as a refresh would do) before anything is written.
     */
    private void joinWaves(List<MentionText> mentions, List<AnalysisStore.Stored> results, ImportWaves importWaves,
            Map<UUID, ImpactContext> contexts, Map<UUID, Boolean> watched) {
        var byCabinet = new java.util.LinkedHashMap<UUID, List<Integer>>();
        for (int i = 0; i < results.size(); i++) {
            byCabinet.computeIfAbsent(results.get(i).cabinetId(), c -> new ArrayList<>()).add(i);
        }
        byCabinet.forEach((cabinetId, indexes) -> {
            var items = importWaves.of(cabinetId, store);
            for (int i : indexes) {
                var stored = results.get(i);
                items.put(stored.mentionId(), new WaveDetector.Item(stored.mentionId(), stored.author(),
                        stored.publishedEarliest(), stored.publishedLatest(),
                        stored.analysis().sentiment().label() == fr.egide.analysis.Polarity.NEGATIVE));
            }
            var wanted = new HashMap<UUID, Integer>();
            for (var wave : detector.detect(List.copyOf(items.values()))) {
                for (var id : wave.mentionIds()) {
                    wanted.merge(id, counted(wave), Math::max);
                }
            }
            for (int i : indexes) {
                var stored = results.get(i);
                int count = wanted.getOrDefault(stored.mentionId(), 0);
                if (count == stored.similarItems()) {
                    continue;
                }
                var request = request(mentions.get(i), contexts, watched, count);
                results.set(i, new AnalysisStore.Stored(stored.mentionId(), stored.cabinetId(), stored.textVersions(),
                        stored.author(), stored.publishedEarliest(), stored.publishedLatest(), count,
                        analyzer.reassess(stored.analysis(), request)));
            }
        });
    }

    /** What the analyser is told about a mention: what the practitioner said wins, then the search watch's ranking. */
    private static AnalysisRequest request(MentionText mention, Map<UUID, ImpactContext> contexts, Map<UUID, Boolean> watched,
            int similarItems) {
        var context = contexts.getOrDefault(mention.id(), ImpactContext.UNKNOWN);
        var position = context.searchPosition() != null ? context.searchPosition()
                : watched.containsKey(mention.id()) ? (watched.get(mention.id()) ? "FIRST_PAGE" : "BEYOND") : null;
        return new AnalysisRequest(mention.text(), mention.rating(), mention.sourceName(), context.audience(), position,
                context.author(), mention.publishedEarliest(), similarItems, null);
    }

    /** The similar items a wave's member counts (stored as such): beyond the counted maximum, growth changes nothing. */
    private static int counted(Wave wave) {
        return Math.min(AnalysisRequest.SIMILAR_ITEMS_COUNTED, wave.size() - 1);
    }

    private static boolean flagged(fr.egide.analysis.Analysis analysis) {
        return analysis.qualification() != Qualification.LICITE_PROBABLE || analysis.impact().high();
    }

    /** Tells the other modules about each wave that appeared or grew: some of its members just joined it. */
    private void announceWaves(UUID cabinetId, List<Wave> waves, Map<UUID, Integer> changed) {
        var news = waves.stream()
            .filter(wave -> wave.mentionIds().stream().anyMatch(id -> changed.getOrDefault(id, 0) > 0))
            .toList();
        if (news.isEmpty()) {
            return;
        }
        var firsts = feed.get(news.stream().flatMap(w -> w.mentionIds().stream()).distinct().toList())
            .stream()
            .collect(java.util.stream.Collectors.toMap(MentionText::id, m -> m));
        var detected = new ArrayList<fr.egide.analysis.WaveDetected>();
        for (var wave : news) {
            // The earliest member keys the wave: it stays the same while later items join.
            var first = wave.mentionIds().stream()
                .min(java.util.Comparator.comparing((UUID id) -> firsts.containsKey(id) && firsts.get(id).publishedEarliest() != null
                        ? firsts.get(id).publishedEarliest() : Instant.MAX).thenComparing(UUID::toString))
                .orElseThrow();
            detected.add(new fr.egide.analysis.WaveDetected(cabinetId, wave.kind(), first, wave.size(), wave.from(), wave.to()));
        }
        transactions.executeWithoutResult(status -> events.publishEvent(new fr.egide.analysis.WavesDetected(cabinetId, detected)));
    }

    /** The waves of a cabinet now, newest first. */
    public List<Wave> waves(UUID cabinetId) {
        return detector.detect(store.waveItems(cabinetId, Instant.now().minus(WAVE_HORIZON)));
    }

    /**
     * Recomputes the waves of these cabinets and re-analyses the mentions whose count of similar items changed
     * (joining or leaving a wave changes the "risk" part of their impact). After an import too, the waves are read
     * again from the store once its batches committed, never from what the import saw at its first batch: another
     * import of the same cabinet (a manual addition, a second connector, another instance) may have committed
     * meanwhile, and only the refresh that reads last sees both. Reusing the import's items let three reviews
     * added at the same moment miss their wave.
     */
    public int refreshWaves(Collection<UUID> cabinetIds) {
        int changed = 0;
        for (var cabinetId : cabinetIds) {
            var wanted = new HashMap<UUID, Integer>();
            var waves = waves(cabinetId);
            for (var wave : waves) {
                for (var id : wave.mentionIds()) {
                    wanted.merge(id, counted(wave), Math::max);
                }
            }
            var current = store.inWaves(cabinetId);
            var overrides = new HashMap<UUID, Integer>();
            wanted.forEach((id, count) -> {
                if (!count.equals(current.get(id))) {
                    overrides.put(id, count);
                }
            });
            current.keySet().stream().filter(id -> !wanted.containsKey(id)).forEach(id -> overrides.put(id, 0));
            var ids = new ArrayList<>(overrides.keySet());
            for (int from = 0; from < ids.size(); from += AnalysisJobs.BATCH) {
                var slice = ids.subList(from, Math.min(ids.size(), from + AnalysisJobs.BATCH));
                AnalysisJobs.parts(feed.get(slice)).forEach(part -> analyze(part, overrides, null));
            }
            changed += ids.size();
            announceWaves(cabinetId, waves, overrides);
        }
        return changed;
    }

}
