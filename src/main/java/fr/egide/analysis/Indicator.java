package fr.egide.analysis;

import java.util.List;

/**
 * A legal-risk signal with its evidence.
 *
 * @param confidence 0–1: how strongly the words point to this type (not a probability of conviction)
 * @param spans the words that triggered it
 * @param reason one French sentence a practitioner understands
 * @param legalBasis the text the indicator refers to, e.g. "Loi du 29 juillet 1881, art. 29 al. 2 et 33"
 */
public record Indicator(IndicatorType type, double confidence, List<Span> spans, String reason, String legalBasis) {
}
