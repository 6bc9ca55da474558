package fr.egide.evidence.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Records every HTTP exchange of a page load as the browser saw it, from the DevTools Network domain: requests
 * (with the headers actually sent), responses (status, headers, remote IP address and port, protocol, TLS
 * details), redirect hops, and, once the page is rendered, the response bodies (up to a size cap) and the
 * certificate chain of each https origin. The result feeds the WARC of the bundle.
 */
final class NetworkRecorder {

    /** One request of a chain (a redirect makes a new hop under the same request id). */
    private static final class Hop {

        JsonNode request;

        JsonNode sentHeaders;

        Instant at;

        JsonNode response;

        boolean finished;

        String failure;

        boolean redirected;

    }

    private final Map<String, Hop> current = new LinkedHashMap<>();

    private final List<Map.Entry<String, Hop>> done = new ArrayList<>();

    private final List<String> redirects = new ArrayList<>();

    private volatile String documentRequestId;

    NetworkRecorder(DevTools devtools) {
        devtools.on("Network.requestWillBeSent", this::requestWillBeSent);
        devtools.on("Network.requestWillBeSentExtraInfo", params -> {
            synchronized (this) {
                var hop = current.get(params.path("requestId").asString());
                if (hop != null) {
                    hop.sentHeaders = params.path("headers");
                }
            }
        });
        devtools.on("Network.responseReceived", params -> {
            synchronized (this) {
                var hop = current.get(params.path("requestId").asString());
                if (hop != null) {
                    hop.response = params.path("response");
                }
            }
        });
        devtools.on("Network.loadingFinished", params -> {
            synchronized (this) {
                var hop = current.get(params.path("requestId").asString());
                if (hop != null) {
                    hop.finished = true;
                }
            }
        });
        devtools.on("Network.loadingFailed", params -> {
            synchronized (this) {
                var hop = current.get(params.path("requestId").asString());
                if (hop != null) {
                    hop.failure = params.path("errorText").asString("échec");
                }
            }
        });
    }

