package fr.egide.identity.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. The REST API is stateless and takes only bearer tokens (so CSRF does not apply to it); the
 * web UI signs in with a form, keeps a session and checks a CSRF token on every form. Both refuse anything
 * unauthenticated except the sign-in, the installation page, health and the API documentation.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /** No inline script or style anywhere: htmx and our own scripts are files served by Égide. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
        http.securityMatcher("/api/**")
            .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/auth/token", "/api/v1/invitations/accept").permitAll()
                .anyRequest()
                .authenticated())
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                .accessDeniedHandler(problems::forbidden))
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Installation installation) throws Exception {
        http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/connexion", "/installation", "/css/**", "/js/**", "/img/**", "/webjars/**",
                    "/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                    "/swagger-ui.html", "/swagger-ui/**", "/error", "/partage/*", "/invitation/*")
            .permitAll()
            .anyRequest()
            .authenticated())
            .formLogin(form -> form.loginPage("/connexion")
                .loginProcessingUrl("/connexion")
                .usernameParameter("email")
                .passwordParameter("motDePasse")
                .defaultSuccessUrl("/", false)
                .failureUrl("/connexion?erreur"))
            .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?deconnecte"))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .addFilterBefore(new InstallationGuard(installation), UsernamePasswordAuthenticationFilter.class)
            .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

}
