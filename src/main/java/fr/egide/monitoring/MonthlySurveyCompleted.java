package fr.egide.monitoring;

import java.time.YearMonth;
import java.util.UUID;

/** A cabinet's monthly "état des lieux" was computed and kept: the monthly report and alerts can follow. */
public record MonthlySurveyCompleted(UUID cabinetId, YearMonth month, long created, long edited, long removed, long sourcesInError) {
}
