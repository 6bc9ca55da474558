package fr.egide.analysis.internal;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.Deadline;
import fr.egide.analysis.Impact;
import fr.egide.analysis.ImpactFactor;
import fr.egide.analysis.Indicator;
import fr.egide.analysis.Sentiment;
import fr.egide.analysis.Strategy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analyser's fixed sentences, kept once in {@code analysis_phrase} rather than in every stored analysis (about
 * half of its size, and storing analyses is the largest cost of ingestion). {@link #compact} names each known
 * sentence by its id before an analysis is written; {@link #expand} writes them back when it is read, so nothing
 * outside the store sees the difference.
 *
 * <p>Only sentences the analyser builds from its rules are named: explanations of impact factors, the strategy's
 * rationale and next steps, deadlines' descriptions and legal bases, indicators' legal bases, the note on a
 * contradicting rating and the analysis notes. An indicator's reason quotes the text and stays as it is. Phrases
 * are only added: an id keeps its sentence for good, whatever instance added it. Should a future rule make one of
 * these sentences vary with the text, the book stops growing at {@link #LIMIT} phrases and the rest is stored as written.
 */
@Component
class PhraseBook {

    /** U+E000, a private-use character: the analyser never writes it, so a string starting with it is a name. */
    static final char MARK = '\uE000';

    /** At most this many phrases: beyond, new sentences are stored as written. */
    static final int LIMIT = 20_000;

    private final int limit;

    private final JdbcClient jdbc;

    private final TransactionTemplate ownTransaction;

    private final Map<String, Integer> ids = new ConcurrentHashMap<>();

    private final Map<Integer, String> texts = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    PhraseBook(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, LIMIT);
    }

    PhraseBook(JdbcClient jdbc, PlatformTransactionManager transactionManager, int limit) {
        this.limit = limit;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // Committed on its own before the analyses that name them: a rolled-back batch cannot leave an id known
        // here that the database does not hold.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The analysis with its known sentences named. New sentences are first added to the book (in their own
     * transaction, only when there are any), so every analysis of the batch can name them.
     */
    List<Analysis> compact(List<Analysis> analyses) {
        var unknown = new LinkedHashSet<String>();
        for (var analysis : analyses) {
            map(analysis, text -> {
                if (text != null && !ids.containsKey(text)) {
                    unknown.add(text);
                }
                return text;
            });
        }
        if (!unknown.isEmpty()) {
            learn(unknown);
        }
        var compacted = new ArrayList<Analysis>(analyses.size());
        for (var analysis : analyses) {
            compacted.add(map(analysis, this::name));
        }
        return compacted;
    }

    /** The analysis with its named sentences written out again. */
    Analysis expand(Analysis analysis) {
        return map(analysis, text -> {
            if (text == null || text.isEmpty() || text.charAt(0) != MARK) {
                return text;
            }
            var id = Integer.valueOf(text.substring(1));
            var known = texts.get(id);
            if (known == null) {
                // Added by another instance since this one last looked.
                reload();
                known = texts.get(id);
                if (known == null) {
                    throw new IllegalStateException("Phrase d'analyse inconnue : " + id);
                }
            }
            return known;
        });
    }

    /** How many phrases the book holds (for tests and logs). */
    int size() {
        return ids.size();
    }

    private String name(String text) {
        if (text == null) {
            return null;
        }
        var id = ids.get(text);
        return id == null ? text : MARK + id.toString();
    }

    private void learn(Set<String> unknown) {
        reload();
        var missing = unknown.stream().filter(text -> !ids.containsKey(text)).limit(Math.max(0, limit - ids.size())).toList();
        if (missing.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                insert into analysis_phrase (text) select unnest(:texts::text[]) order by 1 on conflict (text) do nothing
                """).param("texts", missing.toArray(String[]::new)).update());
        reload();
    }

    private synchronized void reload() {
        jdbc.sql("select id, text from analysis_phrase where id > :after order by id")
            .param("after", texts.keySet().stream().mapToInt(Integer::intValue).max().orElse(0))
            .query(rs -> {
                ids.put(rs.getString("text"), rs.getInt("id"));
                texts.put(rs.getInt("id"), rs.getString("text"));
            });
    }

    /** The analysis with {@code change} applied to each of the sentences the book may hold. */
    private static Analysis map(Analysis analysis, UnaryOperator<String> change) {
        var sentiment = analysis.sentiment();
        var mappedSentiment = sentiment == null ? null : new Sentiment(sentiment.label(), sentiment.score(),
                sentiment.combined(), sentiment.rating(), sentiment.contradiction(), change.apply(sentiment.contradictionReason()));
        var indicators = analysis.indicators() == null ? null : analysis.indicators().stream()
            .map(i -> new Indicator(i.type(), i.confidence(), i.spans(), i.reason(), change.apply(i.legalBasis())))
            .toList();
        var impact = analysis.impact() == null ? null : new Impact(analysis.impact().score(), analysis.impact().factors() == null ? null
                : analysis.impact().factors().stream()
                    .map(f -> new ImpactFactor(f.criterion(), f.value(), f.points(), change.apply(f.explanation())))
                    .toList());
        var strategy = analysis.strategy();
        var mappedStrategy = strategy == null ? null : new Strategy(strategy.kind(), change.apply(strategy.rationale()),
                strategy.nextSteps() == null ? null : strategy.nextSteps().stream().map(change).toList(),
                strategy.deadlines() == null ? null : strategy.deadlines().stream()
                    .map(d -> new Deadline(d.type(), change.apply(d.description()), change.apply(d.legalBasis()), d.months(), d.dueDate()))
                    .toList());
        var notes = analysis.notes() == null ? null : analysis.notes().stream().map(change).toList();
        return new Analysis(analysis.language(), mappedSentiment, analysis.themes(), indicators, analysis.qualification(),
                impact, mappedStrategy, analysis.analyzerVersion(), notes);
    }

    /** Every sentence of these analyses the book may hold (for tests). */
    static Set<String> sentences(Collection<Analysis> analyses) {
        var found = new LinkedHashSet<String>();
        analyses.forEach(analysis -> map(analysis, text -> {
            if (text != null) {
                found.add(text);
            }
            return text;
        }));
        return found;
    }

}
