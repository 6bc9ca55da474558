package fr.egide.system.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two refusals before anyone reads a request, both in French and with nothing stored:
 * <ul>
 * <li>an API body larger than {@code egide.api.max-body} (1 MB by default; the longest JSON body is a review's text,
 * and nothing else bounds it — the multipart limits apply to uploads, which are left to them): 413;</li>
 * <li>a NUL character in a parameter or a JSON body ({@code \u0000}): PostgreSQL cannot store it in text, and no
 * French text has one: 400.</li>
 * </ul>
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuard extends OncePerRequestFilter {

    private final long limit;

    RequestGuard(@Value("${egide.api.max-body:1MB}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        var type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/")) {
            // Uploads: the multipart limits and each endpoint's checks apply; their fields are read by the endpoint.
            chain.doFilter(request, response);
            return;
        }
        if (hasNul(request.getQueryString())) {
            refuse(request, response, api, 400, "Caractère nul (%00) refusé dans l'adresse : rien n'a été enregistré.");
            return;
        }
        if (!api) {
            if (type.startsWith("application/x-www-form-urlencoded")
                    && request.getParameterMap().values().stream().flatMap(java.util.Arrays::stream).anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                refuse(request, response, false, 400, "Caractère nul refusé dans le formulaire : rien n'a été enregistré.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response);
            return;
        }
        var body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            tooLarge(request, response);
            return;
        }
        if (type.contains("json") && escapedNul(body)) {
            refuse(request, response, true, 400, "Caractère nul (\\u0000) refusé dans le JSON : rien n'a été enregistré.");
            return;
        }
        chain.doFilter(new Buffered(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var megabytes = Math.max(1, limit / (1024 * 1024));
        refuse(request, response, true, 413, "Requête trop volumineuse : le corps d'une requête de l'API ne dépasse pas " + megabytes
                + " Mo. Rien n'a été enregistré.");
    }

    private static boolean hasNul(String query) {
        return query != null && query.toLowerCase(Locale.ROOT).contains("%00");
    }

    /** A {@code \u0000} escape in JSON text, not preceded by an escaped backslash. */
    static boolean escapedNul(byte[] body) {
        for (var i = 0; i + 5 < body.length; i++) {
            if (body[i] == '\\' && (body[i + 1] == 'u' || body[i + 1] == 'U') && body[i + 2] == '0' && body[i + 3] == '0'
                    && body[i + 4] == '0' && body[i + 5] == '0') {
                var backslashes = 0;
                for (var j = i; j >= 0 && body[j] == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, int status, String detail)
            throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var escaped = detail.replace("\\", "\\\\").replace("\"", "\\\"");
        if (api) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + (status == 413 ? "Payload Too Large" : "Bad Request")
                    + "\",\"status\":" + status + ",\"detail\":\"" + escaped + "\",\"instance\":\""
                    + request.getRequestURI().replace("\"", "%22") + "\"}");
        }
        else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"fr\"><head><title>Requête refusée — Égide</title></head><body><main><h1>"
                    + "Requête refusée</h1><p>" + org.springframework.web.util.HtmlUtils.htmlEscape(detail, "UTF-8")
                    + "</p><p><a href=\"/\">Retour au tableau de bord</a></p></main></body></html>");
        }
    }

    /** The request with its body already read (at most the limit), served again to whoever reads it. */
    private static final class Buffered extends HttpServletRequestWrapper {

        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("Lecture non bloquante non prise en charge");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            var encoding = getCharacterEncoding();
            var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

    }

}
