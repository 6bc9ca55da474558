package fr.egide.cases;

import java.time.LocalDate;

/**
 * A computed time limit.
 *
 * @param date the last day to act, in Paris time, computed on the safe side
 * @param approximate true when the start is only known as a range (it is then computed from its earliest end)
 */
public record LegalDeadline(DeadlineKind kind, LocalDate date, String basis, String description, boolean approximate) {
}
