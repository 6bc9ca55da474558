package fr.egide;

import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's browser for page tests: a session cookie, CSRF tokens taken from pages, htmx requests on demand. */
public final class Browser {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL).build();

    private final int port;

    private String csrf;

    public Browser(int port) {
        this.port = port;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        var token = Jsoup.parse(response.body()).selectFirst("input[name=_csrf]");
        if (token != null) {
            csrf = token.val();
        }
        return response;
    }

    /** Posts a form as htmx does (with the CSRF token of the last page read). */
    public HttpResponse<String> htmxPost(String path, String... fields) throws Exception {
        return post(path, true, fields);
    }

    public HttpResponse<String> post(String path, boolean htmx, String... fields) throws Exception {
        var body = new StringBuilder("_csrf=" + enc(csrf));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        var request = HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (htmx) {
            request.header("HX-Request", "true");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a multipart form with one file, as a browser does for an upload (CSRF token of the last page read). */
    public HttpResponse<String> upload(String path, String field, String fileName, String contentType, byte[] content) throws Exception {
        var boundary = "egide" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Downloads a file (the session's cookies sent). */
    public HttpResponse<byte[]> download(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public void signIn(EgideUser user) throws Exception {
        get("/connexion");
        var response = post("/connexion", false, "email", user.email(), "motDePasse", TestAccounts.PASSWORD);
        assertThat(response.uri().getPath()).isEqualTo("/");
    }

    public static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text();
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
