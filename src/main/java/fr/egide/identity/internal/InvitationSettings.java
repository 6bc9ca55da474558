package fr.egide.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param validity how long an invitation link may be used (once)
 * @param baseUrl the address users open Égide at, for the link in the e-mail
 * @param from the sender of invitation e-mails
 */
@ConfigurationProperties("egide.identity.invitations")
record InvitationSettings(Duration validity, String baseUrl, String from) {

    InvitationSettings {
        validity = validity == null ? Duration.ofDays(7) : validity;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        from = from == null || from.isBlank() ? "Égide <invitations@egide.local>" : from;
    }

}
