package fr.egide.analysis;

import fr.egide.analysis.engine.AnalyzerData;
import fr.egide.analysis.engine.RuleEngine;

/**
 * Analyses one text: language, sentiment, themes, legal-risk indicators with their words and legal basis,
 * qualification, impact and strategy. Plain Java, no Spring and no database: the command line, the web
 * application and the benchmarks use the same instance type. Thread-safe.
 */
public final class ReviewAnalyzer {

    private final RuleEngine engine;

    private ReviewAnalyzer(RuleEngine engine) {
        this.engine = engine;
    }

    /** The analyser with the lexicons and rules shipped in the jar. */
    public static ReviewAnalyzer standard() {
        return new ReviewAnalyzer(new RuleEngine(AnalyzerData.bundled()));
    }

    public Analysis analyze(AnalysisRequest request) {
        return engine.analyze(request);
    }

    /**
     * {@code previous} (an analysis of the same text and rating) with its impact and strategy recomputed for this
     * request's context and similar items; a full analysis if {@code previous} comes from another analyser version.
     * Gives the same result as {@link #analyze(AnalysisRequest)}, without reading the text again.
     */
    public Analysis reassess(Analysis previous, AnalysisRequest request) {
        return engine.reassess(previous, request);
    }

    public Analysis analyze(String text) {
        return engine.analyze(AnalysisRequest.of(text));
    }

    /** Changes whenever the engine or any lexicon changes. */
    public String version() {
        return engine.version();
    }

}
