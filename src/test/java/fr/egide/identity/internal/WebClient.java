package fr.egide.identity.internal;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;

/** A browser for the authentication tests: its own cookies, no automatic redirects, an optional client address. */
final class WebClient {

    final int port;

    final CookieManager cookies = new CookieManager();

    final HttpClient http;

    String address;

    WebClient(int port) {
        this(port, null);
    }

    WebClient(int port, String address) {
        this.port = port;
        this.address = address;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : "http://localhost:" + port + path));
        if (address != null) {
            builder.header("X-Forwarded-For", address);
        }
        return builder;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var builder = request(path).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> json(String method, String path, String body, String... headers) throws Exception {
        var builder = request(path).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form of the page at {@code pagePath}, with that page's CSRF token. */
    HttpResponse<String> submit(String pagePath, String action, String... fields) throws Exception {
        var page = get(pagePath);
        var form = new StringBuilder("_csrf=").append(enc(csrf(page.body())));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append('&').append(fields[i]).append('=').append(enc(fields[i + 1]));
        }
        return post(action, form.toString());
    }

    /** Signs in with the form; returns the answer to the POST (a redirect). */
    HttpResponse<String> signIn(String email, String password) throws Exception {
        return submit("/connexion", "/connexion", "email", email, "motDePasse", password);
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue)
            .findFirst().orElse(null);
    }

    static String csrf(String html) {
        var input = Jsoup.parse(html).selectFirst("input[name=_csrf]");
        return input == null ? "" : input.val();
    }

    static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text();
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
