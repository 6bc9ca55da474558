package fr.egide.monitoring;

import static fr.egide.monitoring.PublicationDate.Basis.MODIFICATION;
import static fr.egide.monitoring.PublicationDate.Basis.PUBLICATION;
import static fr.egide.monitoring.PublicationDate.Basis.VISITE;
import static fr.egide.monitoring.PublicationDate.Precision.DAY;
import static fr.egide.monitoring.PublicationDate.Precision.INSTANT;
import static fr.egide.monitoring.PublicationDate.Precision.MONTH;
import static fr.egide.monitoring.PublicationDate.Precision.WEEK;
import static fr.egide.monitoring.PublicationDate.Precision.YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected instants are written in UTC; comments give the Paris wall clock, where the calendar reasoning
 * happens (UTC+1 in winter, UTC+2 from the last Sunday of March to the last Sunday of October).
 */
class FrenchDatesUnitTests {

    /** Tuesday 31 March 2026, 12:00 in Paris (summer time): a month end, just after the DST change. */
    static final Instant SEEN = at("2026-03-31T10:00:00Z");

    @Test
    void threeMonthsAgoOnTheLastDayOfMarchRunsFromTheThirtiethOfNovemberToTheEndOfDecember() {
        // 31 March − 4 months = 30 November (clamped), − 3 months = 31 December
        assertThat(FrenchDates.parse("il y a 3 mois", SEEN)).isEqualTo(new PublicationDate("il y a 3 mois",
            at("2025-11-29T23:00:00Z"), at("2025-12-31T22:59:59.999999999Z"), MONTH, PUBLICATION));
    }

    @Test
    void oneMonthAgoOnTheLastDayOfMarchEndsOnTheLastDayOfFebruary() {
        // 31 March − 2 months = 31 January, − 1 month = 28 February (clamped, 2026 is not a leap year)
        assertThat(FrenchDates.parse("il y a un mois", SEEN)).isEqualTo(new PublicationDate("il y a un mois",
            at("2026-01-30T23:00:00Z"), at("2026-02-28T22:59:59.999999999Z"), MONTH, PUBLICATION));
    }

    @Test
    void oneYearAgoFromALeapDayFallsBackOnTheTwentyEighthOfFebruary() {
        var leapDay = at("2028-02-29T10:00:00Z");

        // 29 February 2028 − 2 years = 28 February 2026, − 1 year = 28 February 2027
        assertThat(FrenchDates.parse("il y a un an", leapDay)).isEqualTo(new PublicationDate("il y a un an",
            at("2026-02-27T23:00:00Z"), at("2027-02-28T22:59:59.999999999Z"), YEAR, PUBLICATION));
    }

    @Test
    void twoWeeksAgoMeansTwoToLessThanThreeWeeks() {
        // from the start of 10 March (31 − 21 days) to the end of 17 March (31 − 14 days)
        assertThat(FrenchDates.parse("il y a 2 semaines", SEEN)).isEqualTo(new PublicationDate("il y a 2 semaines",
            at("2026-03-09T23:00:00Z"), at("2026-03-17T22:59:59.999999999Z"), WEEK, PUBLICATION));
    }

    @Test
    void daysAgoCoverBothTheCalendarDayAndTheRoundedDown24HourPeriods() {
        // "5 jours" is 26 March for a site counting calendar days, and any time from 25 March 12:00 to
        // 26 March 12:00 for a site counting 24-hour periods: the range holds both readings
        assertThat(FrenchDates.parse("il y a 5 jours", SEEN)).isEqualTo(new PublicationDate("il y a 5 jours",
            at("2026-03-24T23:00:00Z"), at("2026-03-26T22:59:59.999999999Z"), DAY, PUBLICATION));
    }

