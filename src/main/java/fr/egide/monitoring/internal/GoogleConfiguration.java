package fr.egide.monitoring.internal;

import fr.egide.monitoring.connectors.ConnectorHttp;
import fr.egide.monitoring.connectors.GoogleOAuth;
import fr.egide.monitoring.connectors.GoogleReplies;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Google Business Profile in the application: Égide's OAuth client ({@code egide.monitoring.google.client-id},
 * {@code client-secret}, {@code redirect-uri}), the reply writer, and the cipher that keeps tokens encrypted at rest.
 *
 * <p>Tokens are encrypted by the system module's {@link fr.egide.system.Secrets} (key from EGIDE_SECRETS_KEY, a
 * keystore or a key file under {@code $EGIDE_HOME/secrets/}), so that a database dump alone never holds a usable
 * token. Losing the key only means reconnecting the Google accounts.
 */
@Configuration(proxyBeanMethods = false)
class GoogleConfiguration {

    /** Égide's registration at Google; {@link #configured()} is false until an administrator sets it. */
    record GoogleClient(GoogleOAuth.Client client, URI authorizationEndpoint) {

        boolean configured() {
            return client.id() != null && !client.id().isBlank() && client.secret() != null && !client.secret().isBlank();
        }

    }

    @Bean
    GoogleClient googleClient(@Value("${egide.monitoring.google.client-id:}") String id,
            @Value("${egide.monitoring.google.client-secret:}") String secret,
            @Value("${egide.monitoring.google.redirect-uri:}") String redirect,
            @Value("${egide.monitoring.google.authorization-endpoint:https://accounts.google.com/o/oauth2/v2/auth}") URI authorization) {
        return new GoogleClient(new GoogleOAuth.Client(id.strip(), secret.strip(), redirect.strip()), authorization);
    }

    @Bean
    GoogleOAuth googleOAuth(GoogleClient client,
            @Value("${egide.monitoring.google.token-endpoint:https://oauth2.googleapis.com/token}") URI tokenEndpoint,
            @Value("${egide.monitoring.http-timeout:20s}") Duration timeout) {
        return new GoogleOAuth(tokenEndpoint, client.client(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Clock.systemUTC(), timeout);
    }

    @Bean
    GoogleReplies googleReplies(ConnectorHttp http,
            @Value("${egide.monitoring.google.reviews-api:https://mybusiness.googleapis.com}") URI reviews) {
        return new GoogleReplies(reviews, http);
    }

    /** The tokens are encrypted by the system's {@link fr.egide.system.Secrets}; a key rotation re-encrypts them. */
    @Bean
    fr.egide.system.SecretColumn googleRefreshTokens() {
        return new fr.egide.system.SecretColumn("monitoring_google_connection", "id", "refresh_token");
    }

    @Bean
    fr.egide.system.SecretColumn googleAccessTokens() {
        return new fr.egide.system.SecretColumn("monitoring_google_connection", "id", "access_token");
    }

}
