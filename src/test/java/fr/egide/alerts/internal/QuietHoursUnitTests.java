package fr.egide.alerts.internal;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When an alert leaves given quiet hours, including hours spanning midnight. */
class QuietHoursUnitTests {

    static ZonedDateTime at(String time) {
        return ZonedDateTime.parse("2026-12-03T" + time + "+01:00[Europe/Paris]");
    }

    @Test
    void overnightQuietHoursHoldEveningAlertsUntilTheNextMorning() {
        var from = LocalTime.of(21, 0);
        var to = LocalTime.of(7, 30);
        assertThat(AlertRaiser.afterQuietHours(at("22:15:00"), from, to)).isEqualTo(ZonedDateTime.parse("2026-12-04T07:30+01:00[Europe/Paris]"));
        assertThat(AlertRaiser.afterQuietHours(at("03:00:00"), from, to)).isEqualTo(at("07:30:00"));
        assertThat(AlertRaiser.afterQuietHours(at("12:00:00"), from, to)).isEqualTo(at("12:00:00"));
        assertThat(AlertRaiser.afterQuietHours(at("07:30:00"), from, to)).isEqualTo(at("07:30:00"));
    }

    @Test
    void daytimeQuietHoursHoldOnlyWithinThem() {
        var from = LocalTime.of(12, 0);
        var to = LocalTime.of(14, 0);
        assertThat(AlertRaiser.afterQuietHours(at("12:00:00"), from, to)).isEqualTo(at("14:00:00"));
        assertThat(AlertRaiser.afterQuietHours(at("11:59:00"), from, to)).isEqualTo(at("11:59:00"));
        assertThat(AlertRaiser.afterQuietHours(at("15:00:00"), from, to)).isEqualTo(at("15:00:00"));
        assertThat(AlertRaiser.afterQuietHours(at("15:00:00"), to, to)).isEqualTo(at("15:00:00"));
    }

}
