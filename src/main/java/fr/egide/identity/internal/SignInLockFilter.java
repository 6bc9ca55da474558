package fr.egide.identity.internal;

import fr.egide.identity.SignInRecorded;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a form sign-in, before the password is even checked, while the account or the address is locked. */
class SignInLockFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;

    private final SignInFlow flow;

    SignInLockFilter(SignInThrottle throttle, SignInFlow flow) {
        this.throttle = throttle;
        this.flow = flow;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && request.getRequestURI().substring(request.getContextPath().length()).equals("/connexion"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var email = request.getParameter("email");
        var lock = throttle.lockedUntil(email, SignInFlow.address(request));
        if (lock.isPresent()) {
            flow.record(null, email, request, SignInFlow.FORM, SignInRecorded.Outcome.LOCKED);
            response.sendRedirect(request.getContextPath() + "/connexion?bloque="
                    + SignInThrottle.retryIn(lock.get(), Instant.now()).replace(' ', '+'));
            return;
        }
        chain.doFilter(request, response);
    }

}
