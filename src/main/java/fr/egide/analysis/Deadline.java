package fr.egide.analysis;

import java.time.LocalDate;

/**
 * A time limit that applies if the indicator is confirmed.
 *
 * @param months the length of the period from the first publication
 * @param dueDate the last day to act, from the earliest possible publication date (the safe side), or null
 * when the publication date is unknown
 */
public record Deadline(IndicatorType type, String description, String legalBasis, int months, LocalDate dueDate) {
}
