package fr.egide.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload larger than {@code spring.servlet.multipart.max-request-size} from its announced length, before
 * anything reads it. Without this, the CSRF check of a page's form would read the multipart body first, fail on
 * the size, miss the token and answer a bare 403; here the answer is a 413 that says why, in French (a problem
 * detail under /api, the error page elsewhere).
 */
class UploadLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;

    private final ProblemResponses problems;

    UploadLimitFilter(DataSize limit, ProblemResponses problems) {
        this.limit = limit;
        this.problems = problems;
    }

    static String describe(DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " Mo" : Math.max(1, size.toKilobytes()) + " Ko";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            var detail = "Fichier trop volumineux : " + describe(limit) + " au plus par envoi.";
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, detail);
            }
            else {
                // Written here rather than through the error page: the unread body must not be dispatched further.
                response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Fichier trop "
                        + "volumineux</title><link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/css/egide.css\"></head>"
                        + "<body><main><h1>Fichier trop volumineux</h1><p>" + detail + " Choisissez un fichier plus petit, ou "
                        + "découpez-le.</p><p><a href=\"" + request.getContextPath() + "/\">Retour au tableau de bord</a></p></main></body></html>");
            }
            return;
        }
        chain.doFilter(request, response);
    }

}
