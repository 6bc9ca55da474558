package fr.egide.alerts.internal;

import fr.egide.system.SecretColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The webhook secrets are encrypted at rest by the system's Secrets; a key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class AlertSecrets {

    @Bean
    SecretColumn webhookSecrets() {
        return new SecretColumn("alerts_webhook", "cabinet_id", "secret");
    }

}
