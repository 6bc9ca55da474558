package fr.egide.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The legal deadlines of a dossier, read from {@code cases/delais.tsv}: which trigger (an indicator type of the
 * analyser, or an event of the dossier) opens which deadline, for how long, on which legal basis. Plain Java, no I/O
 * after loading.
 *
 * <p>Every computation errs on the safe side: the start is the earliest possible day; the period is added, then
 * one day taken off (the 1881 law's "trois mois révolus à compter du jour" ends the day before the same date three
 * months later); a month end clamps (31 January + 3 months − 1 day = 29 April). Working days skip weekends and
 * French public holidays.
 */
public final class DeadlineRules {

    private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+)JO");

    /** One line of the table. */
    public record Rule(String trigger, DeadlineKind kind, String duration, String basis, String description) {

        /** The last day to act for a start on {@code start}. */
        public LocalDate lastDay(LocalDate start) {
            var working = WORKING_DAYS.matcher(duration);
            if (working.matches()) {
                return plusWorkingDays(start, Integer.parseInt(working.group(1)));
            }
            return start.plus(Period.parse(duration)).minusDays(1);
        }

    }

    private final List<Rule> rules;

    private DeadlineRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    private static final class Holder {

        static final DeadlineRules STANDARD = load("/cases/delais.tsv");

    }

    /** The table shipped with Égide. */
    public static DeadlineRules standard() {
        return Holder.STANDARD;
    }

    static DeadlineRules load(String resource) {
        var stream = DeadlineRules.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Table des délais introuvable : " + resource);
        }
        var rules = new ArrayList<Rule>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var columns = line.split("\t", -1);
                if (columns.length != 5) {
                    throw new IllegalStateException(resource + " ligne " + number + " : 5 colonnes attendues, " + columns.length + " lues");
                }
                var rule = new Rule(columns[0].strip(), DeadlineKind.valueOf(columns[1].strip()), columns[2].strip(), columns[3].strip(),
                        columns[4].strip());
                rule.lastDay(LocalDate.of(2000, 1, 1)); // an unreadable duration fails at load, not on a user's dossier
                rules.add(rule);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new DeadlineRules(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The rules a trigger opens (an indicator type such as "DIFFAMATION", or an event such as "DEMANDE_RGPD_RECUE"). */
    public List<Rule> of(String trigger) {
        return rules.stream().filter(rule -> rule.trigger().equals(trigger)).toList();
    }

    /**
     * The deadlines a trigger opens for a start known as the range [{@code earliest}, {@code latest}] (the same day
     * when it is exact): computed from the earliest day, approximate when the range spans more than one day.
     */
    public List<LegalDeadline> deadlines(String trigger, LocalDate earliest, LocalDate latest) {
        Objects.requireNonNull(earliest, "earliest");
        var approximate = latest != null && !latest.equals(earliest);
        return of(trigger).stream()
            .map(rule -> new LegalDeadline(rule.kind(), rule.lastDay(earliest), rule.basis(), rule.description(), approximate))
            .toList();
    }

    /** {@code days} working days after {@code start}: weekends and French public holidays do not count. */
    public static LocalDate plusWorkingDays(LocalDate start, int days) {
        var date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (workingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    /** Monday to Friday, not a public holiday in metropolitan France (Code du travail, art. L3133-1). */
    public static boolean workingDay(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        if (FIXED_HOLIDAYS.contains(MonthDay.from(date))) {
            return false;
        }
        var easter = easter(date.getYear());
        return !date.equals(easter.plusDays(1)) && !date.equals(easter.plusDays(39)) && !date.equals(easter.plusDays(50));
    }

    /** Easter Sunday (Gregorian computus, anonymous algorithm). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

}
