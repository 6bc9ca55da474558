package fr.egide.identity.internal;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, needed with or without the web server (installation from the environment). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /**
     * Argon2id for new hashes (OWASP's first choice; Spring Security's 5.8 defaults: 16 MiB, 2 passes). Hashes
     * written before by bcrypt stay verifiable through their {bcrypt} prefix, and are rewritten in Argon2id the
     * next time their owner signs in (see {@link Users#updatePassword}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
    }

}
