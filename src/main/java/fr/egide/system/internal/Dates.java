package fr.egide.system.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as French pages show them, in Paris time whatever the server's zone: {@code ${@dates.day(x)}}. */
@Component("dates")
class Dates {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE).withZone(PARIS);

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy à HH:mm", Locale.FRANCE)
        .withZone(PARIS);

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    public String day(Instant instant) {
        return instant == null ? "—" : DAY.format(instant);
    }

    /** The Paris day as a form's date field and the mentions filter expect it (2026-03-12), or "" when null. */
    public String isoDay(Instant instant) {
        return instant == null ? "" : instant.atZone(PARIS).toLocalDate().toString();
    }

    /** A calendar day (a deadline), "jeudi 3 décembre 2026". */
    public String date(java.time.LocalDate date) {
        return date == null ? "—" : LONG_DATE.format(date);
    }

    public String dayTime(Instant instant) {
        return instant == null ? "—" : DAY_TIME.format(instant);
    }

}
