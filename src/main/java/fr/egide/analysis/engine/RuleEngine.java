package fr.egide.analysis.engine;

import fr.egide.text.Token;
import fr.egide.text.TokenIndex;
import fr.egide.analysis.Analysis;
import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.Indicator;
import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.Polarity;
import fr.egide.analysis.Qualification;
import fr.egide.analysis.Sentiment;
import fr.egide.analysis.Span;
import fr.egide.analysis.Theme;
import fr.egide.analysis.ThemeScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule engine: tokens, lexicon matches, context (negation, reported speech, nuance), then one indicator
 * per type with its spans and reason. Plain Java, no I/O, thread-safe: one instance serves every thread.
 */
public final class RuleEngine {

    /** Indicators below this confidence are not shown: a false "illicit" alarm has a cost. */
    public static final double SHOWN = 0.5;

    /** From this confidence on, an illicit-risk indicator makes the text ILLICITE_PROBABLE. */
    static final double PROBABLE = 0.7;

    /** Longest text analysed; the rest is ignored (and said so in no indicator: the user sees the whole text). */
    public static final int MAX_CHARS = 20_000;

    private final AnalyzerData data;

    private final Assessment assessment;

    public RuleEngine(AnalyzerData data) {
        this.data = data;
        this.assessment = new Assessment(data.rules);
    }

    public String version() {
        return data.version;
    }

