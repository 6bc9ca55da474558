package fr.egide.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for the REST API. Only a SHA-256 of each token is stored: a stolen database does not
 * give access to the API. A token is long and random, so a fast hash is enough (no need for a slow KDF).
 */
@Service
class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final Users users;

    private final IdentitySettings settings;

    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Users users, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.users = users;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    record Issued(String token, Instant expiresAt) {
    }

    Issued issue(UUID userId) {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        var token = "egd_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = clock.instant().plus(settings.apiTokenValidity());
        jdbc.sql("insert into identity_api_token (id, user_id, token_hash, expires_at) values (?, ?, ?, ?)")
            .params(UUID.randomUUID(), userId, hash(token), java.sql.Timestamp.from(expiresAt))
            .update();
        return new Issued(token, expiresAt);
    }

    Optional<SignedInUser> authenticate(String token) {
        return jdbc.sql("""
                select user_id from identity_api_token
                where token_hash = ? and revoked_at is null and expires_at > now()
                """)
            .param(hash(token))
            .query(UUID.class)
            .optional()
            .flatMap(users::findById)
            .filter(SignedInUser::isEnabled);
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
