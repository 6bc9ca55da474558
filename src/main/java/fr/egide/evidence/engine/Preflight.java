package fr.egide.evidence.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * The pre-flight record of a capture, in the spirit of AFNOR NF Z67-147 (§4.2): the clock's offset against named
 * NTP servers (an SNTP client after RFC 4330), the local and public IP addresses, the DNS resolvers and what they
 * answer for the target, and the proxies this process is configured with. The network questions are asked
 * concurrently under one timeout, so a probe lasts about that long at worst; a failure is recorded with its reason in
 * French, never thrown. Plain Java, JDK only.
 */
public final class Preflight {

    /** Beyond this offset from NTP time, a capture is not sealed: its times could not be trusted. */
    public static final Duration MAX_OFFSET = Duration.ofSeconds(1);

    /** Seconds from the NTP era's origin (1900-01-01T00:00:00Z) to the Unix epoch. */
    private static final long NTP_TO_UNIX = 2_208_988_800L;

    private static final int NTP_PORT = 123;

    private static final int NTP_PACKET = 48;

    /** LI 0 (no warning), VN 4, mode 3 (client). */
    private static final byte NTP_CLIENT = 0b00_100_011;

    /** How long past the timeout a task may take to report (thread scheduling, socket close) before it is given up. */
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    /** How much of the public IP service's answer is read: an address is short, anything longer is not one. */
    private static final int MAX_IP_ANSWER = 256;

    private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");

    private static final List<String> PROXY_VARIABLES = List.of("http_proxy", "https_proxy", "no_proxy", "all_proxy",
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY");

    private static final List<String> PROXY_PROPERTIES = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
            "https.proxyPort", "socksProxyHost", "socksProxyPort");

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /** Starts with a hex digit or a colon so that InetAddress parses it as a literal and never asks DNS. */
    private static final Pattern IPV6_CANDIDATE = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The password in "scheme://user:password@host": a proxy setting may carry one, the record must not. */
    private static final Pattern PROXY_PASSWORD = Pattern.compile("^((?:[A-Za-z][A-Za-z0-9+.-]*://)?[^/@:]*):[^/@]*@");

    private final List<String> ntpServers;

    private final URI publicIpService;

    private final Duration timeout;

