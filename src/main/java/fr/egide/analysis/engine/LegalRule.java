package fr.egide.analysis.engine;

import fr.egide.analysis.IndicatorType;

/**
 * What the law says about one indicator type, as written in {@code analysis/regles-juridiques.tsv}.
 *
 * @param reason French sentence with {@code {mots}} where the triggering words go
 * @param deadlineMonths prescription from the first publication, 0 when none applies
 * @param severity points the type adds to the impact score (0–25)
 */
public record LegalRule(IndicatorType type, String legalBasis, String reason, int deadlineMonths,
        String deadlineDescription, String deadlineBasis, int severity) {
}
