package fr.egide.analysis.engine;

import fr.egide.text.Lexicon;
import fr.egide.text.Token;
import fr.egide.analysis.IndicatorType;
import java.util.ArrayList;
import java.util.List;

/**
 * What surrounds a match and changes its meaning: a negation just before it in the same clause ("n'est pas
 * un charlatan"), reported speech ("il m'a traité de…", words in quotes), a nuance ("à mon avis"), an
 * intensifier ("très"), and the clause structure (what follows "mais" weighs more).
 */
final class Context {

    static final int WINDOW = 4;

    private final List<Token> tokens;

    private final int[] clause;

    private final boolean[] butClause;

    private final List<Lexicon.Match> negations = new ArrayList<>();

    private final List<Lexicon.Match> reports = new ArrayList<>();

    private final List<Lexicon.Match> nuances = new ArrayList<>();

    private final List<Lexicon.Match> intensifiers = new ArrayList<>();

    private final List<Lexicon.Match> negationStarts = new ArrayList<>();

    private final List<Lexicon.Match> negationEnds = new ArrayList<>();

    Context(List<Token> tokens, List<Lexicon.Match> contextMatches) {
        this.tokens = tokens;
        this.clause = new int[tokens.size()];
        var but = new ArrayList<Boolean>();
        int current = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (i == 0 || tokens.get(i).breakBefore()) {
                current++;
                but.add(tokens.get(i).norm().equals("mais"));
            }
            clause[i] = current;
        }
        this.butClause = new boolean[Math.max(1, but.size())];
        for (int i = 0; i < but.size(); i++) {
            butClause[i] = but.get(i);
        }
        for (var match : contextMatches) {
            switch (match.entry().category()) {
                case "NEGATION" -> negations.add(match);
                case "RAPPORT" -> reports.add(match);
                case "NUANCE" -> nuances.add(match);
                case "INTENSIF" -> intensifiers.add(match);
                case "NEGATION_NE" -> negationStarts.add(match);
                case "NEGATION_FIN" -> negationEnds.add(match);
                default -> {
                }
            }
        }
    }

    int clauseCount() {
        return butClause.length;
    }

    int clauseOf(int token) {
        return tokens.isEmpty() ? 0 : clause[token];
    }

    boolean afterBut(int token) {
        return butClause[clauseOf(token)];
    }

    /** How much the context keeps of a legal-risk match (1 = all of it). */
    double factor(Lexicon.Match match, IndicatorType type) {
        double factor = 1;
        var entry = match.entry();
        var negation = before(negations, match.from(), WINDOW);
        if (negation != null && !entry.has("keep-negated")) {
            factor *= negation.entry().weight();
        }
        else if (!entry.has("keep-negated") && (framedByNe(match) || negatedInside(match))) {
            factor *= 0.15;
        }
        if (type == IndicatorType.INJURE || type == IndicatorType.HAINE) {
            var report = before(reports, match.from(), WINDOW);
            if (report != null && !entry.has("quoted-ok")) {
                factor *= report.entry().weight();
            }
            else if (tokens.get(match.from()).quoted() && !entry.has("quoted-ok")) {
                factor *= 0.4;
            }
        }
        if (type == IndicatorType.DIFFAMATION) {
            var nuance = before(nuances, match.from(), 8);
            if (nuance != null) {
                factor *= nuance.entry().weight();
            }
        }
        return factor;
    }

    /** Sign and strength of a sentiment word in its context: negation flips it, an intensifier boosts it. */
    double sentimentFactor(Lexicon.Match match) {
        double factor = 1;
        if (before(negations, match.from(), 3) != null && !match.entry().has("keep-negated")) {
            factor = -0.8;
        }
        var intensifier = before(intensifiers, match.from(), 1);
        if (intensifier != null) {
            factor *= intensifier.entry().weight();
        }
        return factor;
    }

    /** A negation inside the matched words: "les femmes ne sont pas une menace", "tout sauf stupides". */
    private boolean negatedInside(Lexicon.Match match) {
        for (var negation : negations) {
            if (negation.from() > match.from() && negation.from() < match.to()) {
                return true;
            }
        }
        return false;
    }

    /** "ne" just before the match and "pas", "jamais"… inside it or just after: "je ne déteste pas les…". */
    private boolean framedByNe(Lexicon.Match match) {
        if (before(negationStarts, match.from(), 2) == null) {
            return false;
        }
        for (var end : negationEnds) {
            if (end.from() >= match.from() && end.from() <= match.to() + 1 && clauseOf(end.from()) == clauseOf(match.from())) {
                return true;
            }
        }
        return false;
    }

    /** A context match ending at most {@code window} tokens before {@code from}, in the same clause. */
    private Lexicon.Match before(List<Lexicon.Match> candidates, int from, int window) {
        Lexicon.Match found = null;
        for (var candidate : candidates) {
            if (candidate.to() <= from && from - candidate.to() < window && clauseOf(candidate.from()) == clauseOf(from)) {
                if (found == null || candidate.to() > found.to()) {
                    found = candidate;
                }
            }
        }
        return found;
    }

}
