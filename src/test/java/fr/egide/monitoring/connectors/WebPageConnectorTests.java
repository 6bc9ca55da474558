package fr.egide.monitoring.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class WebPageConnectorTests {

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    static final List<String> NAMES = List.of("Dr Claire Martin", "Claire Martin");

    static final String RECOMMENDS = "Le Dr Claire Martin est très à l'écoute, je recommande.";

    static final String RECOMMENDS_MORE = "Le Dr Claire Martin est très à l'écoute, je recommande vivement !";

    static final String WAITING = "Attente de deux heures chez le docteur MARTIN Claire, inadmissible.";

    static final String URGENT = "Dr Martín Claire m'a reçue en urgence samedi, merci.";

    static final String THREAD = """
            <!DOCTYPE html>
            <html lang="fr"><head><title>Avis médecins Lyon 3e</title>
            <script>var suivi = "Dr Claire Martin";</script><style>.x{}</style></head>
            <body>
              <nav><ul><li>Accueil</li><li>Forum</li></ul></nav>
              <main id="sujet">
                <h1>Avis sur les médecins du 3e</h1>
                %s
              </main>
              <footer>© Forum Santé Lyon — Dr Claire Martin n'est pas modératrice</footer>
            </body></html>
            """;

    final WebPageConnector connector = new WebPageConnector(http(), null);

    @Test
    void aFirstCheckReturnsThePassagesNamingThePractitionerAsNew() throws Exception {
        serve("/t/avis", thread(RECOMMENDS, WAITING, "Quelqu'un connaît un kiné près de la place Guichard ?"));

        var result = connector.fetch(request("/t/avis", Map.of(), null));

        assertThat(connector.kind()).isEqualTo("PAGE_WEB");
        assertThat(result.warnings()).isEmpty();
        assertThat(result.items()).extracting(FetchedItem::text)
            .containsExactly(RECOMMENDS, WAITING, "© Forum Santé Lyon — Dr Claire Martin n'est pas modératrice");
        var first = result.items().get(0);
        var url = site.baseUrl() + "/t/avis";
        assertThat(first.externalId()).isEqualTo(url + "#" + sha256(RECOMMENDS).substring(0, 16));
        assertThat(first.url()).isEqualTo(url);
        assertThat(first.attributes()).containsOnly(Map.entry("selecteur", "body"), Map.entry("changement", "nouveau"));
        assertThat(first.raw()).isEqualTo("<p>Le <b>Dr Claire Martin</b> est très à l'écoute, je recommande.</p>");
        assertThat(passagesOf(result.nextCursor())).containsExactly("Accueil", "Forum", "Avis sur les médecins du 3e",
                RECOMMENDS, WAITING, "Quelqu'un connaît un kiné près de la place Guichard ?",
                "© Forum Santé Lyon — Dr Claire Martin n'est pas modératrice");
        assertThat(result.completeListing()).isTrue();
    }

    @Test
    void aLaterCheckTellsModifiedNewAndUnchangedPassagesApart() throws Exception {
        serve("/t/avis", thread(RECOMMENDS, WAITING, "Quelqu'un connaît un kiné près de la place Guichard ?"));
        var before = connector.fetch(request("/t/avis", Map.of("selector", "main"), null));
        serve("/t/avis", thread(RECOMMENDS_MORE, URGENT, WAITING, "Quelqu'un connaît un kiné près de la place Guichard ?"));

        var after = connector.fetch(request("/t/avis", Map.of("selector", "main"), before.nextCursor()));

        assertThat(after.items()).extracting(FetchedItem::text).containsExactly(RECOMMENDS_MORE, URGENT, WAITING);
        assertThat(after.items().get(0).attributes()).containsEntry("changement", "modifié").containsEntry("avant", RECOMMENDS);
        assertThat(after.items().get(1).attributes()).containsEntry("changement", "nouveau").doesNotContainKey("avant");
        assertThat(after.items().get(2).attributes()).containsEntry("changement", "inchangé").doesNotContainKey("avant");
        assertThat(after.items().get(2).externalId()).isEqualTo(before.items().get(1).externalId());
        assertThat(after.items().get(0).externalId()).isNotEqualTo(before.items().get(0).externalId());
        assertThat(passagesOf(after.nextCursor())).contains(RECOMMENDS_MORE, URGENT).doesNotContain(RECOMMENDS);
        assertThat(after.check().get("sha256")).isNotEqualTo(before.check().get("sha256"));
    }

    @Test
    void theSelectorLimitsThePassagesToItsElements() throws Exception {
        serve("/t/avis", thread(RECOMMENDS, WAITING));

        var result = connector.fetch(request("/t/avis", Map.of("selector", "main .message, main"), null));

        // "main" contains the messages: they are read once
        assertThat(result.items()).extracting(FetchedItem::text).containsExactly(RECOMMENDS, WAITING);
        assertThat(result.items()).allSatisfy(
                item -> assertThat(item.attributes()).containsEntry("selecteur", "main .message, main"));
        assertThat(passagesOf(result.nextCursor())).containsExactly("Avis sur les médecins du 3e", RECOMMENDS, WAITING);
    }

    @Test
    void aSelectorThatFindsNothingWarnsAndKeepsThePreviousPassages() throws Exception {
        serve("/t/avis", thread(RECOMMENDS));

        // read over plain HTTP (the page has a script: left to Égide, it would try the browser)
        var result = connector.fetch(request("/t/avis", Map.of("selector", "#avis-patients", "scripts", "non"),
                "[\"" + WAITING + "\"]"));

        assertThat(result.items()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
            .startsWith("Le sélecteur « #avis-patients » ne trouve rien sur la page");
        assertThat(result.nextCursor()).isEqualTo("[\"" + WAITING + "\"]");
        assertThat(result.completeListing()).isFalse();
        assertThat(result.check()).containsKeys("sha256", "statut", "octets");
    }

    @Test
    void nameVariantsMatchWhateverTheAccentsCaseTitleOrOrder() throws Exception {
        serve("/annuaire", """
                <html><body><ul>
                  <li>DOCTEUR CLAIRE MARTIN — médecine générale</li>
                  <li>Martin Claire, 12 rue Paul Bert</li>
                  <li>Dr. Claire Martín&nbsp;: consultations le samedi</li>
                  <li>Dr Martin, urgences pédiatriques</li>
                  <li>Claire Martinez, kinésithérapeute</li>
                  <li>Pharmacie Saint-Martin, rue Claire</li>
                </ul></body></html>
                """);

        var result = connector.fetch(new FetchRequest(Map.of("url", site.baseUrl() + "/annuaire"), null,
                List.of("Dr Claire Martin", "Dr Martin"), null));

        assertThat(result.items()).extracting(FetchedItem::text).containsExactly(
                "DOCTEUR CLAIRE MARTIN — médecine générale", "Martin Claire, 12 rue Paul Bert",
                "Dr. Claire Martín : consultations le samedi", "Dr Martin, urgences pédiatriques");
    }

    @Test
    void aPageNotNamingThePractitionerGivesNoItemButItsHash() throws Exception {
        var page = "<html><head><script>document.title = 'x';</script></head><body><h1>Maison de santé</h1>"
                + "<p>Horaires&nbsp;: du lundi<br>au vendredi.</p><table><tr><td>Accueil</td><td>04 00 00 00 00</td></tr>"
                + "</table><div hidden>Dr Claire Martin</div></body></html>";
        serve("/msp", page);

        var result = connector.fetch(request("/msp", Map.of("scripts", "non"), null));

        assertThat(result.items()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.check()).containsEntry("sha256",
                sha256("Maison de santé\nHoraires : du lundi au vendredi.\nAccueil 04 00 00 00 00"))
            .containsEntry("statut", "2xx")
            .containsEntry("octets", Integer.toString(page.getBytes(StandardCharsets.UTF_8).length));
        assertThat(passagesOf(result.nextCursor())).containsExactly("Maison de santé",
                "Horaires : du lundi au vendredi.", "Accueil 04 00 00 00 00");
    }

    @Test
    void aRemovedPageIsNotFound() {
        site.stubFor(get("/t/supprime").willReturn(aResponse().withStatus(404)));

        var failure = catchThrowableOfType(ConnectorException.class,
                () -> connector.fetch(request("/t/supprime", Map.of(), null)));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.NOT_FOUND);
        assertThat(failure.getMessage()).isEqualTo(
                "La page " + site.baseUrl() + "/t/supprime est introuvable (404) : elle a peut-être été supprimée ;"
                        + " vérifiez son adresse.");
    }

    @Test
    void anInvalidSelectorIsASettingsError() {
        serve("/t/avis", thread(RECOMMENDS));

        var failure = catchThrowableOfType(ConnectorException.class,
                () -> connector.fetch(request("/t/avis", Map.of("selector", "div[["), null)));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.SETTINGS);
        assertThat(failure.getMessage()).contains("« div[[ » n'est pas un sélecteur CSS valide");
    }

    @Test
    void pagesNeedingScriptsAreRenderedByTheBrowserGiven() throws Exception {
        var rendered = new ArrayList<URI>();
        var withBrowser = new WebPageConnector(http(), (uri, timeout) -> {
            rendered.add(uri);
            return "<html><body><div id=app><p>" + RECOMMENDS + "</p></div></body></html>";
        });

        var result = withBrowser.fetch(request("/app", Map.of("scripts", "oui"), null));

        assertThat(rendered).containsExactly(URI.create(site.baseUrl() + "/app"));
        assertThat(result.items()).extracting(FetchedItem::text).containsExactly(RECOMMENDS);
        assertThat(result.check()).containsEntry("rendu", "navigateur").doesNotContainKey("statut");
        var failure = catchThrowableOfType(ConnectorException.class,
                () -> connector.fetch(request("/app", Map.of("scripts", "oui"), null)));
        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.SETTINGS);
        assertThat(failure.getMessage()).contains("sudo apt-get install chromium");
    }

    static final String SCRIPTED = """
            <html><head><script src="/app.js"></script></head>
            <body><div id="app"><p>Chargement…</p></div><p>Forum Santé Lyon</p></body></html>
            """;

    @Test
    void withoutTheSettingAPageWithScriptsNamingNobodyIsRenderedAndRememberedAsBuiltByItsScripts() throws Exception {
        serve("/app", SCRIPTED);
        var rendered = new ArrayList<URI>();
        var withBrowser = new WebPageConnector(http(), (uri, timeout) -> {
            rendered.add(uri);
            return "<html><body><div id=app><p>" + RECOMMENDS + "</p></div><p>Forum Santé Lyon</p></body></html>";
        });

        var first = withBrowser.fetch(request("/app", Map.of(), null));

        assertThat(rendered).hasSize(1);
        assertThat(first.items()).extracting(FetchedItem::text).containsExactly(RECOMMENDS);
        assertThat(first.check()).containsEntry("rendu", "navigateur").containsEntry("scripts", "automatique");
        assertThat(first.warnings()).isEmpty();
        assertThat(JsonMapper.builder().build().readTree(first.nextCursor()).path("rendu").asString()).isEqualTo("navigateur");
        assertThat(passagesOf(first.nextCursor())).containsExactly(RECOMMENDS, "Forum Santé Lyon");

        // remembered: the next check goes to the browser at once, and compares with the rendered passages
        site.resetRequests();
        var second = withBrowser.fetch(request("/app", Map.of(), first.nextCursor()));

        assertThat(rendered).hasSize(2);
        site.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/app")));
        assertThat(second.items()).singleElement()
            .satisfies(item -> assertThat(item.attributes()).containsEntry("changement", "inchangé"));
    }

    @Test
    void aPageWhoseScriptsWriteNothingIsRememberedAsPlainAndNotRenderedAgain() throws Exception {
        serve("/app", SCRIPTED);
        var rendered = new ArrayList<URI>();
        var withBrowser = new WebPageConnector(http(), (uri, timeout) -> {
            rendered.add(uri);
            return SCRIPTED;
        });

        var first = withBrowser.fetch(request("/app", Map.of(), null));
        var second = withBrowser.fetch(request("/app", Map.of(), first.nextCursor()));

        assertThat(rendered).hasSize(1);
        assertThat(first.items()).isEmpty();
        assertThat(first.check()).containsEntry("rendu", "http").containsEntry("statut", "2xx");
        assertThat(JsonMapper.builder().build().readTree(second.nextCursor()).path("rendu").asString()).isEqualTo("http");
        assertThat(second.check()).containsEntry("rendu", "http");
    }

    @Test
    void aPageNamingThePractitionerOrWithoutScriptsOrSetToNoIsNotRendered() throws Exception {
        var rendered = new ArrayList<URI>();
        var withBrowser = new WebPageConnector(http(), (uri, timeout) -> {
            rendered.add(uri);
            return "<html><body><p>" + RECOMMENDS + "</p></body></html>";
        });
        serve("/t/avis", thread(RECOMMENDS));
        serve("/statique", "<html><body><p>Aucun praticien ici.</p></body></html>");
        serve("/app", SCRIPTED);

        assertThat(withBrowser.fetch(request("/t/avis", Map.of(), null)).items()).hasSize(2);
        assertThat(withBrowser.fetch(request("/statique", Map.of(), null)).nextCursor()).startsWith("[");
        assertThat(withBrowser.fetch(request("/app", Map.of("scripts", "non"), null)).items()).isEmpty();

        assertThat(rendered).isEmpty();
    }

    @Test
    void withoutABrowserAPageThatMayNeedItsScriptsIsReadAsItIsWithAWarning() throws Exception {
        serve("/app", SCRIPTED);

        var result = connector.fetch(request("/app", Map.of(), null));

        assertThat(result.items()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
            .contains("contient des scripts et aucun passage ne nomme le praticien", "sudo apt-get install chromium");
        assertThat(result.nextCursor()).startsWith("[");
    }

    @Test
    void aBrowserFailureIsTheSourcesWhenThePageNeedsIt() throws Exception {
        var missing = new WebPageConnector(http(), (uri, timeout) -> {
            throw new fr.egide.monitoring.PageRenderer.Failure(fr.egide.monitoring.PageRenderer.Failure.Reason.NO_BROWSER,
                    "Chromium est introuvable : installez-le (sudo apt-get install chromium).");
        });
        var crashing = new WebPageConnector(http(), (uri, timeout) -> {
            throw new fr.egide.monitoring.PageRenderer.Failure(fr.egide.monitoring.PageRenderer.Failure.Reason.FAILED,
                    "le moteur de rendu s'est arrêté");
        });

        var noBrowser = catchThrowableOfType(ConnectorException.class,
                () -> missing.fetch(request("/app", Map.of("scripts", "oui"), null)));
        var crash = catchThrowableOfType(ConnectorException.class,
                () -> crashing.fetch(request("/app", Map.of("scripts", "oui"), null)));
        var wrong = catchThrowableOfType(ConnectorException.class,
                () -> missing.fetch(request("/app", Map.of("scripts", "peut-être"), null)));

        assertThat(noBrowser.kind()).isEqualTo(ConnectorException.Kind.SETTINGS);
        assertThat(noBrowser.getMessage()).contains("a besoin de ses scripts", "sudo apt-get install chromium");
        assertThat(crash.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
        assertThat(crash.getMessage()).contains("le moteur de rendu s'est arrêté", "nouvel essai plus tard");
        assertThat(wrong.kind()).isEqualTo(ConnectorException.Kind.SETTINGS);
    }

    @Test
    void theCursorIsCappedAndKeepsThePassagesNamingThePractitionerFirst() {
        var passages = new ArrayList<String>();
        for (int i = 0; i < 300; i++) {
            passages.add("Message " + i + " sans rapport.");
        }
        passages.set(280, RECOMMENDS);
        var kept = new boolean[passages.size()];
        kept[280] = true;

        var stored = passagesOf(WebPageConnector.cursor(passages, kept));

        assertThat(stored).hasSize(WebPageConnector.MAX_CURSOR_PASSAGES)
            .contains("Message 279 sans rapport.", RECOMMENDS, "Message 281 sans rapport.")
            .startsWith("Message 0 sans rapport.");
        assertThat(stored.indexOf(RECOMMENDS)).isEqualTo(stored.size() - 2);

        // 3 × 40 KB exceed 100 KB: the passage naming the practitioner and its neighbour are kept, then the first
        var big = WebPageConnector.cursor(List.of("a".repeat(40_000), "b".repeat(40_000), "c".repeat(40_000), RECOMMENDS),
                new boolean[] { false, false, false, true });
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WebPageConnector.MAX_CURSOR_BYTES);
        assertThat(passagesOf(big)).extracting(passage -> passage.substring(0, 3)).containsExactly("aaa", "ccc", "Le ");
    }

    @Test
    void anUnreadableCursorCountsAsAFirstCheck() throws Exception {
        serve("/t/avis", thread(RECOMMENDS));

        var result = connector.fetch(request("/t/avis", Map.of(), "{pas du json"));

        assertThat(result.items()).first().satisfies(item -> assertThat(item.attributes()).containsEntry("changement", "nouveau"));
        assertThat(result.warnings()).containsExactly(
                "L'état précédent de la page est illisible : ses passages sont tous considérés comme nouveaux.");
    }

    static String thread(String... messages) {
        var html = new StringBuilder();
        for (var message : messages) {
            var marked = message.replace("Dr Claire Martin", "<b>Dr Claire Martin</b>");
            html.append("<div class=\"message\"><p>").append(marked).append("</p></div>\n");
        }
        return THREAD.formatted(html);
    }

    static List<String> passagesOf(String cursor) {
        var list = new ArrayList<String>();
        var node = JsonMapper.builder().build().readTree(cursor);
        (node.isObject() ? node.path("passages") : node).forEach(passage -> list.add(passage.asString()));
        return list;
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static ConnectorHttp http() {
        return new ConnectorHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), CLOCK,
                Duration.ofSeconds(10));
    }

    private void serve(String path, String html) {
        site.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
    }

    private FetchRequest request(String path, Map<String, String> settings, String cursor) {
        var all = new HashMap<>(settings);
        all.put("url", site.baseUrl() + path);
        return new FetchRequest(all, cursor, NAMES, null);
    }

}
