package fr.egide.monitoring.internal;

import fr.egide.monitoring.connectors.ConnectorHttp;
import fr.egide.monitoring.connectors.GoogleOAuth;
import fr.egide.monitoring.connectors.GoogleReplies;
import fr.egide.monitoring.connectors.TokenCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Google Business Profile in the application: Égide's OAuth client ({@code egide.monitoring.google.client-id},
 * {@code client-secret}, {@code redirect-uri}), the reply writer, and the cipher that keeps tokens encrypted at rest.
 *
 * <p>The cipher's key is {@code egide.secrets.key} (EGIDE_SECRETS_KEY, Base64 of 32 bytes) when given; otherwise a
 * key file is created once under {@code $EGIDE_HOME/secrets/} readable by its owner only, so that a database dump
 * alone never holds a usable token. Losing the key only means reconnecting the Google accounts.
 */
@Configuration(proxyBeanMethods = false)
class GoogleConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GoogleConfiguration.class);

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

    @Bean
    TokenCipher tokenCipher(@Value("${egide.secrets.key:}") String key, @Value("${egide.home}") Path home) {
        if (key != null && !key.isBlank()) {
            return TokenCipher.ofBase64(key);
        }
        return TokenCipher.ofBase64(keyFile(home.resolve("secrets").resolve("cle-jetons.key")));
    }

    /** The key kept in a file readable by its owner only, created at the first start. */
    static String keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            var key = Base64.getEncoder().encodeToString(TokenCipher.newKey());
            var temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            log.warn("Clé de chiffrement des jetons créée dans {} : sauvegardez-la à part de la base (ou fixez EGIDE_SECRETS_KEY).", file);
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Clé de chiffrement des jetons illisible ou impossible à créer (" + file + ")", ex);
        }
    }

}
