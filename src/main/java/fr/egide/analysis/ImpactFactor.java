package fr.egide.analysis;

/**
 * One of the four criteria practitioners are taught to weigh a mention with.
 *
 * @param criterion POSITION (in search results for the practitioner's name), AUDIENCE (of the site), AUTEUR
 * (nature of the author), RISQUE (severity, recency, repetition)
 * @param value what was known or assumed, e.g. "GENERALISTE", "INCONNUE"
 * @param points the part of the 0–100 score it gives
 */
public record ImpactFactor(String criterion, String value, int points, String explanation) {
}
