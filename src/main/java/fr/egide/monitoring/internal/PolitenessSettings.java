package fr.egide.monitoring.internal;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Politeness of the connectors towards each host ({@code egide.monitoring.politeness.*}), in this instance.
 *
 * @param minInterval the least time between the starts of two requests to one host
 * @param maxConcurrent requests in flight to one host at most
 * @param hosts hosts or domains with their own interval (a domain covers its sub-hosts), for APIs that allow more
 */
@ConfigurationProperties("egide.monitoring.politeness")
record PolitenessSettings(@DefaultValue("1s") Duration minInterval, @DefaultValue("2") int maxConcurrent,
        Map<String, Duration> hosts) {

    PolitenessSettings {
        hosts = hosts == null ? Map.of() : Map.copyOf(hosts);
    }

}
