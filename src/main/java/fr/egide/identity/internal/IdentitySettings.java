package fr.egide.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param bootstrapAdminEmail e-mail of the administrator created at first start, for unattended installs
 * @param bootstrapAdminPassword that administrator's password (from the environment, never from a file)
 * @param apiTokenValidity how long a bearer token obtained from {@code POST /api/v1/auth/token} lives
 */
@ConfigurationProperties("egide.identity")
record IdentitySettings(String bootstrapAdminEmail, String bootstrapAdminPassword, Duration apiTokenValidity) {
}