    public Analysis analyze(AnalysisRequest request) {
        var text = request.text() == null ? "" : request.text();
        var notes = new ArrayList<String>();
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
            notes.add("Texte très long : seuls les " + MAX_CHARS + " premiers caractères ont été analysés.");
        }
        var now = request.now() != null ? request.now() : Instant.now();
        var tokens = data.tokenizer.tokenize(text);
        var language = Languages.guess(tokens);
        List<Indicator> indicators = List.of();
        List<ThemeScore> themes = List.of();
        double textScore = 0;
        boolean textSignal = false;
        if (language.equals("fr")) {
            var index = new TokenIndex(tokens);
            var context = new Context(tokens, data.context.scan(index));
            indicators = indicators(text, index, context);
            var tone = tone(index, context, indicators);
            textScore = tone.score;
            textSignal = tone.signal;
            themes = themes(text, index, tone.clauseScores, tone.score);
        }
        else {
            notes.add("Langue détectée : « " + language + " ». Seuls les textes en français sont analysés pour "
                    + "les risques juridiques ; la tonalité vient de la note seule.");
        }
        if (tokens.isEmpty()) {
            notes.add("Aucun mot à analyser.");
        }
        var sentiment = sentiment(textScore, textSignal, request.rating(), indicators);
        var qualification = qualify(indicators);
        var impact = assessment.impact(request, indicators, sentiment, now);
        var strategy = assessment.strategy(request, indicators, qualification, sentiment, impact, now);
        return new Analysis(language, sentiment, themes, indicators, qualification, impact, strategy, data.version,
                List.copyOf(notes));
    }

    /**
     * The same analysis with its impact and strategy recomputed for a new context (a wave joined or left, an
     * impact setting): they are the only parts that depend on anything but the text and its rating, so the text is
     * not read again. {@code previous} must come from this engine version and the same text version.
     */
    public Analysis reassess(Analysis previous, AnalysisRequest request) {
        if (!data.version.equals(previous.analyzerVersion())) {
            return analyze(request);
        }
        var now = request.now() != null ? request.now() : Instant.now();
        var impact = assessment.impact(request, previous.indicators(), previous.sentiment(), now);
        var strategy = assessment.strategy(request, previous.indicators(), previous.qualification(), previous.sentiment(),
                impact, now);
        return new Analysis(previous.language(), previous.sentiment(), previous.themes(), previous.indicators(),
                previous.qualification(), impact, strategy, previous.analyzerVersion(), previous.notes());
    }

    private List<Indicator> indicators(String text, TokenIndex index, Context context) {
        var tokens = index.tokens();
        var byType = new EnumMap<IndicatorType, List<Hit>>(IndicatorType.class);
        for (var match : data.risks.scan(index)) {
            var type = IndicatorType.valueOf(match.entry().category());
            var weight = match.entry().weight() * context.factor(match, type);
            byType.computeIfAbsent(type, key -> new ArrayList<>()).add(new Hit(match.from(), match.to(), weight));
        }
        var indicators = new ArrayList<Indicator>();
        byType.forEach((type, hits) -> {
            var kept = strongestPerPlace(hits);
            double miss = 1;
            for (var hit : kept) {
                miss *= 1 - Math.min(hit.weight, 0.95);
            }
            var confidence = round(Math.min(0.99, 1 - miss));
            if (confidence >= SHOWN) {
                var spans = spans(text, tokens, kept);
                var rule = data.rules.get(type);
                indicators.add(new Indicator(type, confidence, spans, rule.reason().replace("{mots}", quote(spans)),
                        rule.legalBasis()));
            }
        });
        indicators.sort(Comparator.comparingDouble(Indicator::confidence).reversed());
        return List.copyOf(indicators);
    }

    /** Overlapping matches of one type count once, with their strongest weight; weak ones (negated) drop out. */
    private static List<Hit> strongestPerPlace(List<Hit> hits) {
        var sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparingDouble((Hit hit) -> hit.weight).reversed());
        var kept = new ArrayList<Hit>();
        for (var hit : sorted) {
            if (hit.weight < 0.2) {
                continue;
            }
            if (kept.stream().noneMatch(other -> hit.from < other.to && other.from < hit.to)) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(hit -> hit.from));
        return kept;
    }

    private static List<Span> spans(String text, List<Token> tokens, List<Hit> hits) {
        var spans = new ArrayList<Span>();
        for (var hit : hits) {
            var start = tokens.get(hit.from).start();
            var end = tokens.get(hit.to - 1).end();
            spans.add(new Span(start, end, text.substring(start, end)));
        }
        return List.copyOf(spans);
    }

    private static String quote(List<Span> spans) {
        var words = new ArrayList<String>();
        for (var span : spans) {
            if (words.size() == 3) {
                words.add("…");
                break;
            }
            words.add("« " + span.text() + " »");
        }
        return String.join(", ", words);
    }

    private record Tone(double score, boolean signal, double[] clauseScores) {
    }

    /**
     * Tone from the sentiment lexicon: negation flips a word ("pas aimable"), intensifiers strengthen it,
     * what follows "mais" counts more. Illicit-risk indicators count as strongly negative.
     */
    private Tone tone(TokenIndex index, Context context, List<Indicator> indicators) {
        var tokens = index.tokens();
        var clauses = context.clauseCount();
        var clauseScores = new double[clauses];
        double sum = 0;
        boolean signal = false;
        for (var match : data.sentiment.scan(index)) {
            var polarity = match.entry().weight();
            if (match.entry().category().equals("NEG") && polarity > 0) {
                polarity = -polarity;
            }
            polarity *= context.sentimentFactor(match);
            if (context.afterBut(match.from())) {
                polarity *= 1.5;
            }
            clauseScores[context.clauseOf(match.from())] += polarity;
            sum += polarity;
            signal = true;
        }
        for (var indicator : indicators) {
            if (indicator.type().illicitRisk()) {
                sum -= 1.2 * indicator.confidence();
                signal = true;
            }
        }
        return new Tone(round(Math.tanh(sum / 2.0)), signal, clauseScores);
    }

    /** A theme takes the tone of its clause, or of the whole text when its clause has no tone word. */
    private List<ThemeScore> themes(String text, TokenIndex index, double[] clauseScores, double overall) {
        var tokens = index.tokens();
        var context = new Context(tokens, List.of());
        var byTheme = new LinkedHashMap<Theme, List<Hit>>();
        var scores = new EnumMap<Theme, Double>(Theme.class);
        for (var match : data.themes.scan(index)) {
            var theme = Theme.valueOf(match.entry().category());
            byTheme.computeIfAbsent(theme, key -> new ArrayList<>()).add(new Hit(match.from(), match.to(), 1));
            var clauseScore = clauseScores[context.clauseOf(match.from())];
            scores.merge(theme, clauseScore != 0 ? clauseScore : overall, Double::sum);
        }
        var themes = new ArrayList<ThemeScore>();
        byTheme.forEach((theme, hits) -> {
            var score = scores.get(theme);
            var polarity = score > 0.2 ? Polarity.POSITIVE : score < -0.2 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
            themes.add(new ThemeScore(theme, polarity, spans(text, tokens, strongestPerPlace(hits))));
        });
        return List.copyOf(themes);
    }

    private static Sentiment sentiment(double textScore, boolean textSignal, Integer rating, List<Indicator> indicators) {
        Integer validRating = rating != null && rating >= 1 && rating <= 5 ? rating : null;
        double combined = textScore;
        if (validRating != null) {
            double ratingScore = (validRating - 3) / 2.0;
            combined = textSignal ? 0.6 * textScore + 0.4 * ratingScore : ratingScore;
        }
        combined = round(combined);
        var label = combined >= 0.2 ? Polarity.POSITIVE : combined <= -0.2 ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        String contradiction = null;
        var insulting = indicators.stream()
            .anyMatch(i -> i.type() == IndicatorType.INJURE || i.type() == IndicatorType.HAINE || i.type() == IndicatorType.MENACE);
        if (validRating != null && validRating >= 4 && (insulting || textScore <= -0.35)) {
            contradiction = validRating + " étoiles, mais un texte " + (insulting ? "insultant ou menaçant" : "négatif")
                    + " : la note et le texte se contredisent.";
        }
        else if (validRating != null && validRating <= 2 && textSignal && textScore >= 0.35) {
            contradiction = validRating + " étoile" + (validRating > 1 ? "s" : "")
                    + ", mais un texte élogieux : la note et le texte se contredisent (erreur de note ?).";
        }
        return new Sentiment(label, textScore, combined, validRating, contradiction != null, contradiction);
    }

    static Qualification qualify(List<Indicator> indicators) {
        var qualification = Qualification.LICITE_PROBABLE;
        for (var indicator : indicators) {
            if (indicator.type() == IndicatorType.DONNEES_SANTE) {
                continue;
            }
            if (indicator.type() != IndicatorType.DENIGREMENT && indicator.confidence() >= PROBABLE) {
                return Qualification.ILLICITE_PROBABLE;
            }
            qualification = Qualification.A_EXAMINER;
        }
        return qualification;
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record Hit(int from, int to, double weight) {
    }

}
