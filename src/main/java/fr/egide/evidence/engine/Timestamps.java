package fr.egide.evidence.engine;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * RFC 3161 timestamps over a manifest: obtaining a token from a timestamp authority (TSA) and checking one.
 * A token is accepted only when its status is granted, its imprint is the SHA-256 of the manifest, its nonce is
 * ours, its signature verifies with the certificate it carries, and that certificate is a timestamping one.
 */
public final class Timestamps {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Asks a TSA for a token over these manifest bytes; returns the token's DER encoding. */
    public byte[] obtain(URI tsa, byte[] manifest) throws IOException, InterruptedException {
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        var nonce = new BigInteger(64, RANDOM);
        var request = generator.generate(NISTObjectIdentifiers.id_sha256, Digests.sha256(manifest), nonce);
        var response = http.send(HttpRequest.newBuilder(tsa)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/timestamp-query")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
            .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("L'autorité d'horodatage " + tsa + " a répondu " + response.statusCode() + ".");
        }
        try {
            var reply = new TimeStampResponse(response.body());
            reply.validate(request);
            var token = reply.getTimeStampToken();
            if (token == null) {
                throw new IOException("L'autorité d'horodatage " + tsa + " a refusé la demande : " + reply.getStatusString());
            }
            var problem = check(token.getEncoded(), manifest);
            if (problem != null) {
                throw new IOException("Jeton de " + tsa + " refusé : " + problem);
            }
            return token.getEncoded();
        }
        catch (TSPException ex) {
            throw new IOException("Réponse de l'autorité d'horodatage " + tsa + " invalide : " + ex.getMessage(), ex);
        }
    }

    /** What a token says, when it is valid for these manifest bytes. */
    public record Verified(java.time.Instant time, String authority, String serial) {
    }

    /** Null when the token is valid for these manifest bytes, otherwise why not, in French. */
    public String check(byte[] tokenBytes, byte[] manifest) {
        try {
            verify(tokenBytes, manifest);
            return null;
        }
        catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
    }

    /** Verifies a token against the bytes it stamps (the manifest, or the report), or throws IllegalArgumentException with the reason in French. */
    public Verified verify(byte[] tokenBytes, byte[] manifest) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(tokenBytes));
        }
        catch (Exception ex) {
            throw new IllegalArgumentException("jeton illisible (" + ex.getClass().getSimpleName() + ")");
        }
        var info = token.getTimeStampInfo();
        if (!NISTObjectIdentifiers.id_sha256.equals(info.getMessageImprintAlgOID())) {
            throw new IllegalArgumentException("empreinte calculée avec un autre algorithme que SHA-256");
        }
        if (!Arrays.equals(info.getMessageImprintDigest(), Digests.sha256(manifest))) {
            throw new IllegalArgumentException("le jeton ne correspond pas au fichier horodaté (empreinte différente)");
        }
        @SuppressWarnings("unchecked")
        var matches = token.getCertificates().getMatches(token.getSID());
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("le jeton ne contient pas le certificat de l'autorité");
        }
        var certificate = (X509CertificateHolder) matches.iterator().next();
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        }
        catch (Exception ex) {
            throw new IllegalArgumentException("signature du jeton invalide (" + ex.getMessage() + ")");
        }
        var usage = org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(certificate.getExtensions());
        if (usage == null || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_timeStamping)) {
            throw new IllegalArgumentException("le certificat de l'autorité n'est pas un certificat d'horodatage");
        }
        return new Verified(info.getGenTime().toInstant(), certificate.getSubject().toString(), info.getSerialNumber().toString(16));
    }

}
