package fr.egide.monitoring.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.ReviewReplies;
import fr.egide.monitoring.SourceScans;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import fr.egide.replies.Replies;
import fr.egide.replies.ReplyOrigin;
import fr.egide.replies.ReplyState;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The practitioner's own Google listing in the application, against WireMock copies of Google's OAuth token
 * endpoint and Business Profile APIs (shapes of shared/CONNECTORS.md): connect the account from the watch page
 * (consent, Google's answer, the state checked once), tokens stored encrypted, pick the location, scan its reviews
 * with an expired access token (401, refreshed, retried once), a withdrawn authorisation putting the source in error
 * with what to do, and an approved reply posted through the replies workflow and read back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GoogleBusinessIntegrationTests {

    static final WireMockServer google = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        google.start();
    }

    static final String ACCOUNT = "accounts/112233445566778899";

    static final String LOCATION = ACCOUNT + "/locations/998877665544332211";

    static final String REVIEWS = "/v4/" + LOCATION + "/reviews";

    static final String SCOPE = "https://www.googleapis.com/auth/business.manage";

    static final String REVIEWS_PAGE = """
            {
              "reviews": [
                {
                  "name": "accounts/112233445566778899/locations/998877665544332211/reviews/AbFvOqmX2cTest01",
                  "reviewId": "AbFvOqmX2cTest01",
                  "reviewer": {"displayName": "Sophie Lefèvre", "isAnonymous": false},
                  "starRating": "TWO",
                  "comment": "Attente de quarante minutes malgré le rendez-vous, accueil pressé.",
                  "createTime": "2026-03-02T09:14:27.512Z",
                  "updateTime": "2026-03-02T09:14:27.512Z"
                },
                {
                  "name": "accounts/112233445566778899/locations/998877665544332211/reviews/AbFvOqnY7dTest02",
                  "reviewId": "AbFvOqnY7dTest02",
                  "reviewer": {"isAnonymous": true},
                  "starRating": "FIVE",
                  "createTime": "2026-02-20T18:02:03Z",
                  "updateTime": "2026-02-21T07:45:00Z"
                }
              ],
              "averageRating": 3.5,
              "totalReviewCount": 2
            }
            """;

    static final String UNAUTHENTICATED = """
            {"error": {"code": 401, "message": "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "status": "UNAUTHENTICATED"}}
            """;

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry properties) {
        properties.add("egide.monitoring.google.client-id", () -> "egide-test.apps.googleusercontent.com");
        properties.add("egide.monitoring.google.client-secret", () -> "secret-du-client-de-test");
        properties.add("egide.monitoring.google.redirect-uri", () -> "https://egide.example/veille/google/retour");
        properties.add("egide.monitoring.google.authorization-endpoint", () -> google.baseUrl() + "/o/oauth2/v2/auth");
        properties.add("egide.monitoring.google.token-endpoint", () -> google.baseUrl() + "/token");
        properties.add("egide.monitoring.google.reviews-api", google::baseUrl);
        properties.add("egide.monitoring.google.accounts-api", google::baseUrl);
        properties.add("egide.monitoring.google.locations-api", google::baseUrl);
    }

    @AfterAll
    static void stop() {
        google.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    SourceScans scans;

    @Autowired
    SourceScanner scanner;

    @Autowired
    ReviewReplies reviewReplies;

    @Autowired
    Replies replies;

    @Autowired
    JdbcClient jdbc;

    HttpClient browser;

    UUID cabinet;

    @BeforeEach
    void signedInPractitioner() throws Exception {
        var cookies = new CookieManager();
        browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        var user = TestAccounts.create(context, "Dr Fiche Google");
        TestAccounts.signIn(context, user);
        cabinet = practice.createCabinet(new CabinetForm("Cabinet Google " + UUID.randomUUID(), null, null, null)).id();
        practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Claire", "Martin", Profession.MEDECIN, null, null,
                List.of(), List.of(), null, null, false));
        var signIn = postForm("/connexion", "/connexion", "email", user.email(), "motDePasse", TestAccounts.PASSWORD);
        assertThat(signIn.statusCode()).isEqualTo(302);
        stubAccountAndLocation("ya29.acces-1");
    }

    @AfterEach
    void reset() {
        google.resetAll();
        TestAccounts.signOut();
    }

    @Test
    void connectingTheAccountStoresItsTokensEncryptedAndTheChosenListingIsScannedWithARefreshOn401() throws Exception {
        var connection = connect("code-ok", "ya29.acces-1", "1//renouvellement-secret");

        // Tokens are in the database only encrypted.
        var stored = jdbc.sql("select refresh_token || ' ' || access_token from monitoring_google_connection where id = ?")
            .param(connection).query(String.class).single();
        assertThat(stored).startsWith("enc:").doesNotContain("renouvellement-secret").doesNotContain("ya29.acces-1");

        // The picker lists the listings the account manages; choosing one adds the source.
        var picker = page("/veille/" + cabinet + "/google/" + connection);
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(text(picker)).contains("Dr Claire Martin - Médecin généraliste", "12 rue Paul Bert, 69003 Lyon");
        var follow = postForm("/veille/" + cabinet + "/google/" + connection, "/veille/" + cabinet + "/google/" + connection,
                "location", LOCATION);
        assertThat(follow.statusCode()).isEqualTo(302);
        assertThat(follow.headers().firstValue("Location").orElseThrow()).endsWith("/veille/" + cabinet);
        var source = scans.statuses(cabinet).stream().filter(s -> s.kind() == fr.egide.monitoring.SourceKind.GOOGLE_BUSINESS)
            .findFirst().orElseThrow();
        assertThat(source.name()).isEqualTo("Google — Dr Claire Martin - Médecin généraliste");
        assertThat(source.settings()).containsEntry("location", LOCATION).containsEntry("connexion", connection.toString());

        // Google no longer takes the access token: it is renewed once and the same page asked again.
        google.stubFor(get(urlPathEqualTo(REVIEWS)).withHeader("Authorization", equalTo("Bearer ya29.acces-1"))
            .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(UNAUTHENTICATED)));
        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
            .withRequestBody(containing("refresh_token=1%2F%2Frenouvellement-secret"))
            .willReturn(okJson("{\"access_token\": \"ya29.acces-2\", \"expires_in\": 3599, \"scope\": \"" + SCOPE
                    + "\", \"token_type\": \"Bearer\"}")));
        google.stubFor(get(urlPathEqualTo(REVIEWS)).withHeader("Authorization", equalTo("Bearer ya29.acces-2"))
            .willReturn(okJson(REVIEWS_PAGE)));

        var outcome = scanner.scan(source.id());

        assertThat(outcome.error()).isNull();
        assertThat(outcome.created()).isEqualTo(2);
        google.verify(1, postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token")));
        google.verify(2, getRequestedFor(urlPathEqualTo(REVIEWS)));
        assertThat(jdbc.sql("select access_token from monitoring_google_connection where id = ?").param(connection).query(String.class)
            .single()).startsWith("enc:").doesNotContain("acces-2");

        // The next scan uses the renewed token without asking again.
        scanner.scan(source.id());
        google.verify(1, postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token")));
        assertThat(scans.status(source.id()).state()).isEqualTo("ACTIVE");
    }

    @Test
    void anApprovedReplyIsPostedOnGoogleAndReadBack() throws Exception {
        var source = followedListing();
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson(REVIEWS_PAGE)));
        scanner.scan(source);
        var mention = jdbc.sql("select id from monitoring_mention where source_id = ? and external_id = 'AbFvOqmX2cTest01'")
            .param(source).query(UUID.class).single();
        assertThat(reviewReplies.canPublish(mention)).isTrue();

        var reply = "Bonjour, merci d'avoir pris le temps d'écrire. Nous sommes désolés de cette attente et restons "
                + "à votre disposition au cabinet pour en parler.";
        var review = "/v4/" + LOCATION + "/reviews/AbFvOqmX2cTest01";
        google.stubFor(put(urlPathEqualTo(review + "/reply")).willReturn(okJson("{\"comment\": \"" + reply
                + "\", \"updateTime\": \"2026-03-06T10:00:00Z\"}")));
        google.stubFor(get(urlPathEqualTo(review)).willReturn(okJson("{\"name\": \"" + LOCATION.substring(0) + "/reviews/AbFvOqmX2cTest01\", "
                + "\"reviewReply\": {\"comment\": \"" + reply + "\", \"updateTime\": \"2026-03-06T10:00:00Z\", "
                + "\"reviewReplyState\": \"PENDING\"}}")));

        replies.open(mention);
        var draft = replies.create(mention, reply, ReplyOrigin.MANUEL);
        replies.submit(draft.id());
        replies.approve(draft.id(), "Relue à froid ce matin avec mon associée, pas de détail sur les soins.");
        var published = replies.publish(draft.id(), null);

        assertThat(published.state()).isEqualTo(ReplyState.PUBLIE);
        google.verify(putRequestedFor(urlPathEqualTo(review + "/reply")).withHeader("Authorization", equalTo("Bearer ya29.acces-1"))
            .withRequestBody(equalToJson("{\"comment\": \"" + reply + "\"}")));
        google.verify(getRequestedFor(urlPathEqualTo(review)));
        assertThat(published.events()).anySatisfy(event -> assertThat(event.comment()).contains("Google Business Profile"));
    }

    @Test
    void aReplyGoogleDoesNotShowBackIsNotCountedAsPublished() throws Exception {
        var source = followedListing();
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson(REVIEWS_PAGE)));
        scanner.scan(source);
        var mention = jdbc.sql("select id from monitoring_mention where source_id = ? and external_id = 'AbFvOqmX2cTest01'")
            .param(source).query(UUID.class).single();
        var review = "/v4/" + LOCATION + "/reviews/AbFvOqmX2cTest01";
        google.stubFor(put(urlPathEqualTo(review + "/reply")).willReturn(okJson("{\"comment\": \"Merci.\"}")));
        google.stubFor(get(urlPathEqualTo(review)).willReturn(okJson("{\"name\": \"x\"}")));

        assertThatThrownBy(() -> reviewReplies.publish(mention, "Merci."))
            .isInstanceOf(fr.egide.system.ConflictException.class)
            .hasMessageContaining("n'a pas été publiée")
            .hasMessageContaining("lue en retour diffère");
    }

    @Test
    void aWithdrawnAuthorisationPutsTheSourceInErrorAndAsksToReconnect() throws Exception {
        var source = followedListing();
        var connection = UUID.fromString(scans.status(source).settings().get("connexion"));
        // The access token has expired; Google refuses to renew it: the user withdrew Égide's access.
        jdbc.sql("update monitoring_google_connection set access_expires_at = now() - interval '1 hour' where id = ?")
            .param(connection).update();
        google.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));

        var outcome = scanner.scan(source);

        assertThat(outcome.status()).isEqualTo("ECHEC");
        var status = scans.status(source);
        assertThat(status.state()).isEqualTo("EN_ERREUR");
        assertThat(status.lastError()).contains("autorisation Google a été retirée", "Reconnectez le compte Google");
        google.verify(0, getRequestedFor(urlPathEqualTo(REVIEWS)));
        assertThat(jdbc.sql("select revoked_at is not null from monitoring_google_connection where id = ?").param(connection)
            .query(Boolean.class).single()).isTrue();
        var page = text(page("/veille/" + cabinet));
        assertThat(page).contains("Autorisation retirée le", "Reconnectez le compte Google");
        // A new source cannot be tied to a withdrawn account.
        assertThatThrownBy(() -> scans.add(cabinet, new SourceScans.SourceSettings(fr.egide.monitoring.SourceKind.GOOGLE_BUSINESS,
                "Autre fiche", Map.of("account", ACCOUNT, "location", LOCATION, "connexion", connection.toString()), null, null, null)))
            .hasMessageContaining("reconnectez-le");
    }

    @Test
    void eachFailureOfTheListingGivesAClearMessageOnTheSourceAndLosesNothing() throws Exception {
        var source = followedListing();
        google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(okJson(REVIEWS_PAGE)));
        scanner.scan(source);
        var stored = jdbc.sql("select count(*) from monitoring_mention where source_id = ?").param(source);
        assertThat(stored.query(Long.class).single()).isEqualTo(2);

        record Case(int status, String contentType, String body, String retryAfter, String state, String message) {
        }
        var cases = List.of(
                new Case(429, "application/json", "{\"error\": {\"code\": 429, \"message\": \"Quota exceeded\", \"status\": \"RESOURCE_EXHAUSTED\"}}",
                        "120", "ACTIVE", "429"),
                new Case(500, "application/json", "{\"error\": {\"code\": 500, \"message\": \"Internal error\", \"status\": \"INTERNAL\"}}",
                        null, "ACTIVE", "nouvel essai"),
                new Case(200, "application/json", "{\"reviews\": [{\"reviewId\": ", null, "ACTIVE", "illisible"),
                new Case(404, "application/json", "{\"error\": {\"code\": 404, \"message\": \"Requested entity was not found.\", \"status\": \"NOT_FOUND\"}}",
                        null, "EN_ERREUR", "introuvable"),
                new Case(403, "application/json", """
                        {"error": {"code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED",
                          "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT"}]}}
                        """, null, "EN_ERREUR", "autoris"));
        for (var failure : cases) {
            google.resetAll();
            var response = aResponse().withStatus(failure.status()).withHeader("Content-Type", failure.contentType()).withBody(failure.body());
            if (failure.retryAfter() != null) {
                response = response.withHeader("Retry-After", failure.retryAfter());
            }
            google.stubFor(get(urlPathEqualTo(REVIEWS)).willReturn(response));
            scans.resume(source);

            var outcome = scanner.scan(source);

            var status = scans.status(source);
            assertThat(outcome.status()).as("HTTP %d", failure.status()).isEqualTo("ECHEC");
            assertThat(status.state()).as("HTTP %d", failure.status()).isEqualTo(failure.state());
            assertThat(status.lastError()).as("HTTP %d", failure.status()).containsIgnoringCase(failure.message());
            assertThat(stored.query(Long.class).single()).as("nothing lost after HTTP %d", failure.status()).isEqualTo(2);
            if (failure.retryAfter() != null) {
                // Retry-After honoured: not asked again for two minutes.
                assertThat(status.nextRunAt()).isAfter(java.time.Instant.now().plusSeconds(100));
            }
        }
        assertThat(jdbc.sql("select count(*) from monitoring_scan where source_id = ? and status = 'ECHEC'").param(source).query(Long.class)
            .single()).isEqualTo(5);
    }

    @Test
    void theStateServesOnceAndARefusedConsentConnectsNothing() throws Exception {
        var start = postForm("/veille/" + cabinet + "/google/connexion", "/veille/" + cabinet);
        var state = query(URI.create(start.headers().firstValue("Location").orElseThrow())).get("state");

        var refused = page("/veille/google/retour?state=" + enc(state) + "&error=access_denied");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(text(refused)).contains("Vous n'avez pas autorisé Égide à lire la fiche Google");

        var replayed = page("/veille/google/retour?state=" + enc(state) + "&code=code-ok");
        assertThat(text(replayed)).contains("ne correspond à aucune connexion en cours");
        var forged = page("/veille/google/retour?state=invente&code=code-ok");
        assertThat(text(forged)).contains("ne correspond à aucune connexion en cours");
        google.verify(0, postRequestedFor(urlPathEqualTo("/token")));
        assertThat(jdbc.sql("select count(*) from monitoring_google_connection where cabinet_id = ?").param(cabinet).query(Long.class)
            .single()).isZero();
        // Without a connected account, the generic form cannot add the own listing.
        assertThatThrownBy(() -> scans.add(cabinet, new SourceScans.SourceSettings(fr.egide.monitoring.SourceKind.GOOGLE_BUSINESS,
                "Fiche", Map.of("account", ACCOUNT, "location", LOCATION), null, null, null)))
            .hasMessageContaining("connectez d'abord le compte Google");
    }

    @Test
    void anotherCabinetCannotSeeOrUseTheConnection() throws Exception {
        var connection = connect("code-ok", "ya29.acces-1", "1//renouvellement-secret");
        var ownCabinet = cabinet;
        signedInPractitioner();
        assertThat(page("/veille/" + ownCabinet + "/google/" + connection).statusCode()).isEqualTo(404);
        assertThat(page("/veille/" + cabinet + "/google/" + connection).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> scans.add(cabinet, new SourceScans.SourceSettings(fr.egide.monitoring.SourceKind.GOOGLE_BUSINESS,
                "Fiche d'un autre", Map.of("account", ACCOUNT, "location", LOCATION, "connexion", connection.toString()), null, null, null)))
            .hasMessageContaining("Aucun compte Google connecté à ce cabinet");
    }

    /** Consent started from the watch page, Google's answer with a code, exchanged for the given tokens. */
    UUID connect(String code, String accessToken, String refreshToken) throws Exception {
        var page = page("/veille/" + cabinet);
        assertThat(text(page)).contains("Connecter un compte Google");
        var start = postForm("/veille/" + cabinet + "/google/connexion", "/veille/" + cabinet);
        assertThat(start.statusCode()).isEqualTo(302);
        var consent = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(consent.toString()).startsWith(google.baseUrl() + "/o/oauth2/v2/auth?");
        var query = query(consent);
        assertThat(query).containsEntry("client_id", "egide-test.apps.googleusercontent.com")
            .containsEntry("redirect_uri", "https://egide.example/veille/google/retour").containsEntry("scope", SCOPE)
            .containsEntry("access_type", "offline").containsEntry("response_type", "code");
        assertThat(query.get("state")).hasSizeGreaterThan(30);
        assertThat(jdbc.sql("select count(*) from monitoring_oauth_state where state_hash = ?")
            .param(GoogleConnections.sha256(query.get("state"))).query(Long.class).single()).isEqualTo(1);

        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
            .withRequestBody(containing("code=" + code))
            .willReturn(okJson("{\"access_token\": \"" + accessToken + "\", \"expires_in\": 3599, \"refresh_token\": \""
                    + refreshToken + "\", \"scope\": \"" + SCOPE + "\", \"token_type\": \"Bearer\"}")));
        var back = page("/veille/google/retour?state=" + enc(query.get("state")) + "&code=" + enc(code) + "&scope=" + enc(SCOPE));
        assertThat(back.statusCode()).isEqualTo(302);
        var location = back.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/veille/" + cabinet + "/google/");
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    UUID followedListing() throws Exception {
        var connection = connect("code-ok", "ya29.acces-1", "1//renouvellement-secret");
        postForm("/veille/" + cabinet + "/google/" + connection, "/veille/" + cabinet + "/google/" + connection, "location", LOCATION);
        return scans.statuses(cabinet).stream().filter(s -> s.kind() == fr.egide.monitoring.SourceKind.GOOGLE_BUSINESS)
            .findFirst().orElseThrow().id();
    }

    static void stubAccountAndLocation(String token) {
        google.stubFor(get(urlPathEqualTo("/v1/accounts")).withHeader("Authorization", equalTo("Bearer " + token)).willReturn(okJson("""
                {"accounts": [{"name": "accounts/112233445566778899", "accountName": "Claire Martin", "type": "PERSONAL",
                  "role": "PRIMARY_OWNER", "verificationState": "VERIFIED"}]}
                """)));
        google.stubFor(get(urlPathEqualTo("/v1/accounts/112233445566778899/locations")).withHeader("Authorization", equalTo("Bearer " + token))
            .willReturn(okJson("""
                {"locations": [{"name": "locations/998877665544332211", "title": "Dr Claire Martin - Médecin généraliste",
                  "storefrontAddress": {"regionCode": "FR", "postalCode": "69003", "locality": "Lyon", "addressLines": ["12 rue Paul Bert"]},
                  "metadata": {"placeId": "ChIJFAKE-Lyon-Martin-0001", "mapsUri": "https://maps.google.com/maps?cid=1234567890123456789"}}]}
                """)));
    }

    static Map<String, String> query(URI uri) {
        var values = new LinkedHashMap<String, String>();
        Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
            .forEach(pair -> values.put(URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                    pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
        return values;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> page(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String csrfPage, String... fields) throws Exception {
        var csrf = Jsoup.parse(page(csrfPage).body()).selectFirst("input[name=_csrf]").val();
        var body = new StringBuilder("_csrf=" + enc(csrf));
        for (int i = 0; i < fields.length; i += 2) {
            body.append('&').append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
        }
        return browser.send(HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String text(HttpResponse<String> response) {
        return Jsoup.parse(response.body()).text();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
