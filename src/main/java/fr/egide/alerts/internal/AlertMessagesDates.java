package fr.egide.alerts.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as the alerts write them (« 14 janvier 2027 »). */
final class AlertMessagesDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);

    private AlertMessagesDates() {
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

}
