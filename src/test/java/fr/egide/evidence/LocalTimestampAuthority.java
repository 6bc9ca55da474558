package fr.egide.evidence;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A timestamp authority for tests, on the loopback: RFC 3161 over HTTP (application/timestamp-query in,
 * application/timestamp-reply out), signing with a fresh RSA key whose certificate carries the critical
 * timeStamping extended key usage, as a real TSA's does. No network leaves the machine.
 */
public final class LocalTimestampAuthority implements AutoCloseable {

    private final HttpServer server;

    private final AtomicLong serial = new AtomicLong(1);

    public LocalTimestampAuthority(String name) throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        var subject = new X500Name("CN=" + name + ", O=Égide tests, C=FR");
        var now = System.currentTimeMillis();
        var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now), new Date(now - 60_000),
                new Date(now + 86_400_000L), subject, pair.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        X509Certificate certificate = new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        var signer = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", pair.getPrivate(), certificate);
        var generator = new TimeStampTokenGenerator(signer,
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                new ASN1ObjectIdentifier("1.2.250.1.999.1"));
        generator.addCertificates(new JcaCertStore(List.of(certificate)));
        var responses = new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tsa", exchange -> {
            try {
                var request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                var reply = responses.generate(request, BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
            catch (Exception ex) {
                exchange.sendResponseHeaders(500, -1);
            }
            finally {
                exchange.close();
            }
        });
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }

}
