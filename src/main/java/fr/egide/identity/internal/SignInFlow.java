package fr.egide.identity.internal;

import fr.egide.identity.SignInRecorded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What happens around a sign-in: the brute-force counts, the second step when the account has a TOTP
 * application (or must enrol one), and the {@link SignInRecorded} events the audit log listens to.
 */
@Component
class SignInFlow {

    /** The user who gave the right password and still owes a TOTP code; until then every page leads to the code. */
    static final String PENDING_CODE = "egide.signin.code";

    /** The user who must enrol a TOTP application before anything else (two-factor authentication required). */
    static final String PENDING_ENROLMENT = "egide.signin.enrolment";

    static final String FORM = "FORMULAIRE";

    private final SignInThrottle throttle;

    private final SecondFactor secondFactor;

    private final Users users;

    private final ApplicationEventPublisher events;

    private final SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler();

    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    private final Clock clock = Clock.systemUTC();

    SignInFlow(SignInThrottle throttle, SecondFactor secondFactor, Users users, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.users = users;
        this.events = events;
        landing.setDefaultTargetUrl("/");
    }

    static String address(HttpServletRequest request) {
        return request.getRemoteAddr();
    }

    void record(UUID userId, String email, HttpServletRequest request, String method, SignInRecorded.Outcome outcome) {
        events.publishEvent(new SignInRecorded(userId, email, address(request), method, outcome, clock.instant()));
    }

    /** The form's password was right. */
    void formSucceeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        var user = ((SignedInUser) authentication.getPrincipal()).user();
        throttle.succeeded(user.email());
        secondStep(request, response, authentication, user.id(), user.email(), FORM);
    }

    void formFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        var email = request.getParameter("email");
        var lock = throttle.failed(email, address(request));
        record(email == null ? null : users.findByEmail(email).map(user -> user.user().id()).orElse(null), email, request, FORM,
                SignInRecorded.Outcome.FAILURE);
        if (lock.isPresent()) {
            response.sendRedirect(request.getContextPath() + "/connexion?bloque="
                    + SignInThrottle.retryIn(lock.get(), clock.instant()).replace(' ', '+'));
        }
        else {
            response.sendRedirect(request.getContextPath() + "/connexion?erreur");
        }
    }

    /**
     * The OIDC provider vouched for the person and {@link OidcAccounts} found their account: the session from now on
     * holds that account, as after a form sign-in. Pro Santé Connect's eIDAS "substantial" level (a CPS card or the
     * e-CPS application) is already two factors: no TOTP code is asked after it.
     */
    void oidcSucceeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        var oidc = (OidcUser) authentication.getPrincipal();
        var account = users.findById(OidcAccounts.accountId(oidc)).orElseThrow();
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        var registration = authentication instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken token
                ? token.getAuthorizedClientRegistrationId() : "";
        var method = "OIDC:" + registration;
        if (OidcSettings.REGISTRATION_ID.equals(registration)) {
            record(account.user().id(), account.user().email(), request, method, SignInRecorded.Outcome.SUCCESS);
            landing.onAuthenticationSuccess(request, response, signedIn);
        }
        else {
            secondStep(request, response, signedIn, account.user().id(), account.user().email(), method);
        }
    }

    void oidcFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
        record(null, null, request, "OIDC", SignInRecorded.Outcome.FAILURE);
        var message = ex instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                && !oauth.getError().getDescription().isBlank() && !oauth.getError().getErrorCode().startsWith("invalid")
                        ? oauth.getError().getDescription()
                        : "La connexion par le fournisseur d'identité a échoué : réessayez, ou connectez-vous avec votre mot de passe.";
        request.getSession().setAttribute("egide.signin.oidc.erreur", message);
        response.sendRedirect(request.getContextPath() + "/connexion?oidc");
    }

    private void secondStep(HttpServletRequest request, HttpServletResponse response, Authentication authentication, UUID userId,
            String email, String method) throws IOException, jakarta.servlet.ServletException {
        if (secondFactor.enabled(userId)) {
            request.getSession().setAttribute(PENDING_CODE, userId);
            response.sendRedirect(request.getContextPath() + "/connexion/code");
            return;
        }
        record(userId, email, request, method, SignInRecorded.Outcome.SUCCESS);
        if (secondFactor.required(userId)) {
            request.getSession().setAttribute(PENDING_ENROLMENT, userId);
            response.sendRedirect(request.getContextPath() + "/compte/double-authentification");
            return;
        }
        landing.onAuthenticationSuccess(request, response, authentication);
    }

    /** After the TOTP code: the sign-in is complete; a new session id marks the change of privilege. */
    void codeAccepted(HttpServletRequest request, SignedInUser user) {
        request.getSession().removeAttribute(PENDING_CODE);
        request.changeSessionId();
        throttle.succeeded(user.user().email());
        record(user.user().id(), user.user().email(), request, "CODE_TOTP", SignInRecorded.Outcome.SUCCESS);
        if (secondFactor.required(user.user().id()) && !secondFactor.enabled(user.user().id())) {
            request.getSession().setAttribute(PENDING_ENROLMENT, user.user().id());
        }
    }

}
