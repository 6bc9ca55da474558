package fr.egide.analysis;

import java.util.List;

/** How much a mention can hurt the practice, 0–100, with the factors that make the score. */
public record Impact(int score, List<ImpactFactor> factors) {

    /** From this score on, a mention is of high impact: kept as evidence at once, whatever its qualification. */
    public static final int HIGH = 60;

    public boolean high() {
        return score >= HIGH;
    }

}
