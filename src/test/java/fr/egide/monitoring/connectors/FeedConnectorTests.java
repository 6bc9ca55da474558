package fr.egide.monitoring.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeedConnectorTests {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    static final List<String> NAMES = List.of("Dr Claire Martin", "Claire Martin");

    /** The shape of a Google Alerts feed (CONNECTORS.md §4), with a second entry whose target is percent-encoded. */
    static final String GOOGLE_ALERTS = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:idx="urn:atom-extension:indexing">
              <id>tag:google.com,2005:reader/user/01234567890123456789/state/com.google/alerts/98765432109876543210</id>
              <title>Google Alert - "Claire Martin" médecin</title>
              <link href="https://www.google.com/alerts/feeds/01234567890123456789/98765432109876543210" rel="self"/>
              <updated>2026-03-02T10:00:00Z</updated>
              <entry>
                <id>tag:google.com,2013:googlealerts/feed:11111111111111111111</id>
                <title type="html">Le Dr &lt;b&gt;Claire Martin&lt;/b&gt; rejoint la maison de santé</title>
                <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://www.journal-exemple.fr/lyon/msp-2026&amp;ct=ga&amp;cd=CAIyGjFAKE&amp;usg=AOvVawFAKE"/>
                <published>2026-03-02T09:41:00Z</published><updated>2026-03-02T09:41:00Z</updated>
                <content type="html">… le Dr &lt;b&gt;Claire Martin&lt;/b&gt;, généraliste …&amp;nbsp;...</content>
                <author><name/></author>
              </entry>
              <entry>
                <id>tag:google.com,2013:googlealerts/feed:22222222222222222222</id>
                <title type="html">Avis &lt;b&gt;Dr Martin&lt;/b&gt; Lyon 3e ? - Forum Santé</title>
                <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://forum.exemple-sante.fr/t/avis-dr-martin-lyon-3/4812%3Fpage%3D2&amp;ct=ga&amp;cd=CAIyGjFAKE2&amp;usg=AOvVawFAKE2"/>
                <published>2026-02-28T17:30:00Z</published><updated>2026-02-28T17:30:00Z</updated>
                <content type="html">Quelqu&amp;#39;un connaît le Dr &lt;b&gt;Claire Martin&lt;/b&gt;, rue Paul Bert ?</content>
                <author><name/></author>
              </entry>
            </feed>
            """;

    /** An RSS 2.0 forum feed: guid, RFC 822 pubDate, HTML description, dc:creator; the last item has no guid. */
    static final String FORUM_RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Forum Santé Lyon – derniers sujets</title>
                <link>https://forum.exemple-sante.fr/</link>
                <description>Les derniers sujets du forum</description>
                <language>fr</language>
                <item>
                  <title>Médecin traitant à Lyon 3e ?</title>
                  <link>https://forum.exemple-sante.fr/t/medecin-traitant-lyon-3/4901</link>
                  <guid isPermaLink="false">forum.exemple-sante.fr-topic-4901</guid>
                  <pubDate>Sat, 28 Feb 2026 18:12:00 +0100</pubDate>
                  <dc:creator>Camille_69</dc:creator>
                  <description>&lt;p&gt;Je cherche un médecin traitant. Le &lt;em&gt;Dr Claire Martin&lt;/em&gt; prend-elle de nouveaux patients ?&lt;/p&gt;</description>
                </item>
                <item>
                  <title>Horaires de la pharmacie de garde</title>
                  <link>https://forum.exemple-sante.fr/t/pharmacie-de-garde/4902</link>
                  <pubDate>Sun, 01 Mar 2026 08:05:00 +0100</pubDate>
                  <dc:creator>Lucas.R</dc:creator>
                  <description>Quelle pharmacie est de garde dimanche ?</description>
                </item>
              </channel>
            </rss>
            """;

    final FeedConnector connector = new FeedConnector(http(Duration.ofSeconds(10)));

    @Test
    void readsAGoogleAlertsFeedUnwrappingRedirectLinksAndStrippingBold() throws Exception {
        serve("/alerts/feeds/0123/9876", "application/atom+xml; charset=utf-8", GOOGLE_ALERTS);

        var result = connector.fetch(request("/alerts/feeds/0123/9876"));

        assertThat(connector.kind()).isEqualTo("FLUX");
        assertThat(result.nextCursor()).isNull();
        assertThat(result.completeListing()).isFalse();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.check()).containsExactly(Map.entry("dernierElement", "2026-03-02T09:41:00Z"));
        assertThat(result.items()).hasSize(2);

        var first = result.items().get(0);
        assertThat(first.externalId()).isEqualTo("tag:google.com,2013:googlealerts/feed:11111111111111111111");
        assertThat(first.url()).isEqualTo("https://www.journal-exemple.fr/lyon/msp-2026");
        assertThat(first.text()).isEqualTo("Le Dr Claire Martin rejoint la maison de santé\n"
                + "… le Dr Claire Martin, généraliste … ...");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-03-02T09:41:00Z"));
        assertThat(first.updatedAt()).isEqualTo(Instant.parse("2026-03-02T09:41:00Z"));
        assertThat(first.author()).isNull();
        assertThat(first.rating()).isNull();
        assertThat(first.attributes()).containsEntry("flux", "Google Alert - \"Claire Martin\" médecin")
            .containsEntry("citeLeNom", "oui");
        assertThat(first.raw()).startsWith("<entry xmlns=\"http://www.w3.org/2005/Atom\"")
            .contains("<id>tag:google.com,2013:googlealerts/feed:11111111111111111111</id>")
            .contains("url=https://www.journal-exemple.fr/lyon/msp-2026&amp;ct=ga")
            .doesNotContain("22222222222222222222");

        var second = result.items().get(1);
        assertThat(second.url()).isEqualTo("https://forum.exemple-sante.fr/t/avis-dr-martin-lyon-3/4812?page=2");
        assertThat(second.text()).isEqualTo("Avis Dr Martin Lyon 3e ? - Forum Santé\n"
                + "Quelqu'un connaît le Dr Claire Martin, rue Paul Bert ?");
        assertThat(second.publishedAt()).isEqualTo(Instant.parse("2026-02-28T17:30:00Z"));
    }

    @Test
    void readsAnRssForumFeedWithGuidsPublicationDatesAndAuthors() throws Exception {
        serve("/feed", "application/rss+xml; charset=utf-8", FORUM_RSS);

        var result = connector.fetch(request("/feed"));

        assertThat(result.items()).hasSize(2);
        var topic = result.items().get(0);
        assertThat(topic.externalId()).isEqualTo("forum.exemple-sante.fr-topic-4901");
        assertThat(topic.url()).isEqualTo("https://forum.exemple-sante.fr/t/medecin-traitant-lyon-3/4901");
        assertThat(topic.text()).isEqualTo("Médecin traitant à Lyon 3e ?\n"
                + "Je cherche un médecin traitant. Le Dr Claire Martin prend-elle de nouveaux patients ?");
        assertThat(topic.publishedAt()).isEqualTo(Instant.parse("2026-02-28T17:12:00Z"));
        assertThat(topic.author()).isEqualTo("Camille_69");
        assertThat(topic.language()).isEqualTo("fr");
        assertThat(topic.attributes()).containsEntry("flux", "Forum Santé Lyon – derniers sujets")
            .containsEntry("citeLeNom", "oui");
        assertThat(topic.raw()).startsWith("<item>").contains("<guid isPermaLink=\"false\">");

        var withoutGuid = result.items().get(1);
        assertThat(withoutGuid.externalId()).isEqualTo("https://forum.exemple-sante.fr/t/pharmacie-de-garde/4902");
        assertThat(withoutGuid.author()).isEqualTo("Lucas.R");
        assertThat(withoutGuid.attributes()).containsEntry("citeLeNom", "non");
        assertThat(result.check()).containsEntry("dernierElement", "2026-03-01T07:05:00Z");
    }

    @Test
    void malformedXmlIsMalformedWithAFrenchMessage() {
        serve("/feed", "application/rss+xml", "<rss version=\"2.0\"><channel><title>Forum</channel></rss>");

        var failure = catchThrowableOfType(ConnectorException.class, () -> connector.fetch(request("/feed")));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.MALFORMED);
        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.getMessage()).startsWith("Le flux localhost a renvoyé un XML invalide, ligne 1");
    }

    @Test
    void aWebPageInsteadOfAFeedIsMalformed() {
        serve("/feed", "text/html", "<html><body><p>Avant d'accéder à Google…</p></body></html>");

        var failure = catchThrowableOfType(ConnectorException.class, () -> connector.fetch(request("/feed")));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.MALFORMED);
        assertThat(failure.getMessage()).contains("n'est pas un flux RSS ou Atom (élément racine <html>)");
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        var base = upstream.baseUrl();
        upstream.stubFor(get("/secret").willReturn(aResponse().withBody("DONNÉES SECRÈTES")));
        upstream.stubFor(get("/evil.dtd").willReturn(aResponse().withBody("<!ENTITY leak SYSTEM \"" + base + "/secret\">")));
        serve("/xxe", "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s/secret"> <!ENTITY %% dtd SYSTEM "%s/evil.dtd"> %%dtd; ]>
                <rss version="2.0"><channel><title>&xxe;</title>
                  <item><title>&xxe; &leak;</title><link>https://exemple.fr/a</link></item>
                </channel></rss>
                """.formatted(base, base));

        var failure = catchThrowableOfType(ConnectorException.class, () -> connector.fetch(request("/xxe")));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.MALFORMED);
        assertThat(failure.getMessage()).contains("DOCTYPE, refusé par sécurité");
        upstream.verify(0, getRequestedFor(urlEqualTo("/secret")));
        upstream.verify(0, getRequestedFor(urlEqualTo("/evil.dtd")));
    }

    @Test
    void aServerErrorIsUnavailable() {
        upstream.stubFor(get("/feed").willReturn(aResponse().withStatus(500)));

        var failure = catchThrowableOfType(ConnectorException.class, () -> connector.fetch(request("/feed")));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("Le flux localhost est en panne (HTTP 500) : nouvel essai plus tard.");
    }

    @Test
    void tooManyRequestsCarriesTheRetryAfterAsked() {
        upstream.stubFor(get("/feed").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        var failure = catchThrowableOfType(ConnectorException.class, () -> connector.fetch(request("/feed")));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aSlowFeedTimesOutAsUnavailable() {
        upstream.stubFor(get("/feed").willReturn(aResponse().withFixedDelay(2_000).withBody(FORUM_RSS)));
        var impatient = new FeedConnector(http(Duration.ofMillis(500)));

        var failure = catchThrowableOfType(ConnectorException.class, () -> impatient.fetch(request("/feed")));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.UNAVAILABLE);
        assertThat(failure.getMessage()).contains("n'a pas répondu");
    }

    @Test
    void aMissingFeedIsNotFound() {
        upstream.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(404)));

        var failure = catchThrowableOfType(ConnectorException.class, () -> connector.fetch(request("/feed")));

        assertThat(failure.kind()).isEqualTo(ConnectorException.Kind.NOT_FOUND);
    }

    @Test
    void aFeedWithoutAnAddressIsASettingsError() {
        assertThatThrownBy(() -> connector.fetch(new FetchRequest(Map.of(), null, NAMES, null)))
            .isInstanceOfSatisfying(ConnectorException.class,
                    ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.SETTINGS))
            .hasMessageContaining("réglage « url »");
        assertThatThrownBy(() -> connector.fetch(new FetchRequest(Map.of("url", "file:///etc/passwd"), null, NAMES, null)))
            .isInstanceOfSatisfying(ConnectorException.class,
                    ex -> assertThat(ex.kind()).isEqualTo(ConnectorException.Kind.SETTINGS));
    }

    @Test
    void googleRedirectsAreUnwrappedAndOtherLinksKept() {
        assertThat(FeedConnector.unwrapGoogleRedirect(
                "https://www.google.com/url?rct=j&sa=t&url=https://www.journal-exemple.fr/a%C3%A9&ct=ga&cd=X&usg=Y"))
            .isEqualTo("https://www.journal-exemple.fr/aé");
        assertThat(FeedConnector.unwrapGoogleRedirect("https://www.google.fr/url?q=https://exemple.fr/p&sa=U"))
            .isEqualTo("https://exemple.fr/p");
        assertThat(FeedConnector.unwrapGoogleRedirect("https://www.google.com/url?url=javascript:alert(1)"))
            .isEqualTo("https://www.google.com/url?url=javascript:alert(1)");
        assertThat(FeedConnector.unwrapGoogleRedirect("https://www.exemple.fr/url?url=https://ailleurs.fr"))
            .isEqualTo("https://www.exemple.fr/url?url=https://ailleurs.fr");
    }

    static ConnectorHttp http(Duration timeout) {
        return new ConnectorHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), CLOCK, timeout);
    }

    private void serve(String path, String contentType, String body) {
        upstream.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", contentType).withBody(body)));
    }

    private FetchRequest request(String path) {
        return new FetchRequest(Map.of("url", upstream.baseUrl() + path), null, NAMES, null);
    }

}
