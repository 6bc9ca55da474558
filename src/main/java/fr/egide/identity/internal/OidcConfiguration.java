package fr.egide.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The Pro Santé Connect client registration, built from the preset rather than discovered at start-up: Égide
 * starts even when PSC cannot be reached. PSC runs Keycloak, whose endpoints sit under the issuer; the
 * authorization page is the e-CPS wallet's.
 */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

    @Bean
    @ConditionalOnExpression("'${egide.identity.psc.client-id:}' != ''")
    ClientRegistrationRepository proSanteConnect(OidcSettings settings) {
        var issuer = settings.issuer();
        var registration = ClientRegistration.withRegistrationId(OidcSettings.REGISTRATION_ID)
            .clientName("Pro Santé Connect")
            .clientId(settings.clientId())
            .clientSecret(settings.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope(settings.scopes())
            .issuerUri(issuer)
            .authorizationUri(settings.authorization())
            .tokenUri(issuer + "/protocol/openid-connect/token")
            .userInfoUri(issuer + "/protocol/openid-connect/userinfo")
            .jwkSetUri(issuer + "/protocol/openid-connect/certs")
            .userNameAttributeName(IdTokenClaimNames.SUB)
            .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

}