    private synchronized void requestWillBeSent(JsonNode params) {
        var id = params.path("requestId").asString();
        var url = params.path("request").path("url").asString();
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            return;
        }
        var previous = current.get(id);
        if (previous != null && params.has("redirectResponse")) {
            previous.response = params.get("redirectResponse");
            previous.redirected = true;
            done.add(Map.entry(id, previous));
            if (id.equals(documentRequestId)) {
                redirects.add("redirection " + previous.response.path("status").asInt() + " de "
                        + previous.request.path("url").asString() + " vers " + url);
            }
        }
        if (documentRequestId == null && "Document".equals(params.path("type").asString())) {
            documentRequestId = id;
        }
        var hop = new Hop();
        hop.request = params.path("request");
        var wall = params.path("wallTime").asDouble(0);
        hop.at = wall > 0 ? Instant.ofEpochMilli(Math.round(wall * 1000)) : Instant.now();
        current.put(id, hop);
    }

    /** The redirects of the page's own request, in order, in French. */
    synchronized List<String> redirects() {
        return List.copyOf(redirects);
    }

    /** The HTTP status of the page's document (after redirects), or 0 when unknown. */
    synchronized int documentStatus() {
        var hop = documentRequestId == null ? null : current.get(documentRequestId);
        return hop == null || hop.response == null ? 0 : hop.response.path("status").asInt();
    }

    /** What was recorded (in order of requests), with bodies up to maxBytes in all. */
    List<Exchange> exchanges(DevTools devtools, long maxBytes, Duration timeout, List<String> limits) {
        List<Map.Entry<String, Hop>> hops;
        synchronized (this) {
            hops = new ArrayList<>(done);
            current.forEach((id, hop) -> hops.add(Map.entry(id, hop)));
        }
        hops.sort(java.util.Comparator.comparing(entry -> entry.getValue().at));
        var chains = new HashMap<String, List<Exchange.Certificate>>();
        var result = new ArrayList<Exchange>();
        long total = 0;
        boolean capped = false;
        for (var entry : hops) {
            var hop = entry.getValue();
            if (hop.response == null) {
                continue;
            }
            byte[] body = null;
            String truncated = null;
            if (!hop.redirected) {
                if (!hop.finished) {
                    truncated = hop.failure != null ? "disconnect" : "unspecified";
                }
                else {
                    try {
                        var answer = devtools.call("Network.getResponseBody", Map.of("requestId", entry.getKey()), timeout);
                        var text = answer.path("body").asString("");
                        body = answer.path("base64Encoded").asBoolean() ? Base64.getDecoder().decode(text)
                                : text.getBytes(StandardCharsets.UTF_8);
                        if (total + body.length > maxBytes) {
                            body = null;
                            truncated = "length";
                            capped = true;
                        }
                        else {
                            total += body.length;
                        }
                    }
                    catch (IOException ex) {
                        truncated = "unspecified";
                    }
                }
            }
            var response = hop.response;
            var url = hop.request.path("url").asString();
            result.add(new Exchange(hop.request.path("method").asString("GET"), url,
                    headers(hop.sentHeaders != null && !hop.sentHeaders.isEmpty() ? hop.sentHeaders : hop.request.path("headers")),
                    hop.request.has("postData") ? hop.request.get("postData").asString().getBytes(StandardCharsets.UTF_8) : null,
                    response.path("status").asInt(), response.path("statusText").asString(""),
                    response.path("protocol").asString("http/1.1"), headers(response.path("headers")), body, truncated,
                    emptyToNull(response.path("remoteIPAddress").asString("")),
                    response.has("remotePort") ? response.get("remotePort").asInt() : null, hop.at,
                    response.path("mimeType").asString(""), tls(devtools, url, response.path("securityDetails"), chains, timeout)));
        }
        if (capped) {
            limits.add("Plafond de taille atteint (" + (maxBytes / (1024 * 1024)) + " Mo) : le contenu de certaines ressources "
                    + "n'est pas enregistré dans l'archive WARC (enregistrements marqués WARC-Truncated: length).");
        }
        return result;
    }

    private static Exchange.Tls tls(DevTools devtools, String url, JsonNode details, Map<String, List<Exchange.Certificate>> chains,
            Duration timeout) {
        if (details.isMissingNode() || details.isNull() || details.isEmpty()) {
            return null;
        }
        var origin = java.net.URI.create(url).resolve("/").toString().replaceAll("/$", "");
        var chain = chains.computeIfAbsent(origin, key -> {
            try {
                var answer = devtools.call("Network.getCertificate", Map.of("origin", key), timeout);
                var certificates = new ArrayList<Exchange.Certificate>();
                var factory = CertificateFactory.getInstance("X.509");
                for (var der : answer.path("tableNames")) {
                    var bytes = Base64.getDecoder().decode(der.asString());
                    var certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(bytes));
                    certificates.add(new Exchange.Certificate(certificate.getSubjectX500Principal().getName(),
                            certificate.getIssuerX500Principal().getName(), certificate.getNotBefore().toInstant(),
                            certificate.getNotAfter().toInstant(), Digests.sha256Hex(bytes)));
                }
                return certificates;
            }
            catch (IOException | CertificateException | IllegalArgumentException ex) {
                return List.of();
            }
        });
        var sans = new ArrayList<String>();
        details.path("sanList").forEach(san -> sans.add(san.asString()));
        return new Exchange.Tls(details.path("protocol").asString(""), details.path("cipher").asString(""),
                details.path("keyExchange").asString(""), details.path("subjectName").asString(""),
                details.path("issuer").asString(""), epoch(details.path("validFrom")), epoch(details.path("validTo")), sans, chain);
    }

    private static Instant epoch(JsonNode seconds) {
        return seconds.isNumber() ? Instant.ofEpochSecond(seconds.asLong()) : null;
    }

    /** DevTools joins repeated headers with a newline: one header per value again. */
    private static List<Exchange.Header> headers(JsonNode object) {
        var headers = new ArrayList<Exchange.Header>();
        for (var property : object.properties()) {
            for (var value : property.getValue().asString("").split("\n")) {
                headers.add(new Exchange.Header(property.getKey(), value));
            }
        }
        return headers;
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

}