    @Test
    void hoursAgoAreCountedOnTheClock() {
        assertThat(FrenchDates.parse("il y a 3 heures", SEEN)).isEqualTo(new PublicationDate("il y a 3 heures",
            at("2026-03-31T06:00:00Z"), at("2026-03-31T07:00:00Z"), DAY, PUBLICATION));
        assertThat(FrenchDates.parse("il y a 10 minutes", SEEN)).isEqualTo(new PublicationDate("il y a 10 minutes",
            at("2026-03-31T09:49:00Z"), at("2026-03-31T09:50:00Z"), DAY, PUBLICATION));
    }

    @Test
    void yesterdayIsTheWholePreviousDayAcrossAMonthBoundary() {
        var firstOfMarch = at("2026-03-01T10:00:00Z");

        assertThat(FrenchDates.parse("hier", firstOfMarch)).isEqualTo(new PublicationDate("hier",
            at("2026-02-27T23:00:00Z"), at("2026-02-28T22:59:59.999999999Z"), DAY, PUBLICATION));
    }

    @Test
    void yesterdayIsCountedOnTheParisCalendarEvenWhenUtcIsStillOnThePreviousDay() {
        var justAfterMidnightInParis = at("2026-03-31T22:30:00Z"); // 1 April 00:30 in Paris

        assertThat(FrenchDates.parse("hier", justAfterMidnightInParis)).isEqualTo(new PublicationDate("hier",
            at("2026-03-30T22:00:00Z"), at("2026-03-31T21:59:59.999999999Z"), DAY, PUBLICATION));
        assertThat(FrenchDates.parse("hier", justAfterMidnightInParis, ZoneOffset.UTC).earliest())
            .isEqualTo(at("2026-03-30T00:00:00Z"));
    }

    @Test
    void yesterdaySeenOnTheDaySummerTimeStartsIsAWinterDay() {
        var dstChangeDay = at("2026-03-29T10:00:00Z"); // 12:00 in Paris, clocks went from 2:00 to 3:00

        assertThat(FrenchDates.parse("hier", dstChangeDay)).isEqualTo(new PublicationDate("hier",
            at("2026-03-27T23:00:00Z"), at("2026-03-28T22:59:59.999999999Z"), DAY, PUBLICATION));
    }

