package fr.egide.alerts;

import java.time.LocalTime;
import java.util.Map;

/**
 * A user's alert settings.
 *
 * @param modes one mode per trigger
 * @param quietFrom start of the quiet hours (Europe/Paris), null when none
 * @param quietTo end of the quiet hours
 */
public record AlertPreferences(Map<AlertTrigger, AlertMode> modes, LocalTime quietFrom, LocalTime quietTo) {
}
