package fr.egide.reporting.internal;

import fr.egide.analysis.Qualification;
import fr.egide.reporting.Readiness;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Everything a monthly report says, gathered from the modules before it is rendered. It names mentions by source,
 * date and rating, never by their text: the report travels by e-mail.
 *
 * @param complete false for the month under way (figures up to {@code generatedAt})
 */
record MonthlyReportContent(UUID cabinetId, String cabinetName, YearMonth month, boolean complete, Instant generatedAt,
        fr.egide.monitoring.MonthlyFigures.Month watch, fr.egide.analysis.MonthlyFigures.Month analysis, List<FlaggedLine> flagged,
        fr.egide.evidence.MonthlyFigures.Month pages, fr.egide.cases.MonthlyFigures.Month dossiers,
        fr.egide.replies.MonthlyFigures.Month replies, fr.egide.monitoring.MonthlyFigures.SearchChanges search, Readiness readiness) {

    /** A mention the analysis flagged. */
    record FlaggedLine(String source, Instant firstSeen, Integer rating, Qualification qualification, List<String> indicators) {
    }

}
