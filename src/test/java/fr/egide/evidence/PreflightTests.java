package fr.egide.evidence;

import com.sun.net.httpserver.HttpServer;
import fr.egide.evidence.engine.Preflight;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-flight record against servers run by the test itself on 127.0.0.1 (never the internet): a fake SNTP
 * server whose clock is shifted, silent or misbehaving, and an HTTP service telling the public IP.
 */
class PreflightTests {

    static final URI TARGET = URI.create("http://127.0.0.1:8080/avis");

    final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (var server : servers) {
            server.close();
        }
    }

    @Test
    void measuresAClockInStepWithTheServer() {
        var ntp = ntp(Duration.ZERO, Reply.GOOD);

        var result = new Preflight(List.of(ntp.address()), null, Duration.ofSeconds(2)).probe(TARGET);

        assertThat(result.clockStatus()).isEqualTo("MESURE");
        assertThat(Math.abs(result.offsetMillis())).isLessThan(200);
        assertThat(result.clockTooFar()).isFalse();
        assertThat(result.clockRefusal()).isNull();
        assertThat(result.clockReason()).isNull();
        var answer = result.ntp().get(0);
        assertThat(answer.server()).isEqualTo(ntp.address());
        assertThat(answer.address()).isEqualTo("127.0.0.1");
        assertThat(answer.stratum()).isEqualTo(2);
        assertThat(answer.roundTripMillis()).isBetween(-50L, 200L);
        assertThat(answer.error()).isNull();
    }

    @Test
    void refusesToSealWhenTheClockIsThreeSecondsLate() {
        var ntp = ntp(Duration.ofSeconds(3), Reply.GOOD);

        var result = new Preflight(List.of(ntp.address()), null, Duration.ofSeconds(2)).probe(TARGET);

        assertThat(result.clockStatus()).isEqualTo("MESURE");
        assertThat(result.offsetMillis()).isBetween(2700L, 3300L);
        assertThat(result.clockTooFar()).isTrue();
        assertThat(result.clockRefusal()).contains("3", "1 s", "en retard", ntp.address(), "n'est pas scellée");
    }

    @Test
    void refusesToSealWhenTheClockIsThreeSecondsEarly() {
        var ntp = ntp(Duration.ofSeconds(-3), Reply.GOOD);

        var result = new Preflight(List.of(ntp.address()), null, Duration.ofSeconds(2)).probe(TARGET);

        assertThat(result.offsetMillis()).isBetween(-3300L, -2700L);
        assertThat(result.clockTooFar()).isTrue();
        assertThat(result.clockRefusal()).contains("en avance");
    }

    @Test
    void takesTheMedianOfTheServersThatAnswered() {
        var late = ntp(Duration.ofSeconds(5), Reply.GOOD);
        var first = ntp(Duration.ZERO, Reply.GOOD);
        var second = ntp(Duration.ZERO, Reply.GOOD);

        var result = new Preflight(List.of(late.address(), first.address(), second.address()), null, Duration.ofSeconds(2))
            .probe(TARGET);

        assertThat(result.ntp()).extracting(Preflight.NtpAnswer::offsetMillis).doesNotContainNull();
        assertThat(Math.abs(result.offsetMillis())).isLessThan(200);
        assertThat(result.clockTooFar()).isFalse();
    }

    @Test
    void aSilentServerLeavesTheClockUnknownWithinTheTimeout() {
        var silent = ntp(Duration.ZERO, Reply.NONE);
        var alsoSilent = ntp(Duration.ZERO, Reply.NONE);

        var started = System.nanoTime();
        var result = new Preflight(List.of(silent.address(), alsoSilent.address()), null, Duration.ofMillis(500))
            .probe(TARGET);
        var elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.clockStatus()).isEqualTo("INCONNU");
        assertThat(result.offsetMillis()).isNull();
        assertThat(result.clockTooFar()).isFalse();
        assertThat(result.clockRefusal()).isNull();
        assertThat(result.clockReason()).contains("0,5 s", silent.address(), alsoSilent.address(), "pas de réponse");
        assertThat(result.ntp()).allSatisfy(answer -> assertThat(answer.error()).isEqualTo("pas de réponse"));
        // Servers are asked together: two silent ones cost one timeout, not two.
        assertThat(elapsed).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void doesNotUseAKissOfDeath() {
        var kiss = ntp(Duration.ofSeconds(30), Reply.KISS_OF_DEATH);
        var good = ntp(Duration.ZERO, Reply.GOOD);

        var result = new Preflight(List.of(kiss.address(), good.address()), null, Duration.ofSeconds(2)).probe(TARGET);

        var refused = result.ntp().get(0);
        assertThat(refused.offsetMillis()).isNull();
        assertThat(refused.stratum()).isZero();
        assertThat(refused.error()).contains("kiss-o'-death", "RATE");
        assertThat(result.clockStatus()).isEqualTo("MESURE");
        assertThat(Math.abs(result.offsetMillis())).isLessThan(200);

        var alone = new Preflight(List.of(kiss.address()), null, Duration.ofSeconds(2)).probe(TARGET);
        assertThat(alone.clockStatus()).isEqualTo("INCONNU");
        assertThat(alone.clockReason()).contains(kiss.address(), "RATE");
    }

    @Test
    void refusesAnswersThatAreNotFromAServerOrNotToOurRequest() {
        var client = ntp(Duration.ZERO, Reply.CLIENT_MODE);
        var stranger = ntp(Duration.ZERO, Reply.WRONG_ORIGINATE);

        var result = new Preflight(List.of(client.address(), stranger.address()), null, Duration.ofSeconds(2)).probe(TARGET);

        assertThat(result.clockStatus()).isEqualTo("INCONNU");
        assertThat(result.ntp().get(0).error()).contains("mode 3");
        assertThat(result.ntp().get(1).error()).contains("horodatage d'origine");
        assertThat(result.ntp()).extracting(Preflight.NtpAnswer::offsetMillis).containsOnlyNulls();
    }

    @Test
    void noServerConfiguredIsSaid() {
        var result = new Preflight(List.of(), null, Duration.ofSeconds(1)).probe(TARGET);

        assertThat(result.clockStatus()).isEqualTo("INCONNU");
        assertThat(result.clockReason()).isEqualTo("aucun serveur NTP configuré");
    }

    @Test
    void readsThePublicIpFromTheService() throws IOException {
        var service = ipService(200, "203.0.113.7\n");

        var result = new Preflight(List.of(), service, Duration.ofSeconds(2)).probe(TARGET);

        assertThat(result.publicIp()).isEqualTo("203.0.113.7");
        assertThat(result.publicIpReason()).isNull();
    }

    @Test
    void aPublicIpThatIsNotAnAddressStaysUnknown() throws IOException {
        var garbage = ipService(200, "<html>Votre IP : bientôt</html>");
        var failing = ipService(503, "203.0.113.7");

        var result = new Preflight(List.of(), garbage, Duration.ofSeconds(2)).probe(TARGET);
        var failed = new Preflight(List.of(), failing, Duration.ofSeconds(2)).probe(TARGET);
        var notAsked = new Preflight(List.of(), null, Duration.ofSeconds(2)).probe(TARGET);

        assertThat(result.publicIp()).isEqualTo("inconnue");
        assertThat(result.publicIpReason()).contains("pas répondu une adresse IP", "<html>Votre IP");
        assertThat(failed.publicIp()).isEqualTo("inconnue");
        assertThat(failed.publicIpReason()).contains("503");
        assertThat(notAsked.publicIp()).isEqualTo("inconnue");
        assertThat(notAsked.publicIpReason()).isEqualTo("non demandée (aucun service configuré)");
    }

    @Test
    void resolvesTheTargetAndFindsTheLocalAddressTowardsIt() throws IOException {
        var result = new Preflight(List.of(), null, Duration.ofSeconds(2)).probe(URI.create("https://localhost/fiche"));

        assertThat(result.targetHost()).isEqualTo("localhost");
        assertThat(result.dnsAnswers()).containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(result.dnsError()).isNull();
        assertThat(result.localIp()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        var resolvConf = Path.of("/etc/resolv.conf");
        var expected = Files.exists(resolvConf) ? Files.readAllLines(resolvConf).stream()
            .filter(line -> line.startsWith("nameserver"))
            .map(line -> line.split("\\s+")[1])
            .toList() : List.of();
        assertThat(result.dnsResolvers()).isEqualTo(expected);
    }

    @Test
    void aTargetWithoutHostIsRecordedAsSuch() {
        var result = new Preflight(List.of(), null, Duration.ofSeconds(1)).probe(URI.create("file:///tmp/page.html"));

        assertThat(result.targetHost()).isNull();
        assertThat(result.dnsAnswers()).isEmpty();
        assertThat(result.dnsError()).isEqualTo("l'adresse cible n'a pas de nom d'hôte");
        assertThat(result.localIp()).isEqualTo("inconnue");
    }

    @Test
    void keepsOnlyTheProxiesThatAreSetWithoutTheirPassword() {
        var properties = new Properties();
        properties.setProperty("https.proxyHost", "proxy.cabinet.example");
        properties.setProperty("https.proxyPort", "3128");
        properties.setProperty("user.name", "dr-x");

        var proxies = Preflight.proxies(Map.of("HTTPS_PROXY", "http://dr-x:s3cret@proxy.cabinet.example:3128/",
                "no_proxy", "localhost,127.0.0.1", "PATH", "/usr/bin"), properties);

        assertThat(proxies).containsOnlyKeys("no_proxy", "HTTPS_PROXY", "https.proxyHost", "https.proxyPort");
        assertThat(proxies.get("HTTPS_PROXY")).isEqualTo("http://dr-x:***@proxy.cabinet.example:3128/");
        assertThat(proxies.toString()).doesNotContain("s3cret");
        assertThat(Preflight.proxies(Map.of(), new Properties())).isEmpty();
    }

    @Test
    void writesTheRecordWithFrenchKeys() throws IOException {
        var ntp = ntp(Duration.ofSeconds(3), Reply.GOOD);
        var service = ipService(200, "2001:db8::7\n");

        var result = new Preflight(List.of(ntp.address()), service, Duration.ofSeconds(2)).probe(URI.create("http://localhost/"));
        var json = result.toJson();

        assertThat(json).containsKeys("date", "horloge", "reseau", "proxys");
        assertThat(asMap(json.get("horloge"))).containsKeys("statut", "decalageMs", "serveurs", "raison")
            .containsEntry("statut", "MESURE");
        assertThat((List<?>) asMap(json.get("horloge")).get("serveurs")).singleElement()
            .satisfies(server -> assertThat(asMap(server)).containsEntry("serveur", ntp.address())
                .containsKeys("adresse", "decalageMs", "allerRetourMs", "strate", "erreur"));
        var network = asMap(json.get("reseau"));
        assertThat(network).containsKeys("ipLocale", "ipPublique", "raisonIpPublique", "resolveursDns", "reponsesDns",
                "erreurDns");
        assertThat(network.get("ipPublique")).isEqualTo("2001:db8::7");
        assertThat(asMap(network.get("reponsesDns"))).containsKey("localhost");
        if (result.proxies().isEmpty()) {
            assertThat(json.get("proxys")).isEqualTo("aucun proxy configuré");
        }
        else {
            assertThat(asMap(json.get("proxys"))).isEqualTo(result.proxies());
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** How the fake server answers. */
    enum Reply {
        GOOD, NONE, KISS_OF_DEATH, CLIENT_MODE, WRONG_ORIGINATE
    }

    FakeNtpServer ntp(Duration shift, Reply reply) {
        try {
            var server = new FakeNtpServer(shift, reply);
            servers.add(server);
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    URI ipService(int status, String body) throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ip", exchange -> {
            var bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        servers.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ip");
    }

    /** An SNTP server on 127.0.0.1 whose clock runs ahead of ours by a shift (or behind, when negative). */
    static final class FakeNtpServer implements AutoCloseable {

        final DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

        final Duration shift;

        final Reply reply;

        FakeNtpServer(Duration shift, Reply reply) throws IOException {
            this.shift = shift;
            this.reply = reply;
            var thread = new Thread(this::serve, "faux-serveur-ntp");
            thread.setDaemon(true);
            thread.start();
        }

        String address() {
            return "127.0.0.1:" + socket.getLocalPort();
        }

        void serve() {
            try {
                while (!socket.isClosed()) {
                    var request = new DatagramPacket(new byte[48], 48);
                    socket.receive(request);
                    if (reply == Reply.NONE) {
                        continue;
                    }
                    var received = ntpTime(Instant.now().plus(shift));
                    var packet = new byte[48];
                    packet[0] = (byte) (reply == Reply.CLIENT_MODE ? 0b00_100_011 : 0b00_100_100);
                    packet[1] = (byte) (reply == Reply.KISS_OF_DEATH ? 0 : 2);
                    packet[3] = (byte) -20;
                    if (reply == Reply.KISS_OF_DEATH) {
                        System.arraycopy("RATE".getBytes(StandardCharsets.US_ASCII), 0, packet, 12, 4);
                    }
                    System.arraycopy(request.getData(), 40, packet, 24, 8);
                    if (reply == Reply.WRONG_ORIGINATE) {
                        packet[31] ^= 1;
                    }
                    put(packet, 32, received);
                    put(packet, 40, ntpTime(Instant.now().plus(shift)));
                    socket.send(new DatagramPacket(packet, 48, request.getSocketAddress()));
                }
            }
            catch (IOException ex) {
                // Closed by the test.
            }
        }

        /** Seconds since 1900 and a 32-bit fraction, as RFC 4330 writes time. */
        static long ntpTime(Instant instant) {
            return ((instant.getEpochSecond() + 2_208_988_800L) << 32) | (((long) instant.getNano() << 32) / 1_000_000_000L);
        }

        static void put(byte[] bytes, int at, long value) {
            for (int i = 0; i < 8; i++) {
                bytes[at + i] = (byte) (value >>> (56 - 8 * i));
            }
        }

        @Override
        public void close() {
            socket.close();
        }

    }

}
