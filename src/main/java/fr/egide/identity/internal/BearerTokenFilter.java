package fr.egide.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API calls that carry {@code Authorization: Bearer <token>}. */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;

    private final ProblemResponses problems;

    BearerTokenFilter(ApiTokens tokens, ProblemResponses problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            chain.doFilter(request, response);
            return;
        }
        var user = tokens.authenticate(header.substring(PREFIX.length()).trim());
        if (user.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "Jeton invalide, expiré ou révoqué : demandez-en un nouveau par POST /api/v1/auth/token.");
            return;
        }
        // The scope is an authority of its own: the API chain demands SCOPE_WRITE for anything but reading.
        var authorities = new java.util.ArrayList<org.springframework.security.core.GrantedAuthority>(
                user.get().user().getAuthorities());
        authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_READ"));
        if (user.get().scope() == ApiTokens.Scope.WRITE) {
            authorities.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_WRITE"));
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user.get().user(), null, authorities);
        authentication.setDetails(user.get().tokenId());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

}
