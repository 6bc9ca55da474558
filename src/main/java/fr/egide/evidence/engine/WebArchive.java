package fr.egide.evidence.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP record of a capture as a WACZ 1.1.1 file that ReplayWeb.page can replay, and its offline verification.
 * <p>
 * Layout and manifests follow the WACZ 1.1.1 specification (webrecorder/specs {@code wacz/1.1.1/index.md}):
 * {@code archive/data.warc.gz} (WARC 1.1, one gzip member per record, stored in the ZIP without recompression so
 * replay can read a record by offset), {@code indexes/index.cdx} (CDXJ as in pywb: SURT key, 14-digit timestamp,
 * JSON with url, mime, status, digest, length, offset and filename, sorted), {@code pages/pages.jsonl} (a
 * {@code json-pages-1.0} header line, then the captured page), {@code datapackage.json} (Frictionless data package:
 * profile, wacz_version, and every other file's path, {@code sha256:} hash and size) and
 * {@code datapackage-digest.json} (the hash of datapackage.json).
 * <p>
 * Every record carries {@code WARC-Block-Digest}, and every response {@code WARC-Payload-Digest}, as
 * {@code sha256:} followed by lower-case hex: the same encoding as the WACZ manifests and the CDXJ {@code digest}
 * field, so one tool ({@code sha256sum}) checks them all. The verifier also accepts the base32 and other encodings
 * other tools write.
 * <p>
 * Bodies handed over by a browser are already decoded. Storing them under the server's {@code Content-Encoding} or
 * {@code Transfer-Encoding} would make each record a false HTTP message that no replay tool could read, so those
 * headers are renamed {@code X-Egide-Original-Content-Encoding} and {@code X-Egide-Original-Transfer-Encoding},
 * and {@code Content-Length} is set to the body as stored (the server's value kept as
 * {@code X-Egide-Original-Content-Length} when it differs). Requests and responses spoken over HTTP/2 or HTTP/3 are
 * written as HTTP/1.1 messages, pseudo-headers dropped; the protocol actually spoken is kept in the metadata record
 * ({@code http-protocol}) next to the TLS session and the certificate chain. Plain Java.
 */
public final class WebArchive {

    public static final String WARC = "archive/data.warc.gz";

    public static final String INDEX = "indexes/index.cdx";

    public static final String PAGES = "pages/pages.jsonl";

    public static final String DATAPACKAGE = "datapackage.json";

    public static final String DATAPACKAGE_DIGEST = "datapackage-digest.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DateTimeFormatter CDX_TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private static final String SEPARATOR = " › ";

    private WebArchive() {
    }

    /** One verification of a WACZ: what was checked, whether it passed, and a French explanation. */
    public record Finding(String subject, boolean passed, String detail) {
    }

    /**
     * Writes the exchanges as a WACZ.
     *
     * @param pageUrl the captured page, the entry point for replay
     * @param pageTitle null when the page has none
     * @param software the capturing software and its version, recorded in warcinfo and datapackage.json
     */
    public static void writeWacz(List<Exchange> exchanges, String pageUrl, String pageTitle, Instant capturedAt, String software,
            Path wacz) throws IOException {
        var warc = new ByteArrayOutputStream();
        var index = new ArrayList<String>();
        try (var writer = new WarcWriter(Channels.newChannel(warc), WarcCompression.GZIP)) {
            var warcinfo = warcinfo(software, capturedAt);
            writer.write(warcinfo);
            for (var exchange : exchanges) {
                write(writer, exchange, warcinfo.id(), index);
            }
        }
        index.sort(null);
        var files = new LinkedHashMap<String, byte[]>();
        files.put(WARC, warc.toByteArray());
        files.put(INDEX, String.join("", index).getBytes(StandardCharsets.UTF_8));
        files.put(PAGES, pages(pageUrl, pageTitle, capturedAt));
        var resources = new ArrayList<Map<String, Object>>();
        for (var file : files.entrySet()) {
            var resource = new LinkedHashMap<String, Object>();
            resource.put("name", file.getKey().substring(file.getKey().lastIndexOf('/') + 1));
            resource.put("path", file.getKey());
            resource.put("hash", "sha256:" + Digests.sha256Hex(file.getValue()));
            resource.put("bytes", file.getValue().length);
            resources.add(resource);
        }
        var datapackage = new LinkedHashMap<String, Object>();
        datapackage.put("profile", "data-package");
        datapackage.put("wacz_version", "1.1.1");
        datapackage.put("title", pageTitle == null || pageTitle.isBlank() ? "Capture Égide de " + pageUrl : "Capture Égide : " + pageTitle);
        datapackage.put("created", Instant.now().toString());
        datapackage.put("software", software);
        datapackage.put("mainPageUrl", pageUrl);
        datapackage.put("mainPageDate", capturedAt.toString());
        datapackage.put("resources", resources);
        var datapackageBytes = JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(datapackage);
        files.put(DATAPACKAGE, datapackageBytes);
        var digest = new LinkedHashMap<String, Object>();
        digest.put("path", DATAPACKAGE);
        digest.put("hash", "sha256:" + Digests.sha256Hex(datapackageBytes));
        files.put(DATAPACKAGE_DIGEST, JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(digest));
        try (var zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            for (var file : files.entrySet()) {
                var entry = new ZipEntry(file.getKey());
                entry.setTime(capturedAt.toEpochMilli());
                if (file.getKey().startsWith("archive/")) {
                    // Stored, never deflated: replay reads a record by its offset inside the entry.
                    var crc = new CRC32();
                    crc.update(file.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(file.getValue().length);
                    entry.setCompressedSize(file.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
    }

    private static Warcinfo warcinfo(String software, Instant capturedAt) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("software", software);
        fields.put("format", "WARC File Format 1.1");
        fields.put("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/");
        fields.put("description", "Capture Égide");
        var body = warcFields(fields, List.of());
        return new Warcinfo.Builder().version(MessageVersion.WARC_1_1)
            .date(capturedAt)
            .filename(WARC.substring(WARC.lastIndexOf('/') + 1))
            .body(MediaType.WARC_FIELDS, body)
            .setHeader("WARC-Block-Digest", digest(body))
            .build();
    }

    private static void write(WarcWriter writer, Exchange exchange, URI warcinfoId, List<String> index)
            throws IOException {
        var responded = exchange.status() > 0;
        var responseId = UUID.randomUUID();
        var request = requestMessage(exchange);
        var requestRecord = new WarcRequest.Builder(exchange.url()).version(MessageVersion.WARC_1_1)
            .date(exchange.startedAt())
            .warcinfoId(warcinfoId)
            .body(MediaType.HTTP_REQUEST, request)
            .setHeader("WARC-Block-Digest", digest(request));
        if (responded) {
            requestRecord.concurrentTo(URI.create("urn:uuid:" + responseId));
        }
        ip(exchange).ifPresent(ip -> requestRecord.setHeader("WARC-IP-Address", ip));
        var requestWarc = requestRecord.build();
        writer.write(requestWarc);
        var related = requestWarc.id();
        if (responded) {
            var body = exchange.body() == null ? new byte[0] : exchange.body();
            var response = responseMessage(exchange, body);
            var builder = new WarcResponse.Builder(exchange.url()).version(MessageVersion.WARC_1_1)
                .recordId(responseId)
                .date(exchange.startedAt())
                .warcinfoId(warcinfoId)
                .body(MediaType.HTTP_RESPONSE, response)
                .setHeader("WARC-Block-Digest", digest(response))
                .setHeader("WARC-Payload-Digest", digest(body));
            ip(exchange).ifPresent(ip -> builder.setHeader("WARC-IP-Address", ip));
            if (exchange.truncated() != null) {
                builder.setHeader("WARC-Truncated", truncation(exchange.truncated()));
            }
            var offset = writer.position();
            writer.write(builder.build());
            index.add(cdxj(exchange, body, offset, writer.position() - offset));
            related = URI.create("urn:uuid:" + responseId);
        }
        var metadata = metadata(exchange);
        writer.write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1)
            .targetURI(exchange.url())
            .date(exchange.startedAt())
            .warcinfoId(warcinfoId)
            .concurrentTo(related)
            .body(MediaType.WARC_FIELDS, metadata)
            .setHeader("WARC-Block-Digest", digest(metadata))
            .build());
    }

    private static byte[] requestMessage(Exchange exchange) {
        var head = new StringBuilder();
        head.append(exchange.method()).append(' ').append(requestTarget(exchange.url())).append(' ')
            .append(httpVersion(exchange.protocol())).append("\r\n");
        var headers = exchange.requestHeaders() == null ? List.<Exchange.Header>of() : exchange.requestHeaders();
        var authority = headers.stream().filter(h -> h.name().equalsIgnoreCase(":authority")).map(Exchange.Header::value).findFirst();
        if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Host"))) {
            head.append("Host: ").append(authority.orElse(authority(exchange.url()))).append("\r\n");
        }
        for (var header : headers) {
            if (!header.name().startsWith(":")) {
                appendHeader(head, header.name(), header.value());
            }
        }
        var body = exchange.requestBody();
        if (body != null && headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Length"))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] responseMessage(Exchange exchange, byte[] body) {
        var head = new StringBuilder();
        var reason = exchange.statusText() == null || exchange.statusText().isBlank() ? reason(exchange.status())
                : exchange.statusText();
        head.append(httpVersion(exchange.protocol())).append(' ').append(exchange.status()).append(' ').append(oneLine(reason))
            .append("\r\n");
        var headers = exchange.responseHeaders() == null ? List.<Exchange.Header>of() : exchange.responseHeaders();
        var bodiless = "HEAD".equalsIgnoreCase(exchange.method()) || exchange.status() == 204 || exchange.status() == 304
                || exchange.status() < 200;
        var encoded = headers.stream()
            .anyMatch(h -> h.name().equalsIgnoreCase("Content-Encoding") || h.name().equalsIgnoreCase("Transfer-Encoding"));
        var declared = headers.stream().filter(h -> h.name().equalsIgnoreCase("Content-Length")).map(Exchange.Header::value).toList();
        var lengthDiffers = declared.stream().anyMatch(value -> !value.trim().equals(String.valueOf(body.length)));
        var setLength = !bodiless && (encoded || lengthDiffers);
        for (var header : headers) {
            var name = header.name();
            if (name.startsWith(":")) {
                continue;
            }
            if (name.equalsIgnoreCase("Content-Encoding")) {
                name = "X-Egide-Original-Content-Encoding";
            }
            else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                name = "X-Egide-Original-Transfer-Encoding";
            }
            else if (setLength && name.equalsIgnoreCase("Content-Length")) {
                if (!lengthDiffers) {
                    continue;
                }
                name = "X-Egide-Original-Content-Length";
            }
            appendHeader(head, name, header.value());
        }
        if (setLength) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] metadata(Exchange exchange) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("started-at", exchange.startedAt().toString());
        fields.put("http-protocol", exchange.protocol());
        fields.put("remote-ip", exchange.remoteIp());
        fields.put("remote-port", exchange.remotePort() == null ? null : exchange.remotePort().toString());
        fields.put("mime-type", exchange.mimeType());
        if (exchange.status() <= 0) {
            fields.put("failure", exchange.truncated() == null ? "no response" : exchange.truncated());
        }
        else {
            fields.put("truncated", exchange.truncated());
        }
        var certificates = new ArrayList<String>();
        var tls = exchange.tls();
        if (tls != null) {
            fields.put("tls-protocol", tls.protocol());
            fields.put("tls-cipher", tls.cipher());
            fields.put("tls-key-exchange", tls.keyExchange());
            fields.put("tls-subject", tls.subject());
            fields.put("tls-issuer", tls.issuer());
            fields.put("tls-valid-from", tls.validFrom() == null ? null : tls.validFrom().toString());
            fields.put("tls-valid-to", tls.validTo() == null ? null : tls.validTo().toString());
            if (tls.subjectAlternativeNames() != null && !tls.subjectAlternativeNames().isEmpty()) {
                fields.put("tls-san", String.join(", ", tls.subjectAlternativeNames()));
            }
            if (tls.chain() != null) {
                for (var certificate : tls.chain()) {
                    certificates.add(certificate.subject() + " | " + certificate.issuer() + " | " + certificate.notBefore() + " | "
                            + certificate.notAfter() + " | " + certificate.sha256Fingerprint());
                }
            }
        }
        return warcFields(fields, certificates);
    }

    private static byte[] warcFields(Map<String, String> fields, List<String> certificates) {
        var text = new StringBuilder();
        fields.forEach((name, value) -> {
            if (value != null) {
                appendHeader(text, name, value);
            }
        });
        certificates.forEach(certificate -> appendHeader(text, "tls-certificate", certificate));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cdxj(Exchange exchange, byte[] body, long offset, long length) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("url", exchange.url());
        fields.put("mime", mime(exchange));
        fields.put("status", String.valueOf(exchange.status()));
        fields.put("digest", digest(body));
        fields.put("length", String.valueOf(length));
        fields.put("offset", String.valueOf(offset));
        fields.put("filename", WARC.substring(WARC.lastIndexOf('/') + 1));
        return surt(exchange.url()) + " " + CDX_TIMESTAMP.format(exchange.startedAt()) + " " + JSON.writeValueAsString(fields) + "\n";
    }

    private static byte[] pages(String pageUrl, String pageTitle, Instant capturedAt) {
        var header = new LinkedHashMap<String, Object>();
        header.put("format", "json-pages-1.0");
        header.put("id", "pages");
        header.put("title", "Pages");
        var page = new LinkedHashMap<String, Object>();
        page.put("id", Digests.sha256Hex((pageUrl + " " + capturedAt).getBytes(StandardCharsets.UTF_8)).substring(0, 16));
        page.put("url", pageUrl);
        page.put("ts", capturedAt.toString());
        if (pageTitle != null) {
            page.put("title", pageTitle);
        }
        return (JSON.writeValueAsString(header) + "\n" + JSON.writeValueAsString(page) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Verifies a WACZ offline: datapackage-digest.json against datapackage.json, every listed file's SHA-256 and size,
     * files present but not listed, and in every WARC each record's block digest and each response's payload digest.
     * Failures name the file and the record in French; passing checks are summarised. Never throws on a damaged
     * archive: that is a failing finding.
     *
     * @param name how the WACZ is named in the findings, e.g. its path inside the bundle
     */
    public static List<Finding> verify(InputStream wacz, String name) throws IOException {
        var findings = new ArrayList<Finding>();
        var copy = Files.createTempFile("egide-wacz-", ".zip");
        try {
            try {
                Files.copy(wacz, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException ex) {
                findings.add(new Finding(name, false, "archive WACZ illisible : " + ex.getMessage()));
                return findings;
            }
            try (var zip = new ZipFile(copy.toFile())) {
                verify(zip, name, findings);
            }
            catch (IOException | RuntimeException ex) {
                findings.add(new Finding(name, false, "archive WACZ illisible : " + ex.getMessage()));
            }
            return findings;
        }
        finally {
            Files.deleteIfExists(copy);
        }
    }

    private static void verify(ZipFile zip, String name, List<Finding> findings) throws IOException {
        var paths = zip.stream().filter(entry -> !entry.isDirectory()).map(ZipEntry::getName).sorted().toList();
        var datapackageBytes = read(zip, DATAPACKAGE);
        if (datapackageBytes == null) {
            findings.add(new Finding(name + SEPARATOR + DATAPACKAGE, false,
                    "datapackage.json absent : rien ne dit ce que contenait l'archive"));
        }
        else {
            verifyDatapackage(zip, name, datapackageBytes, paths, findings);
        }
        for (var path : paths) {
            if (path.startsWith("archive/") && (path.endsWith(".warc") || path.endsWith(".warc.gz"))) {
                try (var in = zip.getInputStream(zip.getEntry(path))) {
                    verifyWarc(in, name + SEPARATOR + path, findings);
                }
            }
        }
    }

    private static void verifyDatapackage(ZipFile zip, String name, byte[] datapackageBytes, List<String> paths,
            List<Finding> findings) throws IOException {
        var subject = name + SEPARATOR + DATAPACKAGE;
        var digestBytes = read(zip, DATAPACKAGE_DIGEST);
        if (digestBytes != null) {
            try {
                var hash = JSON.readTree(digestBytes).path("hash").asString("");
                if (!hash.equalsIgnoreCase("sha256:" + Digests.sha256Hex(datapackageBytes))) {
                    findings.add(new Finding(subject, false,
                            "datapackage.json modifié : son empreinte n'est plus celle de datapackage-digest.json"));
                }
            }
            catch (RuntimeException ex) {
                findings.add(new Finding(name + SEPARATOR + DATAPACKAGE_DIGEST, false, "datapackage-digest.json illisible"));
            }
        }
        JsonNode resources;
        try {
            resources = JSON.readTree(datapackageBytes).path("resources");
        }
        catch (RuntimeException ex) {
            findings.add(new Finding(subject, false, "datapackage.json illisible"));
            return;
        }
        var listed = new HashSet<String>();
        int conforming = 0;
        var failed = false;
        for (var resource : resources) {
            var path = resource.path("path").asString("");
            listed.add(path);
            var resourceSubject = name + SEPARATOR + path;
            var hash = resource.path("hash").asString("");
            try (var in = zip.getEntry(path) == null ? null : zip.getInputStream(zip.getEntry(path))) {
                if (in == null) {
                    findings.add(new Finding(resourceSubject, false, "fichier répertorié dans datapackage.json mais absent"));
                    failed = true;
                    continue;
                }
                if (!hash.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
                    findings.add(new Finding(resourceSubject, false, "empreinte absente ou d'un algorithme non vérifié : " + hash));
                    failed = true;
                    continue;
                }
                var actual = Digests.sha256(in);
                if (!hash.substring("sha256:".length()).equalsIgnoreCase(actual.hex())) {
                    findings.add(new Finding(resourceSubject, false,
                            "fichier modifié : son empreinte SHA-256 n'est plus celle de datapackage.json"));
                    failed = true;
                }
                else if (resource.has("bytes") && resource.path("bytes").asLong(-1) != actual.size()) {
                    findings.add(new Finding(resourceSubject, false, "fichier modifié : sa taille n'est plus celle de datapackage.json"));
                    failed = true;
                }
                else {
                    conforming++;
                }
            }
        }
        for (var path : paths) {
            if (!listed.contains(path) && !path.equals(DATAPACKAGE) && !path.equals(DATAPACKAGE_DIGEST)) {
                findings.add(new Finding(name + SEPARATOR + path, false, "fichier absent de datapackage.json (ajouté après coup ?)"));
                failed = true;
            }
        }
        if (!failed) {
            findings.add(new Finding(subject, true,
                    conforming + " fichiers répertoriés, empreintes SHA-256 et tailles conformes"
                            + (digestBytes == null ? " (pas de datapackage-digest.json)" : ", datapackage-digest.json conforme")));
        }
    }

    private static void verifyWarc(InputStream in, String subject, List<Finding> findings) {
        int records = 0;
        int undigested = 0;
        var failed = false;
        try (var reader = new WarcReader(in)) {
            var next = reader.next();
            while (next.isPresent()) {
                var record = next.get();
                records++;
                var label = subject + SEPARATOR + label(record);
                var block = record.body().stream().readAllBytes();
                var blockDigest = record.blockDigest();
                if (blockDigest.isEmpty()) {
                    undigested++;
                }
                else if (!matches(blockDigest.get(), block)) {
                    findings.add(new Finding(label, false, "empreinte du bloc différente : l'enregistrement a été modifié"));
                    failed = true;
                }
                if (record instanceof WarcResponse || record instanceof WarcResource) {
                    var payloadDigest = ((WarcTargetRecord) record).payloadDigest();
                    if (payloadDigest.isPresent() && !payloadMatches(payloadDigest.get(), block, record instanceof WarcResponse)) {
                        findings.add(new Finding(label, false, "empreinte du contenu différente : le corps de la réponse a été modifié"));
                        failed = true;
                    }
                }
                next = reader.next();
            }
        }
        catch (IOException | RuntimeException ex) {
            findings.add(new Finding(subject, false, "fichier WARC illisible après " + records + " enregistrements : " + ex.getMessage()));
            return;
        }
        if (records == 0) {
            findings.add(new Finding(subject, false, "fichier WARC vide"));
        }
        else if (!failed) {
            findings.add(new Finding(subject, true, records + " enregistrements, empreintes conformes"
                    + (undigested == 0 ? "" : " (" + undigested + " sans empreinte propre, couverts par celle du fichier)")));
        }
    }

    private static boolean payloadMatches(WarcDigest declared, byte[] block, boolean http) throws IOException {
        if (!http) {
            return matches(declared, block);
        }
        var headerEnd = indexOf(block, new byte[] { '\r', '\n', '\r', '\n' });
        var payload = headerEnd < 0 ? new byte[0] : Arrays.copyOfRange(block, headerEnd + 4, block.length);
        if (matches(declared, payload)) {
            return true;
        }
        // Other tools digest a chunked payload once de-chunked.
        try {
            var decoded = HttpResponse.parse(Channels.newChannel(new ByteArrayInputStream(block))).body().stream().readAllBytes();
            return matches(declared, decoded);
        }
        catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    private static boolean matches(WarcDigest declared, byte[] content) {
        try {
            return MessageDigest.isEqual(declared.getDigester().digest(content), declared.bytes());
        }
        catch (NoSuchAlgorithmException | RuntimeException ex) {
            return false;
        }
    }

    private static String label(WarcRecord record) {
        var type = switch (record.type()) {
            case "request" -> "requête";
            case "response" -> "réponse";
            case "metadata" -> "métadonnées";
            case "resource" -> "ressource";
            case "revisit" -> "revisite";
            case "conversion" -> "conversion";
            default -> record.type();
        };
        if (record instanceof WarcTargetRecord target) {
            return type + " " + target.target();
        }
        return type + " " + record.id();
    }

    private static byte[] read(ZipFile zip, String path) throws IOException {
        var entry = zip.getEntry(path);
        if (entry == null || entry.isDirectory()) {
            return null;
        }
        try (var in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static String digest(byte[] bytes) {
        return "sha256:" + Digests.sha256Hex(bytes);
    }

    private static Optional<String> ip(Exchange exchange) {
        var ip = exchange.remoteIp();
        if (ip == null || ip.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip);
    }

    private static String truncation(String reason) {
        var lower = reason.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "length", "time", "disconnect", "unspecified" -> lower;
            default -> "unspecified";
        };
    }

    private static String mime(Exchange exchange) {
        if (exchange.mimeType() != null && !exchange.mimeType().isBlank()) {
            return exchange.mimeType();
        }
        return exchange.responseHeaders() == null ? "unk"
                : exchange.responseHeaders().stream().filter(h -> h.name().equalsIgnoreCase("Content-Type"))
                    .map(h -> h.value().split(";")[0].trim().toLowerCase(Locale.ROOT))
                    .findFirst()
                    .orElse("unk");
    }

    /**
     * The CDXJ key as ReplayWeb.page computes it when it looks a URL up (warcio.js {@code getSurt}): lower case, no
     * leading {@code www.}, host labels reversed, no default port, the path as is (trailing slash kept), query
     * parameters sorted by name.
     */
    public static String surt(String url) {
        var lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return url;
        }
        var noFragment = lower.contains("#") ? lower.substring(0, lower.indexOf('#')) : lower;
        var authority = authority(noFragment);
        var host = authority;
        var port = "";
        var colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        if (port.equals(lower.startsWith("https") ? "443" : "80")) {
            port = "";
        }
        host = host.replaceFirst("^www\\d*\\.", "");
        var labels = Arrays.asList(host.split("\\."));
        Collections.reverse(labels);
        var key = new StringBuilder(String.join(",", labels));
        if (!port.isEmpty()) {
            key.append(':').append(port);
        }
        key.append(')');
        var target = requestTarget(noFragment);
        var question = target.indexOf('?');
        if (question < 0) {
            return key.append(target).toString();
        }
        key.append(target, 0, question);
        var query = target.substring(question + 1);
        if (!query.isEmpty()) {
            var parameters = new ArrayList<>(Arrays.asList(query.split("&")));
            parameters.sort(Comparator.comparing(parameter -> parameter.split("=", 2)[0]));
            key.append('?').append(String.join("&", parameters));
        }
        return key.toString();
    }

    /** HTTP/2 and HTTP/3 have no text form: their messages are written as HTTP/1.1, the protocol kept in metadata. */
    private static String httpVersion(String protocol) {
        return "http/1.0".equalsIgnoreCase(protocol) ? "HTTP/1.0" : "HTTP/1.1";
    }

    /** Path and query of a URL, without parsing it strictly: browsers send URLs that java.net.URI refuses. */
    static String requestTarget(String url) {
        var noFragment = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
        var scheme = noFragment.indexOf("://");
        var start = scheme < 0 ? 0 : scheme + 3;
        for (int i = start; i < noFragment.length(); i++) {
            var c = noFragment.charAt(i);
            if (c == '/') {
                return noFragment.substring(i);
            }
            if (c == '?') {
                return "/" + noFragment.substring(i);
            }
        }
        return "/";
    }

    static String authority(String url) {
        var scheme = url.indexOf("://");
        var start = scheme < 0 ? 0 : scheme + 3;
        var end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        var authority = url.substring(start, end);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    private static void appendHeader(StringBuilder text, String name, String value) {
        text.append(oneLine(name)).append(": ").append(oneLine(value)).append("\r\n");
    }

    /** A header value on one line: a line break inside it would forge another header. */
    private static String oneLine(String value) {
        return value == null ? "" : value.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    private static byte[] concat(byte[] head, byte[] body) {
        if (body == null || body.length == 0) {
            return head;
        }
        var all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "Non-Authoritative Information";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 451 -> "Unavailable For Legal Reasons";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }

}
