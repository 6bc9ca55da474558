package fr.egide.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Until the first administrator exists, every page leads to the installation page. */
class InstallationGuard extends OncePerRequestFilter {

    private final Installation installation;

    InstallationGuard(Installation installation) {
        this.installation = installation;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/installation") || path.startsWith("/css/") || path.startsWith("/js/")
                || path.startsWith("/webjars/") || path.startsWith("/actuator/") || path.equals("/favicon.ico")
                || path.equals("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (installation.installed()) {
            chain.doFilter(request, response);
        }
        else {
            response.sendRedirect(request.getContextPath() + "/installation");
        }
    }

}
