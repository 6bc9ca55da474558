package fr.egide.evidence.engine;

import java.time.Instant;
import java.util.List;

/**
 * One HTTP exchange as the capturing client saw it: the request, the response and, when known, the server's
 * address and TLS session. Bodies are as delivered to the page, so already stripped of any content or transfer
 * encoding.
 *
 * @param requestBody null when the request had none
 * @param protocol the protocol actually spoken, e.g. {@code http/1.1}, {@code h2}, {@code h3}
 * @param status 0 when no response was received
 * @param body null when there is none (redirect, failure) or it could not be read
 * @param truncated null, or why the body is missing or cut short (e.g. {@code length})
 * @param remoteIp null when unknown
 * @param remotePort null when unknown
 * @param tls null for plain HTTP or when unknown
 */
public record Exchange(String method, String url, List<Header> requestHeaders, byte[] requestBody, int status,
        String statusText, String protocol, List<Header> responseHeaders, byte[] body, String truncated, String remoteIp,
        Integer remotePort, Instant startedAt, String mimeType, Tls tls) {

    public record Header(String name, String value) {
    }

    /** One certificate of the chain the server presented, from the server's own certificate upwards. */
    public record Certificate(String subject, String issuer, Instant notBefore, Instant notAfter, String sha256Fingerprint) {
    }

    /**
     * The TLS session: negotiated protocol and cipher, the server certificate's identity and validity, and the
     * chain as presented.
     *
     * @param keyExchange null when the cipher suite does not name it (TLS 1.3)
     */
    public record Tls(String protocol, String cipher, String keyExchange, String subject, String issuer, Instant validFrom,
            Instant validTo, List<String> subjectAlternativeNames, List<Certificate> chain) {
    }

}
