package fr.egide.reporting.internal;

import fr.egide.monitoring.FrenchDates;
import fr.egide.practice.PracticeManagement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Gathers a cabinet's month from the modules that own the figures. Runs for a user who may see the cabinet (the one
 * who asked, or a titulaire for the monthly job): the cabinet and its checklist go through their access checks.
 */
@Component
class MonthlyReportBuilder {

    private final PracticeManagement practice;

    private final ReadinessChecks readiness;

    private final fr.egide.monitoring.MonthlyFigures watch;

    private final fr.egide.analysis.MonthlyFigures analysis;

    private final fr.egide.evidence.MonthlyFigures evidence;

    private final fr.egide.cases.MonthlyFigures cases;

    private final fr.egide.replies.MonthlyFigures replies;

    MonthlyReportBuilder(PracticeManagement practice, ReadinessChecks readiness, fr.egide.monitoring.MonthlyFigures watch,
            fr.egide.analysis.MonthlyFigures analysis, fr.egide.evidence.MonthlyFigures evidence, fr.egide.cases.MonthlyFigures cases,
            fr.egide.replies.MonthlyFigures replies) {
        this.practice = practice;
        this.readiness = readiness;
        this.watch = watch;
        this.analysis = analysis;
        this.evidence = evidence;
        this.cases = cases;
        this.replies = replies;
    }

    MonthlyReportContent build(UUID cabinetId, YearMonth month) {
        var cabinet = practice.cabinet(cabinetId);
        var today = LocalDate.now(FrenchDates.PARIS);
        var complete = month.isBefore(YearMonth.from(today));
        var watchMonth = watch.month(cabinetId, month);
        var analysisMonth = analysis.of(cabinetId, watchMonth.createdIds());
        var lines = watch.lines(cabinetId, analysisMonth.flagged().stream().map(f -> f.mentionId()).toList()).stream()
            .collect(Collectors.toMap(fr.egide.monitoring.MonthlyFigures.MentionLine::id, Function.identity()));
        var flagged = analysisMonth.flagged().stream().filter(f -> lines.containsKey(f.mentionId())).map(f -> {
            var line = lines.get(f.mentionId());
            return new MonthlyReportContent.FlaggedLine(line.source(), line.firstSeen(), line.rating(), f.qualification(), f.indicators());
        }).toList();
        return new MonthlyReportContent(cabinetId, cabinet.name(), month, complete, Instant.now(), watchMonth, analysisMonth, flagged,
                evidence.of(cabinetId, month), cases.of(cabinetId, month, today), replies.of(cabinetId, month), watch.search(cabinetId, month),
                readiness.of(cabinetId));
    }

}
