package fr.egide.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param bootstrapAdminEmail e-mail of the administrator created at first start, for unattended installs
 * @param bootstrapAdminPassword that administrator's password (from the environment, never from a file)
 * @param apiTokenValidity how long a bearer token obtained from {@code POST /api/v1/auth/token} lives
 * @param totpRequired two-factor authentication demanded of every account (organisations can demand it of their
 *        members through a {@link fr.egide.identity.TwoFactorRequirement})
 * @param lockoutAccountThreshold failures on one account before it is locked
 * @param lockoutAddressThreshold failures from one IP address before it is locked (higher: offices share one)
 * @param lockoutBase the first lock; each further failure doubles it
 * @param lockoutMax the longest lock
 * @param lockoutForgetAfter failures older than this are forgotten
 */
@ConfigurationProperties("egide.identity")
record IdentitySettings(String bootstrapAdminEmail, String bootstrapAdminPassword, Duration apiTokenValidity,
        @DefaultValue("false") boolean totpRequired, @DefaultValue("5") int lockoutAccountThreshold,
        @DefaultValue("20") int lockoutAddressThreshold, @DefaultValue("1m") Duration lockoutBase,
        @DefaultValue("1h") Duration lockoutMax, @DefaultValue("24h") Duration lockoutForgetAfter) {
}
