package fr.egide.system;

import static org.assertj.core.api.Assertions.assertThat;

import fr.egide.Browser;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.cases.Dossiers;
import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A hostile-input pass over the whole API, found from its OpenAPI description so a new endpoint is covered too:
 * malformed JSON, wrong content types, oversized bodies, SQL and script injection strings (and a NUL byte, which
 * PostgreSQL refuses in text) in every text field and query parameter, and hostile uploads (path traversal in file
 * names, a file that is not what it claims, malformed CSV). Each gets a clear answer — never a 500, a 4xx is a
 * problem in French without internals — and a refusal stores nothing (the row counts of every table are unchanged).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.servlet.multipart.max-file-size=2MB")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> HOSTILE = List.of("'; DROP TABLE monitoring_mention; --", "\" OR 1=1 --",
            "<script>alert('égide')</script>", "../../../../etc/passwd", "nul\u0000octet", "\u202Egnp.exe", "%00%27%22");

    /** Tables a refused request may still touch: the event registry, logs of attempts and the audit trail. */
    static final Pattern MAY_CHANGE = Pattern.compile("event_publication.*|.*audit.*|.*attempt.*|.*lockout.*|.*throttl.*|scheduled_tasks");

    /** Tables written in the background after an accepted request (the analysis of a new mention, its alerts). */
    static final Pattern BACKGROUND = Pattern.compile("analysis_.*|alerts_.*|monitoring_mention_label.*|evidence_.*|cases_.*");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    EgideUser user;

    String token;

    UUID cabinet;

    UUID mention;

    UUID dossier;

    @BeforeAll
    void seed() throws Exception {
        user = TestAccounts.create(context, "Dr Hostile");
        token = TestAccounts.token(context, user);
        TestAccounts.signIn(context, user);
        try {
            cabinet = context.getBean(PracticeManagement.class)
                .createCabinet(new CabinetForm("Cabinet des entrées hostiles", "1 rue Imaginaire", "75011", "Paris"))
                .id();
            var text = "Attente trop longue et accueil froid. " + UUID.randomUUID();
            context.getBean(Mentions.class).addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(),
                    "Jean D.", 2, text, "2026-11-20"));
            mention = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and text = ?").params(cabinet, text).query(UUID.class).single();
            var analyses = context.getBean(MentionAnalyses.class);
            var deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (true) {
                try {
                    analyses.ofMention(mention);
                    break;
                }
                catch (NotFoundException notYet) {
                    assertThat(System.nanoTime()).as("analyse jamais faite").isLessThan(deadline);
                    Thread.sleep(100);
                }
            }
            dossier = context.getBean(Dossiers.class).open(cabinet, List.of(mention), null, "Dossier des entrées hostiles").id();
        }
        finally {
            TestAccounts.signOut();
        }
    }

    record Operation(String method, String path, JsonNode operation) {

        @Override
        public String toString() {
            return method + " " + path;
        }

    }

    List<Operation> operations() throws Exception {
        var docs = JSON.readTree(send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET(), false).body());
        var found = new ArrayList<Operation>();
        for (var path : docs.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                found.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), method.getValue()));
            }
        }
        assertThat(found).as("opérations de l'API").hasSizeGreaterThan(40);
        this.docs = docs;
        return found;
    }

    JsonNode docs;

    /** The path with real ids of the caller's cabinet where the kind of object is known, random ones elsewhere. */
    String concrete(String path) {
        var result = path.replace("{cabinetId}", cabinet.toString()).replace("{month}", "2026-11");
        result = result.replaceAll("/cabinets/\\{id}", "/cabinets/" + cabinet)
            .replaceAll("/mentions/\\{id}", "/mentions/" + mention)
            .replaceAll("/dossiers/\\{id}", "/dossiers/" + dossier);
        return result.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    @Test
    void everyJsonBodyRefusesMalformedJsonWrongTypesAndOversizedBodiesClearlyAndStoresNothing() throws Exception {
        var checked = 0;
        for (var op : operations()) {
            var content = op.operation().path("requestBody").path("content");
            if (!content.has("application/json")) {
                continue;
            }
            var path = concrete(op.path());
            expectRefusal(op, "JSON mal formé", request(op.method(), path, "application/json", "{\"texte\": \"sans fin"));
            expectRefusal(op, "JSON tronqué", request(op.method(), path, "application/json", "[1, 2,"));
            expectRefusal(op, "mauvais type de contenu", request(op.method(), path, "text/plain", "bonjour"));
            expectRefusal(op, "XML", request(op.method(), path, "application/xml", "<mention><texte>x</texte></mention>"));
            // 1.5 MB: over the 1 MB limit and under what Tomcat swallows (2 MB) before it closes a refused connection,
            // so that the client reads the answer; a larger body is refused the same way but its sender may only see
            // the connection closed.
            var huge = "{\"text\": \"" + "a".repeat(1536 * 1024) + "\"}";
            var tooBig = expectRefusal(op, "corps trop volumineux", request(op.method(), path, "application/json", huge));
            assertThat(tooBig.statusCode()).as(op + " : corps de 1,5 Mo").isEqualTo(413);
            checked++;
        }
        assertThat(checked).as("opérations avec un corps JSON").isGreaterThan(20);
    }

    @Test
    void injectionStringsInEveryTextFieldAndQueryParameterNeverBreakAnythingAndStayInert() throws Exception {
        var checked = 0;
        for (var op : operations()) {
            var path = concrete(op.path());
            for (var hostile : HOSTILE) {
                // Query parameters: each declared one set to the hostile string.
                var query = new StringBuilder();
                for (var parameter : op.operation().path("parameters")) {
                    if ("query".equals(parameter.path("in").asString())) {
                        query.append(query.isEmpty() ? "?" : "&")
                            .append(parameter.path("name").asString())
                            .append('=')
                            .append(URLEncoder.encode(hostile, StandardCharsets.UTF_8));
                    }
                }
                var content = op.operation().path("requestBody").path("content");
                if (content.has("application/json")) {
                    var body = example(content.path("application/json").path("schema"), hostile, 0);
                    answered(op, hostile, request(op.method(), path + query, "application/json", JSON.writeValueAsString(body)));
                    checked++;
                }
                else if (!query.isEmpty() && "GET".equals(op.method())) {
                    answered(op, hostile, request("GET", path + query, null, null));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        // The tables are all still there, and the SQL was stored (if at all) as text.
        assertThat(jdbc.sql("select count(*) from monitoring_mention where cabinet_id = ?").param(cabinet).query(Long.class).single()).isPositive();
    }

    @Test
    void aScriptInAReviewIsShownAsTextOnItsPage() throws Exception {
        var script = "<script>alert('égide')</script><img src=x onerror=alert(1)>";
        var created = request("POST", "/api/v1/cabinets/" + cabinet + "/mentions", "application/json", JSON.writeValueAsString(Map.of(
                "source", "Forum", "url", "https://forum.exemple.fr/sujet/" + UUID.randomUUID(), "author", script, "rating", 1,
                "text", "Avis piégé " + script, "date", "2026-11-21"))).response();
        assertThat(created.statusCode()).as(created.body()).isLessThan(300);
        var id = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and text like 'Avis piégé%'").param(cabinet).query(UUID.class).single();
        var browser = new Browser(port);
        browser.signIn(user);
        var page = browser.get("/mentions/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert('égide')</script>", "<img src=x onerror")
            .contains("&lt;script&gt;alert(&#39;égide&#39;)&lt;/script&gt;");

        // A NUL character typed into a web form: refused in French, nothing stored.
        var before = counts();
        var nul = browser.post("/mentions/nouvelle", false, "cabinetId", cabinet.toString(), "source", "Forum", "text", "nul\u0000octet",
                "date", "2026-11-21");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("Caractère nul refusé");
        assertThat(withoutBackground(counts())).isEqualTo(withoutBackground(before));
    }

    @Test
    void hostileUploadsAreRefusedOrStoredUnderASafeName() throws Exception {
        // Path traversal in the file name of an import: the report keeps a harmless name, nothing is written elsewhere.
        var csv = "source,url,author,rating,text,date\nGoogle,https://www.google.com/maps/avis/" + UUID.randomUUID()
                + ",Jean D.,2,Attente longue,2026-11-20\n";
        var traversal = multipart("/api/v1/imports?cabinetId=" + cabinet, "file", "../../../../tmp/egide-evil.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(traversal.statusCode()).as(traversal.body()).isLessThan(500);
        assertThat(JSON.readTree(traversal.body()).path("fileName").asString()).doesNotContain("/", "\\", "..");
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/egide-evil.csv"))).isFalse();

        // A PNG named .csv, and a CSV whose quote never closes: a failed import, recorded as such, with nothing stored.
        var before = counts();
        var png = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1 };
        var notCsv = multipart("/api/v1/imports?cabinetId=" + cabinet, "file", "avis.csv", "text/csv", png);
        assertThat(notCsv.statusCode()).as(notCsv.body()).isBetween(400, 499);
        assertThat(JSON.readTree(notCsv.body()).path("error").asString()).isNotBlank();
        var broken = multipart("/api/v1/imports?cabinetId=" + cabinet, "file", "avis.csv", "text/csv",
                "source,url,author,rating,text,date\nGoogle,https://g.co/x,\"Jean D.,2,texte sans fin,2026-11-20\n".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.statusCode()).as(broken.body()).isBetween(400, 499);
        assertUnchangedExceptImports(before);

        // A screenshot that is an executable, a traversal in its name, and one too large for the multipart limit.
        before = counts();
        var executable = multipart("/api/v1/dossiers/" + dossier + "/evidence/screenshots", "file", "capture.png", "image/png",
                "MZ\u0090\u0000 this is not an image".getBytes(StandardCharsets.ISO_8859_1));
        expectProblem(executable, "capture qui n'est pas une image");
        var tooLarge = multipart("/api/v1/dossiers/" + dossier + "/evidence/screenshots", "file", "capture.png", "image/png",
                new byte[3 * 1024 * 1024]);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        expectProblem(tooLarge, "capture trop volumineuse");
        assertThat(withoutBackground(counts())).isEqualTo(withoutBackground(before));
        var pngTraversal = multipart("/api/v1/dossiers/" + dossier + "/evidence/screenshots", "file", "../../../etc/cron.d/capture.png",
                "image/png", png);
        assertThat(pngTraversal.statusCode()).as(pngTraversal.body()).isLessThan(500);
        if (pngTraversal.statusCode() < 300) {
            assertThat(pngTraversal.body()).doesNotContain("../", "cron.d/");
        }
        // A multipart endpoint sent JSON instead.
        expectRefusal(new Operation("POST", "/api/v1/imports", JsonNodeFactory.instance.objectNode()), "JSON au lieu d'un fichier",
                request("POST", "/api/v1/imports?cabinetId=" + cabinet, "application/json", "{\"file\": \"avis.csv\"}"));
    }

    void assertUnchangedExceptImports(Map<String, Long> before) {
        var after = withoutBackground(counts());
        withoutBackground(before).forEach((table, count) -> {
            if (!table.startsWith("monitoring_import")) {
                assertThat(after.get(table)).as("lignes de " + table).isEqualTo(count);
            }
        });
    }

    /** A body for a schema, every free text set to the hostile string (enumerations keep a valid value). */
    JsonNode example(JsonNode schema, String hostile, int depth) {
        var nodes = JsonNodeFactory.instance;
        if (schema.has("$ref")) {
            var name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return depth > 6 ? nodes.nullNode() : example(docs.path("components").path("schemas").path(name), hostile, depth + 1);
        }
        if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
            var first = schema.has("allOf") ? schema.get("allOf") : schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
            return first.isEmpty() ? nodes.nullNode() : example(first.get(0), hostile, depth + 1);
        }
        var type = schema.path("type").asString("object");
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (type) {
            case "string": {
                return switch (schema.path("format").asString("")) {
                    case "uuid" -> nodes.stringNode(UUID.randomUUID().toString());
                    case "date" -> nodes.stringNode("2026-11-20");
                    case "date-time" -> nodes.stringNode("2026-11-20T10:00:00Z");
                    case "binary", "byte" -> nodes.stringNode("");
                    default -> nodes.stringNode(hostile);
                };
            }
            case "integer":
                return nodes.numberNode(1);
            case "number":
                return nodes.numberNode(1.5);
            case "boolean":
                return nodes.booleanNode(false);
            case "array": {
                ArrayNode array = nodes.arrayNode();
                array.add(example(schema.path("items"), hostile, depth + 1));
                return array;
            }
            default: {
                ObjectNode object = nodes.objectNode();
                for (var property : schema.path("properties").properties()) {
                    object.set(property.getKey(), example(property.getValue(), hostile, depth + 1));
                }
                var additional = schema.path("additionalProperties");
                if (additional.isObject() && schema.path("properties").isEmpty()) {
                    object.set("cle", example(additional, hostile, depth + 1));
                }
                return object;
            }
        }
    }

    /** Any answer but a server error; a refusal is a clear problem and leaves every table as it was. */
    void answered(Operation op, String hostile, Sent sent) {
        var response = sent.response();
        assertThat(response.statusCode()).as(op + " avec « " + hostile + " » : " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            expectProblem(response, op + " avec « " + hostile + " »");
            assertThat(withoutBackground(sent.after())).as(op + " avec « " + hostile + " » refusé : rien d'enregistré")
                .isEqualTo(withoutBackground(sent.before()));
        }
    }

    static Map<String, Long> withoutBackground(Map<String, Long> counts) {
        var kept = new LinkedHashMap<>(counts);
        kept.keySet().removeIf(table -> BACKGROUND.matcher(table).matches());
        return kept;
    }

    HttpResponse<String> expectRefusal(Operation op, String what, Sent sent) {
        var response = sent.response();
        assertThat(response.statusCode()).as(op + " — " + what + " : " + response.body()).isBetween(400, 499);
        expectProblem(response, op + " — " + what);
        assertThat(sent.after()).as(op + " — " + what + " : rien d'enregistré").isEqualTo(sent.before());
        return response;
    }

    static void expectProblem(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + " : " + response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).contains("json");
        var detail = JSON.readTree(response.body()).path("detail").asString("");
        assertThat(detail).as(what + " : un message clair").isNotBlank();
        assertThat(response.body()).as(what + " : pas de détails internes")
            .doesNotContain("Exception", "at fr.egide", "org.postgresql", "SQL state", "tools.jackson");
    }

    record Sent(HttpResponse<String> response, Map<String, Long> before, Map<String, Long> after) {
    }

    Sent request(String method, String path, String contentType, String body) throws Exception {
        var builder = HttpRequest.newBuilder(uri(path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        var before = counts();
        var response = send(builder, true);
        return new Sent(response, before, counts());
    }

    HttpResponse<String> multipart(String path, String field, String fileName, String type, byte[] content) throws Exception {
        var boundary = "egide" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())), true);
    }

    HttpResponse<String> send(HttpRequest.Builder builder, boolean authenticated) throws Exception {
        if (authenticated) {
            builder.header("Authorization", "Bearer " + token);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Row counts of every table a refused request must leave alone. */
    Map<String, Long> counts() {
        if (countAll == null) {
            countAll = String.join(" union all ", jdbc.sql("select tablename from pg_tables where schemaname = current_schema() order by tablename")
                .query(String.class)
                .list()
                .stream()
                .filter(table -> !MAY_CHANGE.matcher(table).matches())
                .map(table -> "select '" + table + "' as t, count(*) as n from \"" + table + "\"")
                .toList());
        }
        var counts = new LinkedHashMap<String, Long>();
        jdbc.sql(countAll).query(rs -> {
            counts.put(rs.getString("t"), rs.getLong("n"));
        });
        return counts;
    }

    /** One statement counting every table (the list is taken once: every module's migrations ran at start). */
    String countAll;

}
