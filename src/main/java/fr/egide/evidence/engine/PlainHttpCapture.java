package fr.egide.evidence.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.security.auth.x500.X500Principal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Captures a page over plain HTTP when no Chromium is available: no script runs, so the record is what the server
 * sent, not what a visitor would have seen. Redirects are followed by hand (at most {@value #MAX_REDIRECTS}) so
 * each hop is an exchange of its own and a French step. The remote address is the host's first DNS answer, looked
 * up next to the request: the HTTP client does not say which address it connected to. TLS details come from the
 * session the response arrived on. Loopback targets are allowed: the caller vets targets. Plain Java.
 */
public final class PlainHttpCapture {

    static final int MAX_REDIRECTS = 10;

    private static final String USER_AGENT = "Mozilla/5.0 (compatible; Egide/1.0; capture de preuve)";

    /** Elements whose text a visitor does not see. */
    private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template", "head", "title");

    private final Duration timeout;

    private final long maxBytes;

    private final HttpClient client;

    public PlainHttpCapture(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /**
     * @param exchanges every hop, redirects first
     * @param html the final body decoded with its charset
     * @param text the final page's visible text, one line per block
     * @param steps what happened, in French
     */
    public record Result(List<Exchange> exchanges, String finalUrl, String html, String text, List<String> steps) {
    }

    public Result fetch(URI url) throws IOException, InterruptedException {
        var exchanges = new ArrayList<Exchange>();
        var steps = new ArrayList<String>();
        var current = url;
        steps.add("requête GET " + current + " (HTTP simple, sans navigateur : aucun script n'est exécuté)");
        for (int hop = 0;; hop++) {
            var exchange = exchange(current, steps);
            exchanges.add(exchange);
            var location = header(exchange.responseHeaders(), "Location");
            if (exchange.status() >= 300 && exchange.status() < 400 && location != null) {
                if (hop == MAX_REDIRECTS) {
                    steps.add("plus de " + MAX_REDIRECTS + " redirections : arrêt sur " + current);
                    throw new IOException("Trop de redirections (plus de " + MAX_REDIRECTS + ") depuis " + url);
                }
                var next = current.resolve(location.trim());
                steps.add("redirection " + exchange.status() + " vers " + next);
                current = next;
                continue;
            }
            var body = exchange.body() == null ? new byte[0] : exchange.body();
            var charset = charset(header(exchange.responseHeaders(), "Content-Type"));
            var document = charset == null ? Jsoup.parse(new ByteArrayInputStream(body), null, current.toString())
                    : Jsoup.parse(new String(body, charset), current.toString());
            var html = new String(body, charset == null ? document.charset() : charset);
            steps.add("réponse " + exchange.status() + " de " + current + " (" + body.length + " octets, " + exchange.mimeType() + ")");
            return new Result(exchanges, current.toString(), html, visibleText(document.body()), steps);
        }
    }

    private Exchange exchange(URI url, List<String> steps) throws IOException, InterruptedException {
        var https = "https".equalsIgnoreCase(url.getScheme());
        var request = HttpRequest.newBuilder(url)
            .GET()
            .timeout(timeout)
            // HTTP/2 only where ALPN negotiates it: over plain HTTP the client would send an h2c upgrade.
            .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
            .header("User-Agent", USER_AGENT)
            .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .header("Accept-Language", "fr-FR,fr;q=0.9")
            .header("Accept-Encoding", "gzip, deflate")
            .build();
        var port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        var requestHeaders = new ArrayList<Exchange.Header>();
        requestHeaders.add(new Exchange.Header("Host", url.getPort() > 0 ? url.getHost() + ":" + url.getPort() : url.getHost()));
        request.headers().map().forEach((name, values) -> values.forEach(value -> requestHeaders.add(new Exchange.Header(name, value))));
        var startedAt = Instant.now();
        var remoteIp = address(url.getHost());
        var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        var responseHeaders = new ArrayList<Exchange.Header>();
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(value -> responseHeaders.add(new Exchange.Header(name, value)));
            }
        });
        String truncated = null;
        byte[] body;
        try (var in = decoded(response.body(), header(responseHeaders, "Content-Encoding"), steps)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
            if (in.read() >= 0) {
                truncated = "length";
                steps.add("contenu de " + url + " tronqué à " + maxBytes + " octets (limite de capture)");
            }
        }
        var contentType = header(responseHeaders, "Content-Type");
        var mimeType = contentType == null ? "application/octet-stream" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        var protocol = response.version() == HttpClient.Version.HTTP_2 ? "h2" : "http/1.1";
        var tls = response.sslSession().map(PlainHttpCapture::tls).orElse(null);
        return new Exchange("GET", url.toString(), requestHeaders, null, response.statusCode(), "", protocol, responseHeaders,
                body.length == 0 && response.statusCode() >= 300 && response.statusCode() < 400 ? null : body, truncated, remoteIp,
                port, startedAt, mimeType, tls);
    }

    /** The body as a browser would have it: gzip and deflate undone, other encodings left as sent and said so. */
    private static InputStream decoded(InputStream body, String encoding, List<String> steps) throws IOException {
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return body;
        }
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "gzip", "x-gzip" -> new GZIPInputStream(body);
            case "deflate" -> new InflaterInputStream(body);
            default -> {
                steps.add("encodage « " + encoding + " » non décodé : contenu conservé tel qu'envoyé");
                yield body;
            }
        };
    }

    private static String address(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress();
        }
        catch (UnknownHostException | SecurityException ex) {
            return null;
        }
    }

    private static Exchange.Tls tls(SSLSession session) {
        var chain = new ArrayList<Exchange.Certificate>();
        X509Certificate leaf = null;
        try {
            for (var certificate : session.getPeerCertificates()) {
                if (certificate instanceof X509Certificate x509) {
                    leaf = leaf == null ? x509 : leaf;
                    chain.add(new Exchange.Certificate(name(x509.getSubjectX500Principal()), name(x509.getIssuerX500Principal()),
                            x509.getNotBefore().toInstant(), x509.getNotAfter().toInstant(),
                            HexFormat.of().formatHex(Digests.sha256(x509.getEncoded()))));
                }
            }
        }
        catch (SSLPeerUnverifiedException | CertificateException ex) {
            // The session stays recorded without its chain.
        }
        var cipher = session.getCipherSuite();
        return new Exchange.Tls(session.getProtocol(), cipher, keyExchange(cipher),
                leaf == null ? null : name(leaf.getSubjectX500Principal()), leaf == null ? null : name(leaf.getIssuerX500Principal()),
                leaf == null ? null : leaf.getNotBefore().toInstant(), leaf == null ? null : leaf.getNotAfter().toInstant(),
                leaf == null ? List.of() : alternativeNames(leaf), chain);
    }

    /** TLS 1.2 suites name their key exchange ({@code TLS_ECDHE_RSA_WITH_…}); TLS 1.3 suites do not. */
    private static String keyExchange(String cipher) {
        var with = cipher.indexOf("_WITH_");
        return cipher.startsWith("TLS_") && with > 4 ? cipher.substring(4, with) : null;
    }

    private static List<String> alternativeNames(X509Certificate certificate) {
        var names = new ArrayList<String>();
        try {
            var all = certificate.getSubjectAlternativeNames();
            if (all != null) {
                for (var entry : all) {
                    // 2 is a DNS name, 7 an IP address (RFC 5280, GeneralName).
                    var type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) {
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        }
        catch (CertificateParsingException ex) {
            // No alternative names recorded.
        }
        return names;
    }

    private static String name(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    private static String header(List<Exchange.Header> headers, String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Exchange.Header::value).findFirst().orElse(null);
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (var parameter : contentType.split(";")) {
            var pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                }
                catch (IllegalArgumentException ex) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return null;
    }

    /** Visible text with a line break between blocks, so paragraphs and list items stay apart. */
    static String visibleText(Element root) {
        if (root == null) {
            return "";
        }
        var text = new StringBuilder();
        root.traverse(new NodeVisitor() {
            int hidden;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element element) {
                    if (HIDDEN.contains(element.normalName())) {
                        hidden++;
                    }
                    else if (element.isBlock() || element.normalName().equals("br")) {
                        text.append('\n');
                    }
                }
                else if (node instanceof TextNode textNode && hidden == 0) {
                    text.append(textNode.text());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (HIDDEN.contains(element.normalName())) {
                        hidden--;
                    }
                    else if (element.isBlock()) {
                        text.append('\n');
                    }
                }
            }
        });
        var lines = new ArrayList<String>();
        for (var line : text.toString().split("\n")) {
            var clean = line.replaceAll("[\\s\\u00a0]+", " ").trim();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        return String.join("\n", lines);
    }

}
