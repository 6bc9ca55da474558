package fr.egide.cases;

import fr.egide.analysis.IndicatorType;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The deadline table: every row loads, each indicator opens what the law says, month ends, leap years, working days. */
class DeadlineRulesUnitTests {

    final DeadlineRules rules = DeadlineRules.standard();

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    LegalDeadline only(String trigger, DeadlineKind kind, String start) {
        return rules.deadlines(trigger, day(start), day(start)).stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} publié le {1} : {2} jusqu''au {3}")
    @CsvSource({
            // 3 months "révolus": the day before the same date three months later
            "DIFFAMATION, 2026-03-10, PRESCRIPTION_PENALE, 2026-06-09",
            "INJURE, 2026-03-10, PRESCRIPTION_PENALE, 2026-06-09",
            // month ends clamp, then one day less: the safe side
            "DIFFAMATION, 2026-01-31, PRESCRIPTION_PENALE, 2026-04-29",
            "INJURE, 2026-11-30, PRESCRIPTION_PENALE, 2027-02-27",
            "INJURE, 2026-12-31, PRESCRIPTION_PENALE, 2027-03-30",
            // leap years
            "DIFFAMATION, 2027-11-29, PRESCRIPTION_PENALE, 2028-02-28",
            "DIFFAMATION, 2027-11-30, PRESCRIPTION_PENALE, 2028-02-28",
            "HAINE, 2024-02-29, PRESCRIPTION_PENALE, 2025-02-27",
            "HAINE, 2027-03-01, PRESCRIPTION_PENALE, 2028-02-29",
            // the other periods
            "HAINE, 2026-03-10, DROIT_DE_REPONSE, 2026-06-09",
            "DENIGREMENT, 2026-03-10, ACTION_CIVILE, 2031-03-09",
            "VIE_PRIVEE, 2026-03-10, ACTION_CIVILE, 2031-03-09",
            "VIE_PRIVEE, 2026-03-10, PRESCRIPTION_PENALE, 2032-03-09",
            "MENACE, 2026-03-10, PRESCRIPTION_PENALE, 2032-03-09",
            "DEMANDE_RGPD_RECUE, 2026-01-31, REPONSE_RGPD, 2026-02-27",
            "DEMANDE_RGPD_PROLONGEE, 2026-01-31, REPONSE_RGPD, 2026-04-29",
            "DECISION_PLATEFORME, 2026-03-10, RECLAMATION_INTERNE, 2026-09-09",
            "SAISINE_ORGANISME, 2026-03-10, DECISION_ORGANISME, 2026-06-07" })
    void theLastDayToActIsOnTheSafeSide(String trigger, String start, DeadlineKind kind, String expected) {
        var deadline = only(trigger, kind, start);
        assertThat(deadline.date()).isEqualTo(day(expected));
        assertThat(deadline.basis()).isNotBlank();
        assertThat(deadline.approximate()).isFalse();
    }

    @Test
    void eachIndicatorOpensTheDeadlinesOfItsRoute() {
        assertThat(kinds("INJURE")).containsExactlyInAnyOrder(DeadlineKind.PRESCRIPTION_PENALE, DeadlineKind.DROIT_DE_REPONSE);
        assertThat(kinds("DIFFAMATION")).containsExactlyInAnyOrder(DeadlineKind.PRESCRIPTION_PENALE, DeadlineKind.DROIT_DE_REPONSE);
        assertThat(kinds("HAINE")).containsExactlyInAnyOrder(DeadlineKind.PRESCRIPTION_PENALE, DeadlineKind.DROIT_DE_REPONSE);
        assertThat(kinds("DENIGREMENT")).containsExactlyInAnyOrder(DeadlineKind.ACTION_CIVILE, DeadlineKind.DROIT_DE_REPONSE);
        assertThat(kinds("MENACE")).containsExactly(DeadlineKind.PRESCRIPTION_PENALE);
        assertThat(kinds("DONNEES_SANTE")).isEmpty();
        assertThat(only("DIFFAMATION", DeadlineKind.PRESCRIPTION_PENALE, "2026-03-10").basis()).contains("art. 65");
        assertThat(only("HAINE", DeadlineKind.PRESCRIPTION_PENALE, "2026-03-10").basis()).contains("art. 65-3");
        assertThat(only("DENIGREMENT", DeadlineKind.ACTION_CIVILE, "2026-03-10").basis()).contains("art. 1240 et 2224");
        for (var type : IndicatorType.values()) {
            assertThat(rules.of(type.name())).as("%s is in the table or deliberately absent", type)
                .satisfiesAnyOf(list -> assertThat(list).isNotEmpty(), list -> assertThat(type).isEqualTo(IndicatorType.DONNEES_SANTE));
        }
    }

    List<DeadlineKind> kinds(String trigger) {
        return rules.deadlines(trigger, day("2026-03-10"), day("2026-03-10")).stream().map(LegalDeadline::kind).toList();
    }

    @Test
    void aRangeIsComputedFromItsEarliestDayAndSaidApproximate() {
        var deadlines = rules.deadlines("DIFFAMATION", day("2026-02-15"), day("2026-03-15"));
        assertThat(deadlines).allSatisfy(deadline -> {
            assertThat(deadline.date()).isEqualTo(day("2026-05-14"));
            assertThat(deadline.approximate()).isTrue();
        });
    }

    @Test
    void anEditedTextStartsItsOwnClockAndTheOriginalKeepsItsOwn() {
        var original = only("DIFFAMATION", DeadlineKind.PRESCRIPTION_PENALE, "2026-01-05");
        var edited = only("DIFFAMATION", DeadlineKind.PRESCRIPTION_PENALE, "2026-02-20");
        assertThat(original.date()).isEqualTo(day("2026-04-04"));
        assertThat(edited.date()).isEqualTo(day("2026-05-19"));
    }

    @ParameterizedTest(name = "{0} + {1} jours ouvrés = {2}")
    @CsvSource({
            "2026-12-03, 5, 2026-12-10", // Thursday: Fri, Mon, Tue, Wed, Thu
            "2026-12-24, 5, 2027-01-04", // Christmas and New Year's Day do not count
            "2027-03-26, 5, 2027-04-05", // Easter Monday 2027-03-29 does not count
            "2026-05-13, 1, 2026-05-15", // Ascension 2026-05-14
            "2026-05-22, 1, 2026-05-26" }) // Whit Monday 2026-05-25
    void workingDaysSkipWeekendsAndPublicHolidays(String start, int days, String expected) {
        assertThat(DeadlineRules.plusWorkingDays(day(start), days)).isEqualTo(day(expected));
    }

    @Test
    void theInsurerIsToldWithinFiveWorkingDaysByDefault() {
        assertThat(only("SINISTRE_CONNU", DeadlineKind.DECLARATION_ASSUREUR, "2026-12-03").date()).isEqualTo(day("2026-12-10"));
    }

    @Test
    void easterIsComputedForTheYearsWeKnow() {
        assertThat(DeadlineRules.easter(2024)).isEqualTo(day("2024-03-31"));
        assertThat(DeadlineRules.easter(2026)).isEqualTo(day("2026-04-05"));
        assertThat(DeadlineRules.easter(2027)).isEqualTo(day("2027-03-28"));
        assertThat(DeadlineRules.easter(2038)).isEqualTo(day("2038-04-25"));
    }

}