    @Test
    void yesterdayLastsTwentyThreeHoursWhenItWasTheDayOfTheDstChange() {
        var dayAfterDstChange = at("2026-03-30T10:00:00Z");

        var yesterday = FrenchDates.parse("hier", dayAfterDstChange);

        assertThat(yesterday).isEqualTo(new PublicationDate("hier",
            at("2026-03-28T23:00:00Z"), at("2026-03-29T21:59:59.999999999Z"), DAY, PUBLICATION));
        assertThat(Duration.between(yesterday.earliest(), yesterday.latest()))
            .isEqualTo(Duration.ofHours(23).minusNanos(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"avant-hier", "Avant hier", "avant\u2011hier"})
    void dayBeforeYesterdayIsTwoCalendarDaysBack(String raw) {
        // 29 March, the 23-hour day
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at("2026-03-28T23:00:00Z"), at("2026-03-29T21:59:59.999999999Z"), DAY, PUBLICATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aujourd'hui", "Aujourd’hui", "à l'instant", "A l’instant", "il y a quelques minutes",
        "il y a quelques secondes"})
    void todayAndJustNowRunFromTheStartOfTheDayToTheMomentSeen(String raw) {
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at("2026-03-30T22:00:00Z"), SEEN, DAY, PUBLICATION));
    }

    @Test
    void justNowShortlyAfterMidnightStillReachesBackAnHour() {
        var tenPastMidnight = at("2026-03-31T22:10:00Z"); // 1 April 00:10 in Paris

        assertThat(FrenchDates.parse("à l'instant", tenPastMidnight)).isEqualTo(new PublicationDate("à l'instant",
            at("2026-03-31T21:10:00Z"), tenPastMidnight, DAY, PUBLICATION));
        assertThat(FrenchDates.parse("aujourd'hui", tenPastMidnight).earliest()).isEqualTo(at("2026-03-31T22:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Visité en mars 2020", "visite en mars 2020", "Visite : mars 2020", "VISITÉ EN MARS 2020",
        "Date de la visite : mars 2020"})
    void aVisitMonthIsAVisitDateSpanningTheMonth(String raw) {
        // summer time started on 29 March 2020, so March ends at 22:00 UTC
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at("2020-02-29T23:00:00Z"), at("2020-03-31T21:59:59.999999999Z"), MONTH, VISITE));
    }

    @Test
    void aVisitYearIsAVisitDateSpanningTheYear() {
        assertThat(FrenchDates.parse("visité en 2020", SEEN)).isEqualTo(new PublicationDate("visité en 2020",
            at("2019-12-31T23:00:00Z"), at("2020-12-31T22:59:59.999999999Z"), YEAR, VISITE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"modifié il y a 5 jours", "Modifié il y a 5 jours", "modifie il y a 5 jours",
        "il y a 5 jours (modifié)", "Mis à jour il y a 5 jours"})
    void anEditedMentionGivesAModificationDate(String raw) {
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at("2026-03-24T23:00:00Z"), at("2026-03-26T22:59:59.999999999Z"), DAY, MODIFICATION));
    }

    @Test
    void anAbsoluteModificationDateIsReadLikeAPublicationDate() {
        assertThat(FrenchDates.parse("Modifié le 12 mars 2024", SEEN)).isEqualTo(new PublicationDate(
            "Modifié le 12 mars 2024", at("2024-03-11T23:00:00Z"), at("2024-03-12T22:59:59.999999999Z"), DAY,
            MODIFICATION));
    }

    @Test
    void anIsoDateIsTheWholeParisDay() {
        assertThat(FrenchDates.parse("2024-03-12", SEEN)).isEqualTo(new PublicationDate("2024-03-12",
            at("2024-03-11T23:00:00Z"), at("2024-03-12T22:59:59.999999999Z"), DAY, PUBLICATION));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-12T10:15:30Z,         2024-03-12T10:15:30Z",
        "2024-03-12T10:15:30.250Z,     2024-03-12T10:15:30.250Z",
        "2024-03-12T10:15:30+01:00,    2024-03-12T09:15:30Z",
        "2024-07-12T10:15:30-0400,     2024-07-12T14:15:30Z",
        "2024-03-12T10:15:30,          2024-03-12T09:15:30Z",
        "2024-07-12T10:15:30,          2024-07-12T08:15:30Z",
        "2024-03-12 10:15,             2024-03-12T09:15:00Z"})
    void anIsoDateTimeIsAnInstantInItsOffsetOrElseInParis(String raw, String expected) {
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at(expected), at(expected), INSTANT, PUBLICATION));
    }

    @Test
    void connectorInstantsAreReadDirectlyAndEverythingElseGoesThroughTheRules() {
        assertThat(FrenchDates.isoInstant("2024-03-12T10:15:30Z")).isEqualTo(at("2024-03-12T10:15:30Z"));
        assertThat(FrenchDates.isoInstant("2024-03-12T10:15:30.123456789Z")).isEqualTo(at("2024-03-12T10:15:30.123456789Z"));
        // Not the exact connector form: left to the rules (which read the first three, and refuse the last two).
        assertThat(FrenchDates.isoInstant("2024-03-12T10:15:30.Z")).isNull();
        assertThat(FrenchDates.isoInstant("2024-03-12t10:15:30z")).isNull();
        assertThat(FrenchDates.isoInstant(" 2024-03-12T10:15:30Z")).isNull();
        assertThat(FrenchDates.isoInstant("2024-03-12T10:15:60Z")).isNull();
        assertThat(FrenchDates.isoInstant("2024-02-30T10:15:30Z")).isNull();
        assertThat(FrenchDates.parse("2024-03-12t10:15:30z", SEEN).earliest()).isEqualTo(at("2024-03-12T10:15:30Z"));
        // A connector instant later than the moment seen is refused as the rules refuse it.
        assertThatThrownBy(() -> FrenchDates.parse("2026-04-30T10:00:00Z", SEEN)).isInstanceOf(UnreadableDateException.class);
    }

    @Test
    void aWallClockTimeThatOccursTwiceAtTheEndOfSummerTimeCoversBothInstants() {
        assertThat(FrenchDates.parse("2025-10-26 02:30", SEEN)).isEqualTo(new PublicationDate("2025-10-26 02:30",
            at("2025-10-26T00:30:00Z"), at("2025-10-26T01:30:00Z"), INSTANT, PUBLICATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12/03/2024", "12-03-2024", "12.03.2024", "12/3/2024", "12/03/24", "le 12/03/2024",
        "Publié le 12/03/2024"})
    void numericDatesAreAlwaysDayFirst(String raw) {
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at("2024-03-11T23:00:00Z"), at("2024-03-12T22:59:59.999999999Z"), DAY, PUBLICATION));
    }

    @Test
    void aSingleDigitDayAndMonthIsNotReadTheAmericanWay() {
        assertThat(FrenchDates.parse("1/3/2024", SEEN)).isEqualTo(new PublicationDate("1/3/2024",
            at("2024-02-29T23:00:00Z"), at("2024-03-01T22:59:59.999999999Z"), DAY, PUBLICATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 mars 2024", "le 12 mars 2024", "mardi 12 mars 2024", "Le mardi 12 mars 2024",
        "Publié le 12 mars 2024", "posté le 12 mars 2024", "12 MARS 2024", "12 mar. 2024", "12\u00a0mars\u00a02024.",
        "  12   mars 2024 !"})
    void textDatesAreTheWholeDay(String raw) {
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at("2024-03-11T23:00:00Z"), at("2024-03-12T22:59:59.999999999Z"), DAY, PUBLICATION));
    }

    @ParameterizedTest
    @CsvSource({
        "janvier, JANUARY", "janv., JANUARY", "février, FEBRUARY", "fevrier, FEBRUARY", "févr., FEBRUARY",
        "mars, MARCH", "avril, APRIL", "avr., APRIL", "mai, MAY", "juin, JUNE", "juillet, JULY", "juil., JULY",
        "août, AUGUST", "aout, AUGUST", "septembre, SEPTEMBER", "sept., SEPTEMBER", "octobre, OCTOBER",
        "oct., OCTOBER", "novembre, NOVEMBER", "nov., NOVEMBER", "décembre, DECEMBER", "decembre, DECEMBER",
        "déc., DECEMBER"})
    void monthNamesAreReadWithOrWithoutAccentsAndAbbreviated(String name, Month month) {
        var raw = "1er " + name + " 2024";

        var date = FrenchDates.parse(raw, SEEN);

        assertThat(date.earliest().atZone(FrenchDates.PARIS).toLocalDate()).hasMonth(month).hasDayOfMonth(1);
        assertThat(date.latest().atZone(FrenchDates.PARIS).toLocalDate()).hasMonth(month).hasDayOfMonth(1);
        assertThat(date.precision()).isEqualTo(DAY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 mars 2024 à 14h30", "12 mars 2024 à 14:30", "12 mars 2024, 14:30",
        "12/03/2024 14:30", "12.03.2024 à 14 h 30", "mardi 12 mars 2024 a 14h30"})
    void aDateWithATimeIsAnInstant(String raw) {
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at("2024-03-12T13:30:00Z"), at("2024-03-12T13:30:00Z"), INSTANT, PUBLICATION));
    }

    @Test
    void aMonthAndYearIsTheWholeMonthAndAYearTheWholeYear() {
        assertThat(FrenchDates.parse("février 2024", SEEN)).isEqualTo(new PublicationDate("février 2024",
            at("2024-01-31T23:00:00Z"), at("2024-02-29T22:59:59.999999999Z"), MONTH, PUBLICATION));
        assertThat(FrenchDates.parse("2020", SEEN)).isEqualTo(new PublicationDate("2020",
            at("2019-12-31T23:00:00Z"), at("2020-12-31T22:59:59.999999999Z"), YEAR, PUBLICATION));
    }

    @Test
    void aPeriodStillRunningWhenSeenEndsWhenSeen() {
        assertThat(FrenchDates.parse("2026", SEEN)).isEqualTo(new PublicationDate("2026",
            at("2025-12-31T23:00:00Z"), SEEN, YEAR, PUBLICATION));
        assertThat(FrenchDates.parse("mars 2026", SEEN)).isEqualTo(new PublicationDate("mars 2026",
            at("2026-02-28T23:00:00Z"), SEEN, MONTH, PUBLICATION));
    }

    @ParameterizedTest
    @CsvSource({
        "il y a un jour, il y a 1 jour", "il y a une semaine, il y a 1 semaine", "il y a deux mois, il y a 2 mois",
        "il y a trois ans, il y a 3 ans", "il y a quatre jours, il y a 4 jours", "il y a cinq jours, il y a 5 jours",
        "il y a six mois, il y a 6 mois", "il y a sept mois, il y a 7 mois", "il y a huit mois, il y a 8 mois",
        "il y a neuf mois, il y a 9 mois", "il y a dix mois, il y a 10 mois", "il y a onze mois, il y a 11 mois",
        "il y a douze mois, il y a 12 mois", "il y a une heure, il y a 1 heure", "il y a 2 années, il y a 2 ans",
        "3 sem., il y a 3 semaines", "2 j, il y a 2 jours", "5 h, il y a 5 heures", "20 min, il y a 20 minutes"})
    void numbersInWordsAndShortUnitsReadLikeTheFullForm(String raw, String fullForm) {
        var expected = FrenchDates.parse(fullForm, SEEN);

        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            expected.earliest(), expected.latest(), expected.precision(), PUBLICATION));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Il y a 3 mois", "IL Y A 3 MOIS", "il\u00a0y\u00a0a\u00a03\u202fmois", "il y a  3   mois !",
        "il y a 3 mois.", "Publié il y a 3 mois", "posté il y a environ 3 mois", "environ 3 mois", "il y a 3mois",
        "· il y a 3 mois"})
    void spellingVariationsReadTheSameAndKeepTheRawText(String raw) {
        assertThat(FrenchDates.parse(raw, SEEN)).isEqualTo(new PublicationDate(raw,
            at("2025-11-29T23:00:00Z"), at("2025-12-31T22:59:59.999999999Z"), MONTH, PUBLICATION));
    }

    @Test
    void aFewDaysMeansTwoToSixDaysAtWeekPrecision() {
        // from the start of 24 March (31 − 7) to the end of 29 March (31 − 2)
        assertThat(FrenchDates.parse("il y a quelques jours", SEEN)).isEqualTo(new PublicationDate(
            "il y a quelques jours", at("2026-03-23T23:00:00Z"), at("2026-03-29T21:59:59.999999999Z"), WEEK,
            PUBLICATION));
    }

    @Test
    void moreThanAYearReachesBackTenYears() {
        assertThat(FrenchDates.parse("il y a plus d'un an", SEEN)).isEqualTo(new PublicationDate(
            "il y a plus d'un an", at("2016-03-30T22:00:00Z"), at("2025-03-31T21:59:59.999999999Z"), YEAR,
            PUBLICATION));
        assertThat(FrenchDates.parse("plus de 12 ans", SEEN).earliest()).isEqualTo(at("2013-03-30T23:00:00Z"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00a0", "\t\n"})
    void noTextMeansNoDate(String raw) {
        assertThat(FrenchDates.parse(raw, SEEN)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"le mois dernier peut-être", "bientôt", "12 mars", "il y a", "modifié", "03/2024",
        "March 12, 2024", "il y a 3 lunes", "-"})
    void unreadableTextIsRefusedWithAMessageQuotingItAndListingTheAcceptedForms(String raw) {
        assertThatThrownBy(() -> FrenchDates.parse(raw, SEEN))
            .isInstanceOf(UnreadableDateException.class)
            .hasMessage("Date illisible : « " + raw + " ». Formats acceptés : 2024-03-12, 12/03/2024, 12 mars 2024, "
                + "« il y a 3 mois », « hier », « Visité en mars 2020 »…")
            .extracting(e -> ((UnreadableDateException) e).raw()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"31/02/2024", "2023-02-29", "32 mars 2024", "12/13/2024", "12 mars 2024 à 25h"})
    void impossibleCalendarDatesAreRefused(String raw) {
        assertThatThrownBy(() -> FrenchDates.parse(raw, SEEN))
            .isInstanceOf(UnreadableDateException.class)
            .hasMessage("Date inexistante : « " + raw + " ».");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027-01-01", "12/04/2026", "mai 2026", "2026-04-02T10:00:01Z", "Visité en 2027"})
    void datesMoreThanADayAfterTheyWereSeenAreRefused(String raw) {
        assertThatThrownBy(() -> FrenchDates.parse(raw, SEEN))
            .isInstanceOf(UnreadableDateException.class)
            .hasMessage("Date dans le futur : « " + raw + " » (vue le 31/03/2026 à 12:00).");
    }

    @Test
    void aDateUpToADayAheadIsTakenAsAClockOrZoneGap() {
        assertThat(FrenchDates.parse("2026-04-01", SEEN)).isEqualTo(new PublicationDate("2026-04-01",
            at("2026-03-31T22:00:00Z"), at("2026-04-01T21:59:59.999999999Z"), DAY, PUBLICATION));
        assertThat(FrenchDates.parse("2026-04-01T10:00:00Z", SEEN).earliest()).isEqualTo(at("2026-04-01T10:00:00Z"));
    }

    static final List<String> RELATIVE_FORMS = List.of("aujourd'hui", "à l'instant", "il y a quelques secondes",
        "il y a quelques minutes", "hier", "avant-hier", "il y a 0 jour", "il y a 30 secondes", "il y a 1 minute",
        "il y a 1 heure", "il y a 23 heures", "il y a un jour", "il y a 6 jours", "il y a quelques jours",
        "il y a une semaine", "il y a 4 semaines", "il y a un mois", "il y a 11 mois", "il y a un an",
        "il y a 2 ans", "il y a plus d'un an", "modifié il y a 5 jours", "il y a 3 mois (modifié)", "2 j", "5 h");

    static final List<Instant> SEEN_INSTANTS = List.of(SEEN, at("2028-02-29T10:00:00Z"),
        at("2026-03-29T00:30:00Z"), at("2026-03-29T01:30:00Z"), at("2026-10-25T00:30:00Z"),
        at("2026-12-31T23:00:00Z"), at("2026-03-31T22:00:00Z"), at("2026-01-01T00:00:00Z"));

    static Stream<Arguments> relativeFormsSeenAtAwkwardMoments() {
        return RELATIVE_FORMS.stream().flatMap(raw -> SEEN_INSTANTS.stream().map(seen -> Arguments.of(raw, seen)));
    }

    @ParameterizedTest(name = "{0} seen at {1}")
    @MethodSource("relativeFormsSeenAtAwkwardMoments")
    void aRelativeDateNeverEndsAfterItWasSeen(String raw, Instant seen) {
        var date = FrenchDates.parse(raw, seen);

        assertThat(date.latest()).isBeforeOrEqualTo(seen);
        assertThat(date.earliest()).isBeforeOrEqualTo(date.latest());
        assertThat(date.raw()).isEqualTo(raw);
    }

    @Test
    void aPublicationDateRefusesAnInvertedRangeOrAMissingRawText() {
        assertThatThrownBy(() -> new PublicationDate("x", SEEN, SEEN.minusNanos(1), DAY, PUBLICATION))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("« x »");
        assertThatThrownBy(() -> new PublicationDate(null, SEEN, SEEN, DAY, PUBLICATION))
            .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PublicationDate("x", SEEN, SEEN, INSTANT, PUBLICATION).latest()).isEqualTo(SEEN);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
