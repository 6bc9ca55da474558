package fr.egide.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
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
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit) throws Exception {
        http.securityMatcher("/api/**")
            .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/invitations/accept").permitAll()
                // A READ token reads; only a WRITE token changes anything. Revoking the token one holds is always allowed.
                .requestMatchers(HttpMethod.DELETE, "/api/v1/auth/token").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority("SCOPE_READ")
                .requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority("SCOPE_READ")
                .anyRequest()
                .hasAuthority("SCOPE_WRITE"))
            .csrf(csrf -> csrf.disable())
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(cache -> cache.disable())
            .addFilterBefore(new UploadLimitFilter(uploadLimit, problems), CsrfFilter.class)
            .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
                .accessDeniedHandler(problems::forbidden))
            .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Installation installation, SignInThrottle throttle, SignInFlow flow,
            OidcAccounts oidcAccounts, OidcSettings oidcSettings, ObjectProvider<ClientRegistrationRepository> registrations,
            ProblemResponses problems, @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize uploadLimit)
            throws Exception {
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
                .successHandler(flow::formSucceeded)
                .failureHandler(flow::formFailed))
            .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?deconnecte"))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .addFilterBefore(new UploadLimitFilter(uploadLimit, problems), CsrfFilter.class)
            .addFilterBefore(new InstallationGuard(installation), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new SignInLockFilter(throttle, flow), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new SecondStepFilter(), AuthorizationFilter.class)
            .headers(SecurityConfiguration::headers);
        var repository = registrations.getIfAvailable();
        if (repository != null) {
            http.oauth2Login(oauth -> oauth.loginPage("/connexion")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(new AcrValuesResolver(repository, oidcSettings.acrValues())))
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts))
                .successHandler(flow::oidcSucceeded)
                .failureHandler(flow::oidcFailed));
        }
        return http.build();
    }

    /**
     * The same headers on both doors: the CSP above, no framing, no MIME sniffing, no referrer to other sites, and
     * HSTS (one year) on responses to requests that came over HTTPS — Spring Security never sends it over plain
     * HTTP, where it would mean nothing.
     */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
            .frameOptions(frame -> frame.deny())
            .contentTypeOptions(Customizer.withDefaults())
            .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
    }

    /** Adds {@code acr_values} (eidas1 by default) to Pro Santé Connect's authorization requests, as PSC demands. */
    static final class AcrValuesResolver implements OAuth2AuthorizationRequestResolver {

        private final DefaultOAuth2AuthorizationRequestResolver delegate;

        private final String acrValues;

        AcrValuesResolver(ClientRegistrationRepository repository, String acrValues) {
            this.delegate = new DefaultOAuth2AuthorizationRequestResolver(repository, "/oauth2/authorization");
            this.acrValues = acrValues;
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            return customize(delegate.resolve(request));
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
            return customize(delegate.resolve(request, registrationId));
        }

        private OAuth2AuthorizationRequest customize(OAuth2AuthorizationRequest request) {
            if (request == null
                    || !OidcSettings.REGISTRATION_ID.equals(request.getAttribute(OAuth2ParameterNames.REGISTRATION_ID))) {
                return request;
            }
            return OAuth2AuthorizationRequest.from(request)
                .additionalParameters(parameters -> parameters.put("acr_values", acrValues))
                .build();
        }

    }

}