    /**
     * @param ntpServers "host" or "host:port" (default port 123; an IPv6 address as "[::1]:123")
     * @param publicIpService an http(s) URL answering the caller's public IP as text (nullable: not asked)
     * @param timeout the bound on the whole probe, and the socket timeout of each question
     */
    public Preflight(List<String> ntpServers, URI publicIpService, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Le délai du pré-vol doit être positif : " + timeout);
        }
        this.ntpServers = List.copyOf(ntpServers);
        this.publicIpService = publicIpService;
        this.timeout = timeout;
    }

    /** One NTP server's answer, or why there is none. */
    public record NtpAnswer(String server, String address, Long offsetMillis, Long roundTripMillis, Integer stratum,
            String error) {
    }

    /** The pre-flight record. */
    public record Result(Instant at, List<NtpAnswer> ntp, String clockStatus, Long offsetMillis, String clockReason,
            String localIp, String publicIp, String publicIpReason, List<String> dnsResolvers, String targetHost,
            List<String> dnsAnswers, String dnsError, Map<String, String> proxies) {

        public Result {
            ntp = List.copyOf(ntp);
            dnsResolvers = List.copyOf(dnsResolvers);
            dnsAnswers = List.copyOf(dnsAnswers);
            proxies = Collections.unmodifiableMap(new LinkedHashMap<>(proxies));
        }

        /** True when the clock was measured and is off by more than MAX_OFFSET: the capture must not be sealed. */
        public boolean clockTooFar() {
            return "MESURE".equals(clockStatus) && offsetMillis != null
                    && Math.abs(offsetMillis) > MAX_OFFSET.toMillis();
        }

        /** The French sentence refusing to seal, naming the server the offset comes from; null when the clock is fine. */
        public String clockRefusal() {
            if (!clockTooFar()) {
                return null;
            }
            var source = ntp.stream().filter(answer -> offsetMillis.equals(answer.offsetMillis())).findFirst().orElseThrow();
            // A positive offset means the servers are ahead of us, so our clock is late.
            return "Horloge décalée de " + seconds(Math.abs(offsetMillis)) + (offsetMillis > 0 ? " (en retard)" : " (en avance)")
                    + " par rapport à " + named(source) + " (plus de " + seconds(MAX_OFFSET.toMillis())
                    + ") : la preuve n'est pas scellée.";
        }

        /** The record as nested maps and lists for environment.json, with French keys. */
        public Map<String, Object> toJson() {
            var servers = new ArrayList<Map<String, Object>>();
            for (var answer : ntp) {
                var server = new LinkedHashMap<String, Object>();
                server.put("serveur", answer.server());
                server.put("adresse", answer.address());
                server.put("decalageMs", answer.offsetMillis());
                server.put("allerRetourMs", answer.roundTripMillis());
                server.put("strate", answer.stratum());
                server.put("erreur", answer.error());
                servers.add(server);
            }
            var clock = new LinkedHashMap<String, Object>();
            clock.put("statut", clockStatus);
            clock.put("decalageMs", offsetMillis);
            clock.put("seuilMs", MAX_OFFSET.toMillis());
            clock.put("serveurs", servers);
            clock.put("raison", clockReason);
            var answers = new LinkedHashMap<String, Object>();
            if (targetHost != null) {
                answers.put(targetHost, dnsAnswers);
            }
            var network = new LinkedHashMap<String, Object>();
            network.put("ipLocale", localIp);
            network.put("ipPublique", publicIp);
            network.put("raisonIpPublique", publicIpReason);
            network.put("resolveursDns", dnsResolvers);
            network.put("reponsesDns", answers);
            network.put("erreurDns", dnsError);
            var json = new LinkedHashMap<String, Object>();
            json.put("date", at.toString());
            json.put("horloge", clock);
            json.put("reseau", network);
            json.put("proxys", proxies.isEmpty() ? "aucun proxy configuré" : proxies);
            return json;
        }

        private static String named(NtpAnswer answer) {
            var host = host(answer.server());
            return answer.address() == null || answer.address().equals(host) ? answer.server()
                    : answer.server() + " (" + answer.address() + ")";
        }

    }

    /** Probes the clock, the network and the proxies for a capture of this target. Never throws for network failures. */
    public Result probe(URI target) {
        var at = Instant.now();
        var deadline = System.nanoTime() + timeout.toNanos();
        var executor = Executors.newCachedThreadPool(task -> {
            var thread = new Thread(task, "egide-preflight");
            thread.setDaemon(true);
            return thread;
        });
        try {
            var asked = new ArrayList<Future<NtpAnswer>>();
            for (var server : ntpServers) {
                asked.add(executor.submit(() -> ask(server, deadline)));
            }
            var host = target == null ? null : target.getHost();
            if (host != null && host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            var name = host;
            Future<InetAddress[]> resolved = name == null ? null : executor.submit(() -> InetAddress.getAllByName(name));
            Future<String[]> publicIp = publicIpService == null ? null : executor.submit(this::publicIp);

            var ntp = new ArrayList<NtpAnswer>();
            for (int i = 0; i < asked.size(); i++) {
                NtpAnswer answer;
                try {
                    answer = await(asked.get(i), deadline);
                }
                catch (ExecutionException ex) {
                    answer = new NtpAnswer(ntpServers.get(i), null, null, null, null, "erreur : " + ex.getCause());
                }
                ntp.add(answer != null ? answer
                        : new NtpAnswer(ntpServers.get(i), null, null, null, null, "pas de réponse dans le délai"));
            }
            var answered = ntp.stream().filter(answer -> answer.offsetMillis() != null)
                .sorted(Comparator.comparing(NtpAnswer::offsetMillis))
                .toList();
            // The median is one server's own measure (the lower one for an even count), so the record can name it.
            var offset = answered.isEmpty() ? null : answered.get((answered.size() - 1) / 2).offsetMillis();
            String clockReason = null;
            if (ntp.isEmpty()) {
                clockReason = "aucun serveur NTP configuré";
            }
            else if (answered.isEmpty()) {
                var failures = new ArrayList<String>();
                for (var answer : ntp) {
                    failures.add(answer.server() + " (" + answer.error() + ")");
                }
                clockReason = "aucun serveur NTP n'a donné l'heure en " + seconds(timeout.toMillis()) + " : "
                        + String.join(", ", failures);
            }

            var addresses = new ArrayList<InetAddress>();
            String dnsError = null;
            if (name == null) {
                dnsError = "l'adresse cible n'a pas de nom d'hôte";
            }
            else {
                try {
                    var found = await(resolved, deadline);
                    if (found == null) {
                        dnsError = "pas de réponse DNS pour " + name + " en " + seconds(timeout.toMillis());
                    }
                    else {
                        addresses.addAll(List.of(found));
                    }
                }
                catch (ExecutionException ex) {
                    dnsError = ex.getCause() instanceof UnknownHostException ? "hôte inconnu : " + name
                            : "résolution de " + name + " impossible : " + ex.getCause();
                }
            }

            String[] ip;
            if (publicIpService == null) {
                ip = new String[] { "inconnue", "non demandée (aucun service configuré)" };
            }
            else {
                try {
                    ip = await(publicIp, deadline);
                }
                catch (ExecutionException ex) {
                    ip = new String[] { "inconnue", "erreur en interrogeant " + publicIpService + " : " + ex.getCause() };
                }
                if (ip == null) {
                    ip = new String[] { "inconnue", "pas de réponse de " + publicIpService + " en " + seconds(timeout.toMillis()) };
                }
            }

            return new Result(at, ntp, answered.isEmpty() ? "INCONNU" : "MESURE", offset, clockReason,
                    localIp(addresses, port(target)), ip[0], ip[1], dnsResolvers(),
                    name, addresses.stream().map(InetAddress::getHostAddress).distinct().toList(), dnsError,
                    proxies(System.getenv(), System.getProperties()));
        }
        finally {
            executor.shutdownNow();
        }
    }

    /**
     * The proxy settings among these environment variables (both cases) and Java system properties, only those set,
     * with any password replaced by "***".
     */
    public static Map<String, String> proxies(Map<String, String> environment, Properties properties) {
        var proxies = new LinkedHashMap<String, String>();
        for (var variable : PROXY_VARIABLES) {
            var value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                proxies.put(variable, PROXY_PASSWORD.matcher(value.strip()).replaceFirst("$1:***@"));
            }
        }
        for (var property : PROXY_PROPERTIES) {
            var value = properties.getProperty(property);
            if (value != null && !value.isBlank()) {
                proxies.put(property, value.strip());
            }
        }
        return proxies;
    }

    /** One SNTP exchange (RFC 4330): a client packet carrying our transmit time, one answer, or the reason why not. */
    private NtpAnswer ask(String server, long deadline) {
        var host = host(server);
        int port;
        try {
            port = port(server);
        }
        catch (NumberFormatException ex) {
            return new NtpAnswer(server, null, null, null, null, "port invalide");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        }
        catch (UnknownHostException ex) {
            return new NtpAnswer(server, null, null, null, null, "hôte inconnu");
        }
        var where = address.getHostAddress();
        try (var socket = new DatagramSocket()) {
            // Connected, the socket only takes datagrams from the server, and the kernel reports a closed port.
            socket.connect(address, port);
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            var request = new byte[NTP_PACKET];
            request[0] = NTP_CLIENT;
            var sent = ntpTime(Instant.now());
            putLong(request, 40, sent);
            socket.send(new DatagramPacket(request, request.length));
            var reply = new DatagramPacket(new byte[512], 512);
            socket.receive(reply);
            var received = ntpTime(Instant.now());
            return read(server, where, reply.getData(), reply.getLength(), sent, received);
        }
        catch (SocketTimeoutException ex) {
            return new NtpAnswer(server, where, null, null, null, "pas de réponse");
        }
        catch (PortUnreachableException ex) {
            return new NtpAnswer(server, where, null, null, null, "port " + port + " fermé");
        }
        catch (IOException | UncheckedIOException ex) {
            return new NtpAnswer(server, where, null, null, null, "erreur réseau : " + ex.getMessage());
        }
    }

    /** Checks a server's packet and computes offset and round trip from T1 (sent), T2, T3 (in the packet), T4 (received). */
    private static NtpAnswer read(String server, String address, byte[] packet, int length, long sent, long received) {
        if (length < NTP_PACKET) {
            return refused(server, address, null, "paquet de " + length + " octets au lieu de " + NTP_PACKET);
        }
        var leap = (packet[0] >> 6) & 0b11;
        var mode = packet[0] & 0b111;
        var stratum = packet[1] & 0xff;
        if (mode != 4) {
            return refused(server, address, null, "mode " + mode + " au lieu de 4 (serveur)");
        }
        if (getLong(packet, 24) != sent) {
            return refused(server, address, stratum, "l'horodatage d'origine ne reprend pas notre horodatage d'émission");
        }
        if (stratum == 0) {
            return refused(server, address, stratum, "kiss-o'-death « " + kissCode(packet) + " » (strate 0)");
        }
        if (leap == 3 || stratum > 15) {
            return refused(server, address, stratum, "serveur non synchronisé (indicateur " + leap + ", strate " + stratum + ")");
        }
        var serverReceived = getLong(packet, 32);
        var serverSent = getLong(packet, 40);
        if (serverSent == 0) {
            return refused(server, address, stratum, "horodatage d'émission nul");
        }
        var offset = (nanos(serverReceived - sent) + nanos(serverSent - received)) / 2;
        var roundTrip = nanos(received - sent) - nanos(serverSent - serverReceived);
        return new NtpAnswer(server, address, Math.round(offset / 1e6), Math.round(roundTrip / 1e6), stratum, null);
    }

    private static NtpAnswer refused(String server, String address, Integer stratum, String why) {
        return new NtpAnswer(server, address, null, null, stratum, "réponse refusée : " + why);
    }

    /** The four ASCII letters a kiss-o'-death carries in its reference identifier (RATE, DENY…), or their hex. */
    private static String kissCode(byte[] packet) {
        var code = new String(packet, 12, 4, StandardCharsets.US_ASCII);
        return code.chars().allMatch(c -> c >= 'A' && c <= 'Z') ? code
                : java.util.HexFormat.of().formatHex(packet, 12, 16);
    }

    /**
     * An instant as an NTP timestamp: seconds since 1900 in the high 32 bits (wrapping in 2036, era 1, as RFC 4330
     * §3 allows), fraction of a second in the low 32.
     */
    private static long ntpTime(Instant instant) {
        var fraction = ((long) instant.getNano() << 32) / 1_000_000_000L;
        return ((instant.getEpochSecond() + NTP_TO_UNIX) << 32) | fraction;
    }

    /**
     * A difference of two NTP timestamps, in nanoseconds. Subtracting the raw 64-bit values gives a signed 32.32
     * fixed-point number that stays right across the 2036 wrap for differences under 68 years.
     */
    private static long nanos(long difference) {
        return (difference >> 32) * 1_000_000_000L + (((difference & 0xffff_ffffL) * 1_000_000_000L) >>> 32);
    }

    private static void putLong(byte[] bytes, int at, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[at + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static long getLong(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at + i] & 0xff);
        }
        return value;
    }

    /** The host of "host", "host:port" or "[v6]:port"; a bare IPv6 address (several colons) is all host. */
    private static String host(String server) {
        if (server.startsWith("[")) {
            var end = server.indexOf(']');
            return end < 0 ? server : server.substring(1, end);
        }
        var colon = server.indexOf(':');
        return colon < 0 || colon != server.lastIndexOf(':') ? server : server.substring(0, colon);
    }

    private static int port(String server) {
        String port = null;
        if (server.startsWith("[")) {
            var end = server.indexOf(']');
            if (end >= 0 && server.startsWith(":", end + 1)) {
                port = server.substring(end + 2);
            }
        }
        else if (server.indexOf(':') >= 0 && server.indexOf(':') == server.lastIndexOf(':')) {
            port = server.substring(server.indexOf(':') + 1);
        }
        if (port == null) {
            return NTP_PORT;
        }
        var number = Integer.parseInt(port);
        if (number < 1 || number > 65535) {
            throw new NumberFormatException(port);
        }
        return number;
    }

    /** The public IP and null, or "inconnue" and why. */
    private String[] publicIp() {
        var scheme = publicIpService.getScheme() == null ? "" : publicIpService.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new String[] { "inconnue", "service d'adresse publique invalide (http ou https attendu) : " + publicIpService };
        }
        var http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            var response = http.send(HttpRequest.newBuilder(publicIpService).timeout(timeout).header("Accept", "text/plain")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (var in = response.body()) {
                body = in.readNBytes(MAX_IP_ANSWER + 1);
            }
            if (response.statusCode() != 200) {
                return new String[] { "inconnue", publicIpService + " a répondu HTTP " + response.statusCode() };
            }
            var text = new String(body, StandardCharsets.UTF_8).strip();
            if (body.length > MAX_IP_ANSWER || !isIpLiteral(text)) {
                var shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
                return new String[] { "inconnue", publicIpService + " n'a pas répondu une adresse IP mais « "
                        + shown.replaceAll("\\p{Cntrl}", " ") + " »" };
            }
            return new String[] { text, null };
        }
        catch (HttpTimeoutException ex) {
            return new String[] { "inconnue", "pas de réponse de " + publicIpService + " en " + seconds(timeout.toMillis()) };
        }
        catch (ConnectException ex) {
            return new String[] { "inconnue", "connexion impossible à " + publicIpService };
        }
        catch (IOException ex) {
            return new String[] { "inconnue", "erreur réseau en interrogeant " + publicIpService + " : " + ex };
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new String[] { "inconnue", "interrompu en interrogeant " + publicIpService };
        }
    }

    /** An IPv4 dotted quad or an IPv6 address, checked without ever asking DNS. */
    private static boolean isIpLiteral(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!IPV6_CANDIDATE.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    /** The local address the OS would route from to reach the target: a connected UDP socket sends nothing. */
    private static String localIp(List<InetAddress> targets, int port) {
        for (var target : targets) {
            try (var socket = new DatagramSocket()) {
                socket.connect(target, port);
                var local = socket.getLocalAddress();
                if (local != null && !local.isAnyLocalAddress()) {
                    return local.getHostAddress();
                }
            }
            catch (IOException | UncheckedIOException ex) {
                // No route to this address: try the next one.
            }
        }
        return "inconnue";
    }

    private static int port(URI target) {
        if (target == null) {
            return 443;
        }
        if (target.getPort() > 0) {
            return target.getPort();
        }
        return "http".equalsIgnoreCase(target.getScheme()) ? 80 : 443;
    }

    /** The nameserver lines of /etc/resolv.conf; none when there is no such file. */
    private static List<String> dnsResolvers() {
        List<String> lines;
        try {
            lines = Files.readAllLines(RESOLV_CONF);
        }
        catch (IOException | UncheckedIOException ex) {
            return List.of();
        }
        var resolvers = new ArrayList<String>();
        for (var line : lines) {
            var words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("nameserver")) {
                resolvers.add(words[1]);
            }
        }
        return resolvers;
    }

    /** The task's value, or null when it has not finished by the deadline (plus a grace); it is then cancelled. */
    private static <T> T await(Future<T> task, long deadline) throws ExecutionException {
        try {
            return task.get(Math.max(0, deadline + GRACE_NANOS - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException ex) {
            task.cancel(true);
            return null;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return null;
        }
    }

    /** Milliseconds as French seconds: "1 s", "0,5 s", "3,2 s". */
    private static String seconds(long millis) {
        var text = String.format(Locale.FRANCE, "%.1f", millis / 1000.0);
        return (text.endsWith(",0") ? text.substring(0, text.length() - 2) : text) + " s";
    }

}
