package fr.egide.evidence.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of captures made by the application ({@code egide.evidence.*}).
 *
 * @param tsa the RFC 3161 timestamp authorities asked for a token on each bundle (each one that answers gives one)
 * @param ntp the NTP servers the clock is measured against before sealing
 * @param publicIpService a service that answers the capture server's public IP as text (empty: not asked)
 * @param timeout the longest a page may load before it is captured as it is
 * @param allowHosts loopback or private hosts that may be captured all the same (tests, an intranet)
 * @param browser false to capture over plain HTTP only (no screenshots), even where Chromium is installed
 * @param storage where sealed bundles are kept
 * @param recheckInterval how often a captured URL is checked again
 * @param recheckPoll how often due checks are looked for
 * @param automatic capture risky and high-impact mentions at once
 * @param automaticWindow only mentions whose current text was first seen this recently are captured automatically
 */
@ConfigurationProperties("egide.evidence")
public record EvidenceSettings(
        @DefaultValue({ "http://timestamp.digicert.com", "http://timestamp.sectigo.com" }) List<URI> tsa,
        @DefaultValue({ "fr.pool.ntp.org", "time.cloudflare.com" }) List<String> ntp,
        URI publicIpService,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue({}) Set<String> allowHosts,
        @DefaultValue("true") boolean browser,
        Path storage,
        @DefaultValue("1d") Duration recheckInterval,
        @DefaultValue("15m") Duration recheckPoll,
        @DefaultValue("true") boolean automatic,
        @DefaultValue("30d") Duration automaticWindow) {
}
