package fr.egide.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a half-finished sign-in to its next step: a session whose password was right but whose TOTP code is still
 * owed reaches only the code page; one that must enrol a TOTP application reaches only the enrolment page. Both
 * may sign out, and fetch the style sheets.
 */
class SecondStepFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session == null) {
            chain.doFilter(request, response);
            return;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var always = path.equals("/deconnexion") || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.equals("/error");
        if (!always && session.getAttribute(SignInFlow.PENDING_CODE) != null && !path.equals("/connexion/code")) {
            response.sendRedirect(request.getContextPath() + "/connexion/code");
            return;
        }
        if (!always && session.getAttribute(SignInFlow.PENDING_ENROLMENT) != null
                && !path.startsWith("/compte/double-authentification")) {
            response.sendRedirect(request.getContextPath() + "/compte/double-authentification");
            return;
        }
        chain.doFilter(request, response);
    }

}
