package fr.egide.monitoring;

import fr.egide.monitoring.PublicationDate.Basis;
import fr.egide.monitoring.PublicationDate.Precision;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the dates French review sites show ("il y a 3 mois", "12 mars 2024", "Visité en mars 2020") into a
 * {@link PublicationDate}: the raw text plus the range of instants it can mean, relative to when it was seen.
 * <p>
 * Deadlines are computed from the earliest end, so every convention below errs on the wide side:
 * <ul>
 * <li>Calendar reasoning happens in the given zone (Paris by default): a day runs from its start to the start
 * of the next day minus 1 ns, so DST days last 23 or 25 hours. A local time that occurs twice (or never) in
 * the zone gives a range covering both offsets.</li>
 * <li>Sites round elapsed time down: "il y a N jours|semaines|mois|ans" means at least N and less than N+1
 * units. The range is [start of the day of seen − (N+1) units, end of the day of seen − N units], in whole days
 * because sites count in their own zone and some count calendar days, others 24-hour periods.
 * "il y a N secondes|minutes|heures" gives [seen − (N+1) units, seen − N units], precision DAY.</li>
 * <li>Month arithmetic is {@link ZonedDateTime}'s: 31 March − 1 month = 28 (or 29) February.</li>
 * <li>"quelques" means 2 to 6, one precision coarser ("quelques jours" is WEEK). "plus de N" / "plus d'un" is
 * open-ended, bounded at {@value #OPEN_ENDED_YEARS} years back (or N+1 units if that is further), precision
 * YEAR.</li>
 * <li>"aujourd'hui" runs from the start of the day; "à l'instant", "il y a quelques secondes|minutes" from the
 * start of the day or one hour before seen if that is earlier (just after midnight).</li>
 * <li>Nothing is published after it is seen: latest never exceeds seenAt. An absolute date starting more than
 * a day after seenAt is refused rather than trusted; within that day it is taken as a clock or zone gap.</li>
 * <li>Numeric dates are always day first; two-digit years are in the 2000s.</li>
 * </ul>
 */
public final class FrenchDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Sites' clocks and zones differ from ours; further ahead than this, the text is wrong, not early. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofDays(1);

    /** Where an open-ended "plus d'un an" stops: review sites are not much older than that. */
    private static final int OPEN_ENDED_YEARS = 10;

    private static final int FEW_MIN = 2;
    private static final int FEW_MAX = 6;

    private static final String ACCEPTED_FORMS =
        "2024-03-12, 12/03/2024, 12 mars 2024, « il y a 3 mois », « hier », « Visité en mars 2020 »…";

    private static final DateTimeFormatter SEEN_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    private static final Map<String, Integer> MONTHS = numbered(
        "janvier janv jan", "fevrier fevr fev", "mars mar", "avril avr", "mai", "juin", "juillet juil", "aout",
        "septembre sept sep", "octobre oct", "novembre nov", "decembre dec");

    private static final Map<String, Integer> NUMBERS = numbered(
        "un une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze");

    private static final String FEW = "quelques";

    /** Elapsed-time units as sites write them, with the precision they give alone and after "quelques". */
    private enum Unit {
        SECOND("secondes?|sec", ChronoUnit.SECONDS, Precision.DAY, Precision.DAY),
        MINUTE("minutes?|min|mn", ChronoUnit.MINUTES, Precision.DAY, Precision.DAY),
        HOUR("heures?|h", ChronoUnit.HOURS, Precision.DAY, Precision.DAY),
        DAY("jours?|j", ChronoUnit.DAYS, Precision.DAY, Precision.WEEK),
        WEEK("semaines?|sem", ChronoUnit.WEEKS, Precision.WEEK, Precision.MONTH),
        MONTH("mois", ChronoUnit.MONTHS, Precision.MONTH, Precision.YEAR),
        YEAR("ans?|annees?", ChronoUnit.YEARS, Precision.YEAR, Precision.YEAR);

        final String words;
        final ChronoUnit chrono;
        final Precision precision;
        final Precision vaguePrecision;

        Unit(String words, ChronoUnit chrono, Precision precision, Precision vaguePrecision) {
            this.words = words;
            this.chrono = chrono;
            this.precision = precision;
            this.vaguePrecision = vaguePrecision;
        }

        static Unit of(String word) {
            return Arrays.stream(values()).filter(u -> word.matches(u.words)).findFirst().orElseThrow();
        }

        static String anyWord() {
            return Arrays.stream(values()).map(u -> u.words).collect(Collectors.joining("|"));
        }
    }

    private static final String MONTH = "(" + alternation(MONTHS.keySet()) + ")\\.?";
    private static final String TIME = "(?:(?:,? (?:a )?|,)(\\d{1,2}) ?[h:] ?(\\d{2})?(?::(\\d{2}))?)?";
    private static final String IL_Y_A = "(?:il ?y ?a )?";

    /** Words that say what the date refers to; they come first ("Modifié le…") or last ("… (modifié)"). */
    private static final Map<Basis, Pattern> BASIS_MARKERS = Map.of(
        Basis.MODIFICATION, Pattern.compile("^(?:modifiee?|mise? a jour)\\b|\\(?\\b(?:modifiee?|mise? a jour)$"),
        Basis.VISITE, Pattern.compile("^(?:date (?:de (?:la )?)?visite|visitee?)\\b"));

    /** Words that carry no date: "Publié le mardi 12 mars 2024" reads as "12 mars 2024". */
    private static final Pattern FILLER = Pattern.compile(
        "^(?:(?:publiee?|postee?|le|en|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\\b[ :,-]*)+");

    /** Non-breaking spaces count as blank too: String.isBlank does not think so. */
    private static final Pattern BLANK = Pattern.compile("[\\h\\v]*");
    private static final Pattern SPACES = Pattern.compile("[\\h\\v]+");

    // Compiled once: every imported line's date goes through normalize().
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u02bc`\u00b4]");

    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212]");

    private static final Pattern APPROXIMATELY = Pattern.compile("\\benviron\\b");

    private static final String PUNCTUATION = "[ .,;:!?…·•*()\\[\\]-]+";
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^" + PUNCTUATION + "|" + PUNCTUATION + "$");

    /** Tried in order on the normalized text; the first that matches it whole wins. */
    private static final List<Rule> RULES = List.of(
        // 2024-03-12T10:15:30Z, 2024-03-12T10:15:30+01:00, 2024-03-12 10:15
        new Rule("(\\d{4})-(\\d{1,2})-(\\d{1,2})[t ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
            + " ?(z|[+-]\\d{2}(?::?\\d{2})?)?", FrenchDates::isoDateTime),
        // 2024-03-12
        new Rule("(\\d{4})-(\\d{1,2})-(\\d{1,2})",
            (m, seen) -> day(LocalDate.of(number(m, 1), number(m, 2), number(m, 3)), seen.getZone())),
        // 12/03/2024, 1.3.24, 12-03-2024 à 14h30
        new Rule("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})" + TIME,
            (m, seen) -> dayOrInstant(LocalDate.of(fullYear(number(m, 4)), number(m, 3), number(m, 1)), m, 5, seen)),
        // 12 mars 2024, 1er août 2023, 12 févr. 2024 à 14:30
        new Rule("(\\d{1,2})(?:er)? ?" + MONTH + " (\\d{4})" + TIME,
            (m, seen) -> dayOrInstant(LocalDate.of(number(m, 3), month(m, 2), number(m, 1)), m, 4, seen)),
        // mars 2020
        new Rule(MONTH + " (\\d{4})", (m, seen) -> {
            var yearMonth = YearMonth.of(number(m, 2), month(m, 1));
            return period(yearMonth.atDay(1), yearMonth.plusMonths(1).atDay(1), Precision.MONTH, seen.getZone());
        }),
        // 2020
        new Rule("(\\d{4})", (m, seen) -> {
            var first = LocalDate.of(number(m, 1), 1, 1);
            return period(first, first.plusYears(1), Precision.YEAR, seen.getZone());
        }),
        // aujourd'hui
        new Rule("aujourd' ?hui",
            (m, seen) -> new Span(startOfDay(seen.toLocalDate(), seen.getZone()), seen.toInstant(), Precision.DAY)),
        // à l'instant, il y a quelques minutes
        new Rule("a l' ?instant|maintenant|" + IL_Y_A + FEW + " (?:secondes?|minutes?)", (m, seen) -> new Span(
            earlier(startOfDay(seen.toLocalDate(), seen.getZone()), seen.minusHours(1).toInstant()),
            seen.toInstant(), Precision.DAY)),
        // hier, avant-hier
        new Rule("hier", (m, seen) -> day(seen.toLocalDate().minusDays(1), seen.getZone())),
        new Rule("avant-? ?hier", (m, seen) -> day(seen.toLocalDate().minusDays(2), seen.getZone())),
        // il y a 3 mois, il y a une semaine, il y a quelques jours, il y a plus d'un an, 2 j
        new Rule(IL_Y_A + "(plus d(?:e |' ?| ))?(\\d{1,4}|" + alternation(NUMBERS.keySet()) + "|" + FEW + ") ?("
            + Unit.anyWord() + ")", FrenchDates::ago));

    private FrenchDates() {
    }

    /** Reads {@code raw} as seen at {@code seenAt} on a French site, in Paris time. */
    public static PublicationDate parse(String raw, Instant seenAt) {
        return parse(raw, seenAt, PARIS);
    }

    /**
     * Returns null for null/blank input: a mention without a date is not an error. Throws
     * {@link UnreadableDateException} (French message quoting the input and listing accepted forms) when
     * unreadable, rather than guessing a date a deadline would then rely on.
     */
    public static PublicationDate parse(String raw, Instant seenAt, ZoneId zone) {
        if (raw == null || BLANK.matcher(raw).matches()) {
            return null;
        }
        var seen = seenAt.atZone(zone);
        var instant = isoInstant(raw);
        if (instant != null) {
            return withinSeen(raw, new Span(instant, instant, Precision.INSTANT), Basis.PUBLICATION, seen);
        }
        var text = normalize(raw);
        var basis = Basis.PUBLICATION;
        for (var marker : BASIS_MARKERS.entrySet()) {
            var matcher = marker.getValue().matcher(text);
            if (matcher.find()) {
                basis = marker.getKey();
                text = tidy(matcher.replaceFirst(""));
                break;
            }
        }
        text = tidy(FILLER.matcher(text).replaceFirst(""));
        for (var rule : RULES) {
            var matcher = rule.pattern().matcher(text);
            if (matcher.matches()) {
                return withinSeen(raw, rule.read(matcher, seen, raw), basis, seen);
            }
        }
        throw new UnreadableDateException(raw, "Date illisible : « " + raw.strip() + " ». Formats acceptés : "
            + ACCEPTED_FORMS);
    }

    /**
     * The instant when {@code raw} is written exactly as connectors write one ({@code 2024-03-12T10:15:30Z}, with or
     * without a fraction of second), or null. The first rule reads these too, after the normalisation and the
     * marker rules every other form needs; connector pages are mostly such instants.
     */
    static Instant isoInstant(String raw) {
        int n = raw.length();
        if (n < 20 || n > 30 || raw.charAt(n - 1) != 'Z' || raw.charAt(10) != 'T') {
            return null;
        }
        for (int i = 0; i < 19; i++) {
            char c = raw.charAt(i);
            boolean wanted = switch (i) {
                case 4, 7 -> c == '-';
                case 10 -> true;
                case 13, 16 -> c == ':';
                default -> c >= '0' && c <= '9';
            };
            if (!wanted) {
                return null;
            }
        }
        if (n > 20) {
            if (raw.charAt(19) != '.' || n == 21) {
                return null;
            }
            for (int i = 20; i < n - 1; i++) {
                if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
                    return null;
                }
            }
        }
        // Seconds 60 (a leap second) and impossible days are left to the rules, which say so.
        if (raw.charAt(17) > '5') {
            return null;
        }
        try {
            return Instant.parse(raw);
        }
        catch (java.time.format.DateTimeParseException ex) {
            return null;
        }
    }

    private static PublicationDate withinSeen(String raw, Span span, Basis basis, ZonedDateTime seen) {
        var seenAt = seen.toInstant();
        if (span.earliest().isAfter(seenAt.plus(FUTURE_TOLERANCE))) {
            throw new UnreadableDateException(raw, "Date dans le futur : « " + raw.strip() + " » (vue le "
                + SEEN_FORMAT.format(seen) + ").");
        }
        var latest = span.earliest().isAfter(seenAt) ? span.latest() : earlier(span.latest(), seenAt);
        return new PublicationDate(raw, span.earliest(), latest, span.precision(), basis);
    }

    private static Span isoDateTime(Matcher m, ZonedDateTime seen) {
        var time = LocalTime.of(number(m, 4), number(m, 5), optionalNumber(m, 6))
            .withNano(m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
        var local = LocalDate.of(number(m, 1), number(m, 2), number(m, 3)).atTime(time);
        if (m.group(8) == null) {
            return localInstant(local, seen.getZone());
        }
        var instant = local.toInstant(ZoneOffset.of(m.group(8).toUpperCase(Locale.ROOT)));
        return new Span(instant, instant, Precision.INSTANT);
    }

    private static Span dayOrInstant(LocalDate date, Matcher m, int hourGroup, ZonedDateTime seen) {
        if (m.group(hourGroup) == null) {
            return day(date, seen.getZone());
        }
        var time = LocalTime.of(number(m, hourGroup), optionalNumber(m, hourGroup + 1),
            optionalNumber(m, hourGroup + 2));
        return localInstant(date.atTime(time), seen.getZone());
    }

    private static Span ago(Matcher m, ZonedDateTime seen) {
        boolean openEnded = m.group(1) != null;
        boolean few = m.group(2).equals(FEW);
        var unit = Unit.of(m.group(3));
        int least = few ? FEW_MIN : NUMBERS.containsKey(m.group(2)) ? NUMBERS.get(m.group(2)) : number(m, 2);
        int most = few ? FEW_MAX : least;
        var furthest = seen.minus(most + 1L, unit.chrono);
        var horizon = seen.minusYears(OPEN_ENDED_YEARS);
        if (openEnded && horizon.isBefore(furthest)) {
            furthest = horizon;
        }
        var nearest = seen.minus(least, unit.chrono);
        var precision = openEnded ? Precision.YEAR : few ? unit.vaguePrecision : unit.precision;
        if (unit.chrono.isTimeBased()) {
            return new Span(furthest.toInstant(), nearest.toInstant(), precision);
        }
        return new Span(startOfDay(furthest.toLocalDate(), seen.getZone()),
            endOfDay(nearest.toLocalDate(), seen.getZone()), precision);
    }

    /** A wall-clock time: if DST makes it ambiguous or skipped, both readings are kept. */
    private static Span localInstant(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition == null) {
            var instant = local.atZone(zone).toInstant();
            return new Span(instant, instant, Precision.INSTANT);
        }
        var before = local.toInstant(transition.getOffsetBefore());
        var after = local.toInstant(transition.getOffsetAfter());
        return new Span(earlier(before, after), before.isAfter(after) ? before : after, Precision.INSTANT);
    }

    private static Span day(LocalDate date, ZoneId zone) {
        return period(date, date.plusDays(1), Precision.DAY, zone);
    }

    private static Span period(LocalDate first, LocalDate next, Precision precision, ZoneId zone) {
        return new Span(startOfDay(first, zone), startOfDay(next, zone).minusNanos(1), precision);
    }

    private static Instant startOfDay(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static Instant endOfDay(LocalDate date, ZoneId zone) {
        return startOfDay(date.plusDays(1), zone).minusNanos(1);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static int fullYear(int year) {
        return year < 100 ? 2000 + year : year;
    }

    private static int month(Matcher m, int group) {
        return MONTHS.get(m.group(group).replace(".", ""));
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static int optionalNumber(Matcher m, int group) {
        return m.group(group) == null ? 0 : number(m, group);
    }

    /** Lower case, no accents, plain apostrophes and spaces: sites and copy-paste vary on all of them. */
    private static String normalize(String raw) {
        var text = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        text = APPROXIMATELY.matcher(DASHES.matcher(APOSTROPHES.matcher(text).replaceAll("'")).replaceAll("-")).replaceAll(" ");
        return tidy(text);
    }

    private static String tidy(String text) {
        return EDGE_PUNCTUATION.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("");
    }

    /** Maps each space-separated word of the n-th entry to n (from 1). */
    private static Map<String, Integer> numbered(String... entries) {
        var map = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < entries.length; i++) {
            for (var word : entries[i].split(" ")) {
                map.put(word, i + 1);
            }
        }
        return Map.copyOf(map);
    }

    /** Longest first, so that "janvier" is not read as "jan" followed by garbage. */
    private static String alternation(Collection<String> words) {
        return words.stream().sorted(Comparator.comparing(String::length).reversed())
            .collect(Collectors.joining("|"));
    }

    private record Span(Instant earliest, Instant latest, Precision precision) {
    }

    @FunctionalInterface
    private interface Reader {
        Span read(Matcher matcher, ZonedDateTime seen);
    }

    private record Rule(Pattern pattern, Reader reader) {

        Rule(String regex, Reader reader) {
            this(Pattern.compile(regex), reader);
        }

        /** An impossible calendar value (31/02, 25h) is refused with its own message, not as unreadable. */
        Span read(Matcher matcher, ZonedDateTime seen, String raw) {
            try {
                return reader.read(matcher, seen);
            } catch (DateTimeException e) {
                throw new UnreadableDateException(raw, "Date inexistante : « " + raw.strip() + " ».");
            }
        }
    }
}
