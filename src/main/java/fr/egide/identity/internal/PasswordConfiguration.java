package fr.egide.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password hashing, needed with or without the web server (installation from the environment). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    /** bcrypt today; the {id} prefix lets a later change of algorithm upgrade hashes as users sign in. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

}
