package fr.egide.alerts.internal;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Alert settings ({@code egide.alerts.*}).
 *
 * @param baseUrl the address users open Égide at, for the links in e-mails and webhooks
 * @param from the sender of the e-mails
 * @param digestAt when daily and weekly (Monday) digests leave, Europe/Paris
 * @param retryBase first wait before a failed delivery is tried again; doubled at each attempt
 * @param maxAttempts attempts before a delivery is given up (and shown as failed)
 * @param burstSize from this many alerts of a cabinet within {@code burstWindow}, the next immediate ones (threats
 *        excepted) wait for the end of the current window and leave together, one e-mail per person
 * @param burstWindow the length of that window
 */
@ConfigurationProperties("egide.alerts")
public record AlertsSettings(@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("Égide <alertes@egide.local>") String from,
        @DefaultValue("08:00") LocalTime digestAt, @DefaultValue("30s") Duration retryBase, @DefaultValue("8") int maxAttempts,
        @DefaultValue("3") int burstSize, @DefaultValue("10m") Duration burstWindow) {

    public String link(String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }

}
