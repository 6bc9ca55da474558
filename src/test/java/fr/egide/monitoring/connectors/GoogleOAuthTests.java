package fr.egide.monitoring.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static fr.egide.monitoring.connectors.GoogleBusinessProfileConnectorTests.NOW;
import static fr.egide.monitoring.connectors.GoogleBusinessProfileConnectorTests.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import fr.egide.monitoring.connectors.ConnectorException.Kind;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GoogleOAuthTests {

    @RegisterExtension
    static WireMockExtension google = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final GoogleOAuth.Client CLIENT = new GoogleOAuth.Client("123456789012-egide.apps.googleusercontent.com",
            "GOCSPX-secret-de-test", "https://egide.cabinet-martin.fr/google/retour");

    GoogleOAuth oauth;

    @BeforeEach
    void connect() {
        oauth = oauth(Duration.ofSeconds(5));
    }

    GoogleOAuth oauth(Duration timeout) {
        return new GoogleOAuth(URI.create(google.baseUrl() + "/token"), CLIENT,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Clock.fixed(NOW, ZoneOffset.UTC),
                timeout);
    }

    @Test
    void theConsentAddressAsksForOfflineAccessToTheListing() {
        var uri = oauth.consentUri("etat-aleatoire-42");

        assertThat(uri.getScheme() + "://" + uri.getHost() + uri.getPath())
            .isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
        assertThat(query(uri.getRawQuery())).containsExactly(Map.entry("client_id", CLIENT.id()),
                Map.entry("redirect_uri", "https://egide.cabinet-martin.fr/google/retour"),
                Map.entry("response_type", "code"), Map.entry("scope", "https://www.googleapis.com/auth/business.manage"),
                Map.entry("access_type", "offline"), Map.entry("prompt", "consent"), Map.entry("state", "etat-aleatoire-42"));
        assertThatThrownBy(() -> oauth.consentUri(" ")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("state");
    }

    @Test
    void exchangesTheCodeForTokens() throws Exception {
        google.stubFor(post(urlEqualTo("/token")).willReturn(okJson("""
                {"access_token": "ya29.a0-jeton-acces", "expires_in": 3599, "refresh_token": "1//09-jeton-renouvellement",
                 "scope": "https://www.googleapis.com/auth/business.manage", "token_type": "Bearer"}
                """)));

        var tokens = oauth.exchange("4/0AbCD-code-de-test");

        assertThat(tokens).isEqualTo(new GoogleOAuth.Tokens("ya29.a0-jeton-acces", "1//09-jeton-renouvellement",
                NOW.plusSeconds(3599), "https://www.googleapis.com/auth/business.manage"));
        assertThat(tokens.toString()).doesNotContain("ya29").doesNotContain("1//09");
        google.verify(postRequestedFor(urlEqualTo("/token"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withFormParam("grant_type", equalTo("authorization_code"))
            .withFormParam("code", equalTo("4/0AbCD-code-de-test"))
            .withFormParam("client_id", equalTo(CLIENT.id()))
            .withFormParam("client_secret", equalTo("GOCSPX-secret-de-test"))
            .withFormParam("redirect_uri", equalTo("https://egide.cabinet-martin.fr/google/retour")));
    }

    @Test
    void refreshesTheAccessTokenAndKeepsNoNewRefreshToken() throws Exception {
        google.stubFor(post(urlEqualTo("/token")).willReturn(okJson("""
                {"access_token": "ya29.a0-nouveau-jeton", "expires_in": 3599,
                 "scope": "https://www.googleapis.com/auth/business.manage", "token_type": "Bearer"}
                """)));

        var tokens = oauth.refresh("1//09-jeton-renouvellement");

        assertThat(tokens.accessToken()).isEqualTo("ya29.a0-nouveau-jeton");
        assertThat(tokens.refreshToken()).isNull();
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(3599));
        google.verify(postRequestedFor(urlEqualTo("/token")).withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("refresh_token", equalTo("1//09-jeton-renouvellement"))
            .withFormParam("client_id", equalTo(CLIENT.id()))
            .withFormParam("client_secret", equalTo("GOCSPX-secret-de-test")));
    }

    @Test
    void aWithdrawnAuthorisationAsksTheUserToReconnect() {
        google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Token has been expired or revoked.\"}")));

        var failure = failure(() -> oauth.refresh("1//09-jeton-revoque"));

        assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.getMessage()).startsWith("l'autorisation Google a été retirée : reconnectez le compte")
            .contains("Token has been expired or revoked.");
    }

    @Test
    void aCodeUsedTwiceIsRefused() {
        google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Bad Request\"}")));

        var failure = failure(() -> oauth.exchange("4/0AbCD-code-deja-utilise"));

        assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(failure.getMessage()).contains("a expiré ou a déjà servi");
    }

    @Test
    void aWrongClientSecretIsASettingsProblem() {
        google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"invalid_client\", \"error_description\": \"Unauthorized\"}")));

        var failure = failure(() -> oauth.refresh("1//09-jeton-renouvellement"));

        assertThat(failure.kind()).isEqualTo(Kind.SETTINGS);
        assertThat(failure.getMessage()).contains("invalid_client").contains("secret");
    }

    @Test
    void aGrantWithoutTheListingScopeIsRefused() {
        google.stubFor(post(urlEqualTo("/token")).willReturn(okJson("""
                {"access_token": "ya29.a0-jeton-acces", "expires_in": 3599, "refresh_token": "1//09-jeton",
                 "scope": "openid https://www.googleapis.com/auth/userinfo.email", "token_type": "Bearer"}
                """)));

        var failure = failure(() -> oauth.exchange("4/0AbCD-code-de-test"));

        assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(failure.getMessage()).contains("n'a pas été autorisée");
    }

    @Test
    void outagesRateLimitsAndUnreadableAnswersAreMapped() {
        google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503)));
        assertThat(failure(() -> oauth.refresh("1//09-jeton")).kind()).isEqualTo(Kind.UNAVAILABLE);

        google.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
        var limited = failure(() -> oauth.refresh("1//09-jeton"));
        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(30));

        google.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"access_token\": ")));
        assertThat(failure(() -> oauth.refresh("1//09-jeton")).kind()).isEqualTo(Kind.MALFORMED);

        google.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{}").withFixedDelay(2000)));
        var slow = failure(() -> oauth(Duration.ofMillis(500)).refresh("1//09-jeton"));
        assertThat(slow.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(slow.getMessage()).contains("500 ms");
    }

    @Test
    void withoutARefreshTokenNothingIsSent() {
        assertThat(failure(() -> oauth.refresh(null)).kind()).isEqualTo(Kind.FORBIDDEN);
        google.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theCipherRoundTripsATokenWithAFreshIvEachTime() {
        var cipher = new TokenCipher(TokenCipher.newKey());

        var once = cipher.encrypt("1//09-jeton-renouvellement");
        var twice = cipher.encrypt("1//09-jeton-renouvellement");

        assertThat(once).startsWith("v1:").isNotEqualTo(twice).doesNotContain("jeton");
        assertThat(Base64.getDecoder().decode(once.substring(3))).hasSize(12 + "1//09-jeton-renouvellement".length() + 16);
        assertThat(cipher.decrypt(once)).isEqualTo("1//09-jeton-renouvellement");
        assertThat(cipher.decrypt(twice)).isEqualTo("1//09-jeton-renouvellement");
    }

    @Test
    void theCipherRefusesATamperedValueOrAnotherKey() {
        var key = TokenCipher.newKey();
        var cipher = new TokenCipher(key);
        var stored = cipher.encrypt("ya29.a0-jeton-acces");
        var bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 20] ^= 1;
        var tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("altéré");
        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, 20))).hasMessageContaining("altéré");
        assertThatThrownBy(() -> cipher.decrypt("v2:" + stored.substring(3))).hasMessageContaining("format inconnu");
        var otherKey = Arrays.copyOf(key, key.length);
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> new TokenCipher(otherKey).decrypt(stored)).hasMessageContaining("autre clé");
        assertThat(TokenCipher.ofBase64(Base64.getEncoder().encodeToString(key)).decrypt(stored))
            .isEqualTo("ya29.a0-jeton-acces");
    }

    @Test
    void theCipherWantsAThirtyTwoByteKey() {
        assertThatThrownBy(() -> new TokenCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("32 octets");
        assertThatThrownBy(() -> TokenCipher.ofBase64("pas du base64 !")).hasMessageContaining("Base64");
    }

    static Map<String, String> query(String raw) {
        var parameters = new LinkedHashMap<String, String>();
        for (var pair : raw.split("&")) {
            var parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

}
