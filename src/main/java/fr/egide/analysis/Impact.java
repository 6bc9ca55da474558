package fr.egide.analysis;

import java.util.List;

/** How much a mention can hurt the practice, 0–100, with the factors that make the score. */
public record Impact(int score, List<ImpactFactor> factors) {
}
