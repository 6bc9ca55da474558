package fr.egide;

import fr.egide.cases.DossierLetters;
import fr.egide.cases.Dossiers;
import fr.egide.evidence.Captures;
import fr.egide.identity.CabinetRole;
import fr.egide.identity.EgideUser;
import fr.egide.identity.Permission;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.MentionImports;
import fr.egide.monitoring.Mentions;
import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceScans;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import fr.egide.replies.Replies;
import fr.egide.replies.ReplyOrigin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The authorisation matrix: every HTTP endpoint of the application, found by enumerating its request mappings (a new
 * endpoint missing from {@code security/authorization-matrix.tsv} fails the test), called by every role
 * (TITULAIRE, SECRETARIAT, RELECTEUR, CONSEIL, ADMIN_ORG) and anonymously, on objects of the caller's cabinet and of
 * another cabinet. The expected status comes from the endpoint's rule in the TSV and the role table of
 * {@link CabinetRole}: 401 (API) or a redirection to the sign-in page (pages) for anonymous calls, 404 for another
 * cabinet's objects, 403 for a role lacking the right, and the endpoint's own answer otherwise. One context, seeded once.
 */
@SpringBootTest(properties = "egide.evidence.allow-hosts=127.0.0.1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    static final com.icegreen.greenmail.util.GreenMail SMTP = new com.icegreen.greenmail.util.GreenMail(
            com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @org.springframework.test.context.DynamicPropertySource
    static void mail(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    static final byte[] PNG = java.util.HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            + "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082");

    static final String CSV = "source,url,author,rating,text,date\nGoogle,https://www.google.com/maps/avis/%s,Jean D.,2,"
            + "Attente trop longue mais accueil correct.,2026-11-02\n";

    enum Caller {
        ANONYME, TITULAIRE, SECRETARIAT, RELECTEUR, CONSEIL, ADMIN_ORG
    }

    enum Scope {
        OWN, OTHER
    }

    /** One row of the TSV: an endpoint, how to call it, and the rule that says who may. */
    record Row(String method, String pattern, String request, Map<String, String> vars, String rule, String ok, String body, int line) {

        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return pattern.startsWith("/api/");
        }

        boolean scoped() {
            return !vars.isEmpty() && !rule.equals("PUBLIC") && !rule.equals("AUTHENTICATED") && !rule.equals("INSTANCE_ADMIN");
        }

    }

    /** What one cabinet of the fixture holds: ids of real objects, and makers of fresh ones for destructive calls. */
    final class Tenant {

        final Map<String, String> ids = new HashMap<>();

        final Map<String, Function<Tenant, String>> fresh = new HashMap<>();

        EgideUser titulaire;

        UUID cabinet;

        UUID organisation;

        /** Makes each fresh kind one fixed object, so that the fixture itself adds nothing while a cabinet is watched. */
        void freeze() {
            fresh.forEach((kind, maker) -> ids.put(kind, maker.apply(this)));
            frozen.putAll(fresh);
            fresh.clear();
        }

        void thaw() {
            fresh.putAll(frozen);
            frozen.keySet().forEach(ids::remove);
            frozen.clear();
        }

        final Map<String, Function<Tenant, String>> frozen = new HashMap<>();

        String resolve(String kind) {
            if (fresh.containsKey(kind)) {
                return fresh.get(kind).apply(this);
            }
            var id = ids.get(kind);
            if (id == null) {
                throw new AssertionError("Objet inconnu dans la matrice : " + kind);
            }
            return id;
        }

    }

    @Autowired
    ApplicationContext context;

    @Autowired
    WebApplicationContext web;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PracticeManagement practice;

    @Autowired
    Mentions mentions;

    @Autowired
    MentionImports imports;

    @Autowired
    Replies replies;

    @Autowired
    Dossiers dossiers;

    @Autowired
    DossierLetters letters;

    @Autowired
    Captures captures;

    @Autowired
    SourceScans scans;

    @Autowired
    fr.egide.analysis.MentionAnalyses analyses;

    MockMvc mvc;

    Tenant own;

    Tenant other;

    final Map<Caller, EgideUser> users = new EnumMap<>(Caller.class);

    final Map<Caller, String> tokens = new EnumMap<>(Caller.class);

    List<Row> rows;

    @BeforeAll
    void seed() throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
        own = tenant("A");
        other = tenant("B");
        for (var caller : List.of(Caller.SECRETARIAT, Caller.RELECTEUR, Caller.CONSEIL)) {
            var user = TestAccounts.create(context, "Matrice " + caller);
            TestAccounts.grant(context, user, own.cabinet, CabinetRole.valueOf(caller.name()));
            users.put(caller, user);
        }
        users.put(Caller.TITULAIRE, own.titulaire);
        var admin = TestAccounts.create(context, "Matrice ADMIN_ORG");
        TestAccounts.makeOrganisationAdmin(context, own.organisation, admin);
        users.put(Caller.ADMIN_ORG, admin);
        users.forEach((caller, user) -> tokens.put(caller, TestAccounts.token(context, user)));
        own.ids.put("conseil", users.get(Caller.CONSEIL).id().toString());
        own.ids.put("conseilEmail", users.get(Caller.CONSEIL).email());
        // The other cabinet has its own conseil, with whom its dossier is shared.
        var otherConseil = TestAccounts.create(context, "Conseil B");
        TestAccounts.grant(context, otherConseil, other.cabinet, CabinetRole.CONSEIL);
        other.ids.put("conseil", otherConseil.id().toString());
        other.ids.put("conseilEmail", otherConseil.email());
        for (var tenant : List.of(own, other)) {
            TestAccounts.signIn(context, tenant.titulaire);
            try {
                dossiers.share(UUID.fromString(tenant.ids.get("dossier")), tenant.ids.get("conseilEmail"));
                dossiers.share(UUID.fromString(tenant.ids.get("dossier2")), tenant.ids.get("conseilEmail"));
            }
            finally {
                TestAccounts.signOut();
            }
        }
        rows = rows();
    }

    @AfterAll
    void signOut() {
        TestAccounts.signOut();
        SMTP.stop();
    }

    Tenant tenant(String name) throws Exception {
        var tenant = new Tenant();
        tenant.titulaire = TestAccounts.create(context, "Titulaire " + name);
        TestAccounts.signIn(context, tenant.titulaire);
        try {
            tenant.cabinet = practice.createCabinet(new CabinetForm("Cabinet matrice " + name + " " + UUID.randomUUID(), "1 rue de la Paix",
                    "75002", "Paris")).id();
            var cabinet = tenant.cabinet;
            tenant.ids.put("cabinet", cabinet.toString());
            tenant.ids.put("titulaireEmail", tenant.titulaire.email());
            tenant.ids.put("month", "2026-10");
            var practitioner = practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Claire", "Martin", Profession.MEDECIN,
                    null, null, List.of(), List.of(), null, null, false)).id();
            tenant.ids.put("practitioner", practitioner.toString());
            tenant.fresh.put("sparePractitioner", t -> asTitulaire(t, () -> practice.addPractitioner(t.cabinet, new PractitionerForm(
                    Civility.DR, "Paul", "Durand " + UUID.randomUUID().toString().substring(0, 6), Profession.MEDECIN, null, null, List.of(),
                    List.of(), null, null, false)).id().toString()));
            var text = "Le Dr Martin est un incompétent et un escroc, il a falsifié mon dossier " + UUID.randomUUID() + ".";
            mentions.addManual(cabinet, new ManualMention("Google", "https://www.google.com/maps/avis/" + UUID.randomUUID(), "Jean D.", 1,
                    text, "2026-11-01"));
            var mention = jdbc.sql("select id from monitoring_mention where cabinet_id = ? order by created_at desc limit 1").param(cabinet)
                .query(UUID.class).single();
            tenant.ids.put("mention", mention.toString());
            awaitAnalysis(mention);
            var report = imports.importFile(cabinet, "avis.csv",
                    () -> new ByteArrayInputStream(CSV.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)), "Google");
            tenant.ids.put("import", report.id().toString());
            var draft = replies.create(mention, "Merci pour votre message. Nous regrettons votre ressenti et restons à votre écoute au cabinet.",
                    ReplyOrigin.MANUEL);
            tenant.ids.put("reply", draft.id().toString());
            var dossier = dossiers.open(cabinet, List.of(mention), practitioner, "Dossier matrice " + name).id();
            tenant.ids.put("dossier", dossier.toString());
            tenant.ids.put("dossier2", dossiers.open(cabinet, List.of(mention), practitioner, "Dossier à clore " + name).id().toString());
            context.getBean(fr.egide.alerts.Alerts.class).setWebhook(cabinet, "https://127.0.0.1:1/webhook", "un secret d'au moins seize caractères");
            dossiers.addScreenshot(dossier, "ecran.png", "image/png", PNG);
            tenant.ids.put("evidence", jdbc.sql("select id from cases_evidence where dossier_id = ?").param(dossier).query(UUID.class).single()
                .toString());
            dossiers.qualify(dossier, fr.egide.cases.DossierQualification.DIFFAMATION, "Allégation de fraude précise.");
            var letter = letters.generate(dossier, new DossierLetters.LetterRequest(fr.egide.letters.LetterType.SIGNALEMENT_PLATEFORME, null,
                    null, null, null, null, null, null, null, null, true));
            tenant.ids.put("letter", letter.id().toString());
            var capture = captures.request(cabinet, "http://127.0.0.1:1/avis/" + UUID.randomUUID(), "matrice");
            tenant.ids.put("capture", capture.id());
            var source = scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.FLUX, "Flux matrice", Map.of("url",
                    "http://127.0.0.1:1/flux.xml"), null, null, null));
            tenant.ids.put("source", source.id().toString());
            var search = scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.RECHERCHE, "Recherche matrice", Map.of(), null, null,
                    null));
            tenant.ids.put("searchSource", search.id().toString());
            // Never created: the Google consent needs Google; these rows check the 404 of unknown ids only.
            tenant.ids.put("googleConnection", UUID.randomUUID().toString());
            tenant.ids.put("shareToken", "jeton-inconnu-" + UUID.randomUUID());
            // A ready monthly report, stored as the generation job leaves it (the job itself runs in the background).
            var pdf = "%PDF-1.4 rapport de la matrice".getBytes(StandardCharsets.UTF_8);
            var reportId = UUID.randomUUID();
            jdbc.sql("""
                    insert into reporting_monthly_report (id, cabinet_id, month, status, trigger, requested_by, generated_at, pdf, sha256)
                    values (?, ?, date '2025-01-01', 'PRET', 'DEMANDE', ?, now(), ?, ?)
                    """).params(reportId, cabinet, tenant.titulaire.id(), pdf, java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(pdf))).update();
            tenant.ids.put("report", reportId.toString());
        }
        finally {
            TestAccounts.signOut();
        }
        var admin = TestAccounts.create(context, "Administrateur organisation " + name);
        tenant.organisation = TestAccounts.organisation(context, "Organisation " + name, admin);
        tenant.ids.put("organisation", tenant.organisation.toString());
        TestAccounts.consent(context, tenant.cabinet, tenant.organisation, tenant.titulaire);
        tenant.fresh.put("spareMember", t -> {
            var spare = TestAccounts.create(context, "Membre de passage");
            TestAccounts.grant(context, spare, t.cabinet, CabinetRole.SECRETARIAT);
            return spare.id().toString();
        });
        tenant.fresh.put("spareOrgAdmin", t -> {
            var spare = TestAccounts.create(context, "Administrateur de passage");
            TestAccounts.makeOrganisationAdmin(context, t.organisation, spare);
            return spare.id().toString();
        });
        tenant.fresh.put("invitation", t -> TestAccounts.invitation(context, t.cabinet, null, "SECRETARIAT", t.titulaire)[0]);
        tenant.fresh.put("invitationToken", t -> TestAccounts.invitation(context, t.cabinet, null, "SECRETARIAT", t.titulaire)[1]);
        tenant.fresh.put("email", t -> "nouveau-" + UUID.randomUUID() + "@example.org");
        // A spare API token of the titulaire: revoking it leaves the token the matrix calls the API with.
        tenant.fresh.put("apiToken", t -> TestAccounts.tokenId(context, t.titulaire).toString());
        return tenant;
    }

    <T> T asTitulaire(Tenant tenant, java.util.function.Supplier<T> work) {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
        TestAccounts.signIn(context, tenant.titulaire);
        try {
            return work.get();
        }
        finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
        }
    }

    void awaitAnalysis(UUID mention) throws InterruptedException {
        var deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                analyses.ofMention(mention);
                return;
            }
            catch (fr.egide.system.NotFoundException notYet) {
                assertThat(System.nanoTime()).as("analyse jamais faite").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    // ------------------------------------------------------------------ the table

    List<Row> rows() throws IOException {
        var result = new ArrayList<Row>();
        try (var in = getClass().getResourceAsStream("/security/authorization-matrix.tsv")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                var line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var cells = line.split("\t", -1);
                assertThat(cells).as("ligne %d : 7 colonnes séparées par des tabulations", i + 1).hasSize(7);
                var vars = new LinkedHashMap<String, String>();
                if (!cells[3].equals("-")) {
                    for (var pair : cells[3].split(",")) {
                        var kv = pair.split("=");
                        vars.put(kv[0].strip(), kv[1].strip());
                    }
                }
                result.add(new Row(cells[0], cells[1], cells[2].equals("-") ? cells[1] : cells[2], vars, cells[4], cells[5], cells[6], i + 1));
            }
        }
        return result;
    }

    /** Every endpoint the application maps, as "METHOD /pattern" (a mapping without a method is listed as GET). */
    Set<String> endpoints() {
        var endpoints = new TreeSet<String>();
        for (var mapping : web.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (var info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                var patterns = info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                        : info.getPatternValues();
                for (var pattern : patterns) {
                    if (methods.isEmpty()) {
                        endpoints.add("GET " + pattern);
                    }
                    for (var method : methods) {
                        endpoints.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointIsInTheMatrix() {
        var listed = rows.stream().map(Row::key).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        var missing = new TreeSet<>(endpoints());
        missing.removeAll(listed);
        assertThat(missing).as("endpoints absents de security/authorization-matrix.tsv : ajoutez-les avec leur règle").isEmpty();
        var stale = new TreeSet<>(listed);
        stale.removeAll(endpoints());
        assertThat(stale).as("lignes de la matrice sans endpoint").isEmpty();
        assertThat(rows.stream().map(Row::key).distinct().count()).as("lignes en double").isEqualTo(rows.size());
    }

    // ------------------------------------------------------------------ expectations

    static final Pattern VAR = Pattern.compile("\\{(\\w+)}");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    /** "ok" when the caller is let through to the endpoint's own answer, else the status the refusal must have. */
    String expected(Row row, Caller caller, Scope scope) {
        if (caller == Caller.ANONYME) {
            return row.rule().equals("PUBLIC") ? "ok" : row.api() ? "401" : "login";
        }
        switch (row.rule()) {
            case "PUBLIC", "AUTHENTICATED" -> {
                return "ok";
            }
            case "INSTANCE_ADMIN" -> {
                return "403";
            }
            case "UNSEEDED" -> {
                return "404";
            }
            default -> {
            }
        }
        if (scope == Scope.OTHER) {
            return "404";
        }
        var role = caller == Caller.ADMIN_ORG ? null : CabinetRole.valueOf(caller.name());
        return switch (row.rule()) {
            case "ORG_ADMIN" -> caller == Caller.ADMIN_ORG ? "ok" : "404";
            case "TEAM_VIEW" -> "ok";
            case "TEAM_MANAGE" -> caller == Caller.ADMIN_ORG || role.may(Permission.MANAGE_CABINET) ? "ok" : "403";
            case "MEMBER", "SHARED_READ" -> role == null ? "404" : "ok";
            case "SHARED_EXPORT" -> role == null ? "404" : role.may(Permission.EXPORT_EVIDENCE) ? "ok" : "403";
            default -> {
                var permission = Permission.valueOf(row.rule());
                yield role == null ? "404" : role.may(Permission.READ) && role.may(permission) ? "ok" : "403";
            }
        };
    }

    boolean matches(Row row, String expected, int status, String location) {
        var login = status == 302 && location != null && location.endsWith("/connexion");
        return switch (expected) {
            case "login" -> login;
            case "401", "403", "404" -> status == Integer.parseInt(expected);
            default -> switch (row.ok()) {
                case "2xx" -> status >= 200 && status < 300;
                case "3xx" -> status >= 300 && status < 400 && !login;
                // The caller passed the checks; the endpoint's answer depends on the state the earlier calls left.
                case "any" -> status < 500 && status != 401 && status != 403 && status != 404 && !login;
                default -> java.util.Arrays.stream(row.ok().split(",")).anyMatch(s -> Integer.parseInt(s) == status);
            };
        };
    }

    record Outcome(int status, String location, String body) {
    }

    Outcome call(Row row, Caller caller, Tenant tenant) throws Exception {
        var values = new HashMap<String, String>();
        var path = VAR.matcher(row.request()).replaceAll(match -> {
            var kind = row.vars().get(match.group(1));
            if (kind == null) {
                throw new AssertionError("ligne " + row.line() + " : variable {" + match.group(1) + "} sans objet dans la colonne vars");
            }
            var value = tenant.resolve(kind);
            values.put(kind, value);
            return java.util.regex.Matcher.quoteReplacement(value);
        });
        var body = row.body().equals("-") ? null : PLACEHOLDER.matcher(row.body()).replaceAll(match -> java.util.regex.Matcher
            .quoteReplacement(values.computeIfAbsent(match.group(1), tenant::resolve)));
        org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> request;
        if (body != null && (body.startsWith("multipart:") || body.startsWith("png:"))) {
            var name = body.substring(body.indexOf(':') + 1);
            var file = body.startsWith("png:") ? new MockMultipartFile(name, "ecran.png", "image/png", PNG)
                    : new MockMultipartFile(name, "avis.csv", "text/csv", CSV.formatted(UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            var multipart = MockMvcRequestBuilders.multipart(HttpMethod.valueOf(row.method()), java.net.URI.create(path)).file(file);
            if (!row.api()) {
                multipart.param("cabinetId", tenant.cabinet.toString());
            }
            request = multipart;
        }
        else {
            var plain = MockMvcRequestBuilders.request(HttpMethod.valueOf(row.method()), java.net.URI.create(path));
            if (body != null && body.startsWith("json:")) {
                plain.contentType("application/json").content(body.substring(5));
            }
            else if (body != null && body.startsWith("form:")) {
                plain.contentType("application/x-www-form-urlencoded").content(body.substring(5));
            }
            request = plain;
        }
        if (caller != Caller.ANONYME) {
            if (row.api()) {
                request.header("Authorization", "Bearer " + tokens.get(caller));
            }
            else {
                request.with(authentication(TestAccounts.authentication(context, users.get(caller))));
            }
        }
        request.with(csrf());
        org.springframework.test.web.servlet.MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        }
        catch (jakarta.servlet.ServletException ex) {
            var cause = ex.getRootCause() == null ? ex : ex.getRootCause();
            return new Outcome(500, null, cause.toString());
        }
        var response = result.getResponse();
        return new Outcome(response.getStatus(), response.getHeader("Location"), response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** Puts back what a permitted destructive call may have taken (a membership, the consent, the conseil's share). */
    void restore() {
        users.forEach((caller, user) -> {
            if (caller != Caller.ADMIN_ORG) {
                TestAccounts.grant(context, user, own.cabinet, CabinetRole.valueOf(caller.name()));
            }
        });
        TestAccounts.makeOrganisationAdmin(context, own.organisation, users.get(Caller.ADMIN_ORG));
        for (var tenant : List.of(own, other)) {
            TestAccounts.consent(context, tenant.cabinet, tenant.organisation, tenant.titulaire);
            var dossier = UUID.fromString(tenant.ids.get("dossier"));
            var conseil = UUID.fromString(tenant.ids.get("conseil"));
            if (!jdbc.sql("select exists (select 1 from cases_dossier_share where dossier_id = ? and user_id = ? and revoked_at is null)")
                .params(dossier, conseil).query(Boolean.class).single()) {
                jdbc.sql("insert into cases_dossier_share (id, dossier_id, user_id, shared_by) values (?, ?, ?, ?)")
                    .params(UUID.randomUUID(), dossier, conseil, tenant.titulaire.id()).update();
            }
        }
        TestAccounts.grant(context, other.titulaire, other.cabinet, CabinetRole.TITULAIRE);
        TestAccounts.grant(context, own.titulaire, own.cabinet, CabinetRole.TITULAIRE);
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheMatrixSays() throws Exception {
        var failures = new ArrayList<String>();
        int calls = 0;
        for (var row : rows) {
            // Refusals first: they must change nothing, so the permitted calls then find the objects as seeded.
            var order = new ArrayList<Caller>(List.of(Caller.ANONYME, Caller.ADMIN_ORG, Caller.CONSEIL, Caller.RELECTEUR,
                    Caller.SECRETARIAT, Caller.TITULAIRE));
            for (var scope : row.scoped() ? List.of(Scope.OTHER, Scope.OWN) : List.of(Scope.OWN)) {
                for (var caller : order) {
                    if (caller == Caller.ANONYME && scope == Scope.OTHER) {
                        continue;
                    }
                    var expected = expected(row, caller, scope);
                    var outcome = call(row, caller, scope == Scope.OWN ? own : other);
                    calls++;
                    if (!matches(row, expected, outcome.status(), outcome.location())) {
                        failures.add("ligne " + row.line() + " " + row.method() + " " + row.request() + " [" + row.rule() + "] " + caller + "/"
                                + scope + " : attendu " + (expected.equals("ok") ? row.ok() : expected) + ", obtenu " + outcome.status()
                                + (outcome.location() == null ? "" : " → " + outcome.location()) + " "
                                + outcome.body().substring(0, Math.min(200, outcome.body().length())).replaceAll("\\s+", " "));
                    }
                    else if (expected.equals("403") && row.api()) {
                        assertThat(outcome.body()).as("403 en français : " + row.key()).contains("\"title\":\"Action réservée\"")
                            .containsPattern("\"detail\":\"(Votre rôle|Seul)").doesNotContain("Exception");
                    }
                    if (row.key().equals("DELETE /api/v1/auth/token") && caller != Caller.ANONYME) {
                        // That call revokes the very token it was made with: the caller gets a new one for the next rows.
                        tokens.put(caller, TestAccounts.token(context, users.get(caller)));
                    }
                    restore();
                }
            }
        }
        assertThat(failures).as(calls + " appels").isEmpty();
    }

    /** A fingerprint of everything stored for a cabinet, in every table that names it or one of its objects. */
    String fingerprint(Tenant tenant) {
        var tables = jdbc.sql("""
                select c.table_name, string_agg(c.column_name, ',') as columns from information_schema.columns c
                join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                group by c.table_name order by c.table_name
                """).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
        var filters = new LinkedHashMap<String, String>();
        filters.put("cabinet_id", "select '" + tenant.cabinet + "'::uuid");
        filters.put("dossier_id", "select id from cases_dossier where cabinet_id = '" + tenant.cabinet + "'");
        filters.put("mention_id", "select id from monitoring_mention where cabinet_id = '" + tenant.cabinet + "'");
        filters.put("capture_id", "select id from evidence_capture where cabinet_id = '" + tenant.cabinet + "'");
        filters.put("source_id", "select id from monitoring_source where cabinet_id = '" + tenant.cabinet + "'");
        var print = new StringBuilder();
        for (var table : tables) {
            var columns = List.of(table[1].split(","));
            var column = filters.keySet().stream().filter(columns::contains).findFirst();
            if (column.isEmpty()) {
                continue;
            }
            var type = jdbc.sql("select data_type from information_schema.columns where table_schema = current_schema() and table_name = ? "
                    + "and column_name = ?").params(table[0], column.get()).query(String.class).single();
            var filter = filters.get(column.get());
            if (!type.equals("uuid") && !column.get().equals("capture_id")) {
                filter = "select (" + filter.substring(7) + ")::text";
            }
            print.append(table[0]).append('=').append(jdbc.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                    + table[0] + " t where " + column.get() + " in (" + filter + ")").query(String.class).single()).append('\n');
        }
        return print.toString();
    }

    @Test
    void guessingAnotherCabinetsIdsAnswers404AndChangesNothing() throws Exception {
        other.freeze();
        try {
            guessOtherIds();
        }
        finally {
            other.thaw();
        }
    }

    void guessOtherIds() throws Exception {
        var before = fingerprint(other);
        assertThat(before).contains("monitoring_mention=").contains("cases_dossier=").contains("replies_");
        var failures = new ArrayList<String>();
        int calls = 0;
        for (var row : rows) {
            if (!row.scoped() || row.rule().equals("UNSEEDED")) {
                continue;
            }
            for (var caller : List.of(Caller.TITULAIRE, Caller.SECRETARIAT, Caller.RELECTEUR, Caller.CONSEIL, Caller.ADMIN_ORG)) {
                var outcome = call(row, caller, other);
                calls++;
                if (outcome.status() != 404) {
                    failures.add(row.key() + " " + caller + " : " + outcome.status());
                }
            }
        }
        assertThat(calls).isGreaterThan(100);
        assertThat(failures).isEmpty();
        assertThat(fingerprint(other)).isEqualTo(before);
    }

    @Test
    void aConseilSeesOnlyTheDossiersSharedWithThem() throws Exception {
        String unshared;
        TestAccounts.signIn(context, own.titulaire);
        try {
            unshared = dossiers.open(own.cabinet, List.of(UUID.fromString(own.ids.get("mention"))), null, "Dossier non partagé").id().toString();
        }
        finally {
            TestAccounts.signOut();
        }
        var conseil = tokens.get(Caller.CONSEIL);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/dossiers/" + unshared).header("Authorization", "Bearer " + conseil))
            .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/dossiers/" + own.ids.get("dossier")).header("Authorization",
                "Bearer " + conseil)).andReturn().getResponse().getStatus()).isEqualTo(200);
        var list = mvc.perform(MockMvcRequestBuilders.get("/api/v1/cabinets/" + own.cabinet + "/dossiers").header("Authorization",
                "Bearer " + conseil)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(own.ids.get("dossier")).doesNotContain(unshared);
        var titulaireList = mvc.perform(MockMvcRequestBuilders.get("/api/v1/cabinets/" + own.cabinet + "/dossiers").header("Authorization",
                "Bearer " + tokens.get(Caller.TITULAIRE))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(titulaireList).contains(own.ids.get("dossier")).contains(unshared);
        // A conseil's export is the shared dossier's, with its evidence; the mentions outside it stay refused.
        var export = mvc.perform(MockMvcRequestBuilders.get("/api/v1/dossiers/" + own.ids.get("dossier") + "/export").header("Authorization",
                "Bearer " + conseil)).andReturn().getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        assertThat(export.getContentType()).isEqualTo("application/zip");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/mentions/" + own.ids.get("mention")).header("Authorization",
                "Bearer " + conseil)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

}
