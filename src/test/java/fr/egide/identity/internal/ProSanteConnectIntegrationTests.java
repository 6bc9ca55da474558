package fr.egide.identity.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with Pro Santé Connect against a local provider: WireMock plays PSC's Keycloak (token endpoint, signed
 * ID token, JWKS, and PSC's own userinfo with SubjectNameID / preferred_username carrying the IDNPS "8" + RPPS).
 * The authorization request carries PSC's scopes and acr_values=eidas1; the RPPS finds the account linked to it,
 * provided a cabinet of that account declares the practitioner; any other RPPS is refused in French.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProSanteConnectIntegrationTests {

    static final WireMockServer psc = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static final RSAKey KEY;

    static {
        psc.start();
        try {
            KEY = new RSAKeyGenerator(2048).keyID("psc-test").generate();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String issuer() {
        return psc.baseUrl() + "/auth/realms/esante-wallet";
    }

    @DynamicPropertySource
    static void pscOnWireMock(DynamicPropertyRegistry registry) {
        registry.add("egide.identity.psc.client-id", () -> "egide-test");
        registry.add("egide.identity.psc.client-secret", () -> "secret-de-test");
        registry.add("egide.identity.psc.issuer-uri", ProSanteConnectIntegrationTests::issuer);
        registry.add("egide.identity.psc.authorization-uri", () -> psc.baseUrl() + "/auth");
    }

    @AfterAll
    static void stop() {
        psc.stop();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
        psc.resetAll();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    static String randomRpps() {
        return "10" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    /** A practitioner with this RPPS in a cabinet of a new user, whose account is linked to the RPPS. */
    fr.egide.identity.EgideUser practitionerAccount(String rpps) {
        var user = TestAccounts.create(context, "Dr PSC");
        TestAccounts.signIn(context, user);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet PSC " + rpps, null, null, null));
        practice.addPractitioner(cabinet.id(), new PractitionerForm(Civility.DR, "Anne", "Connect", Profession.MEDECIN, null, rpps,
                null, null, null, null, false));
        TestAccounts.signOut();
        context.getBean(Users.class).linkRpps(user.id(), rpps);
        return user;
    }

    static Map<String, String> query(String location) {
        return Arrays.stream(URI.create(location).getRawQuery().split("&"))
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    /** PSC's answers for one sign-in: an ID token for this nonce, then userinfo with the IDNPS. */
    void pscAnswers(String nonce, String subject, String idnps) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).audience("egide-test")
            .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000)).claim("nonce", nonce)
            .claim("acr", "eidas1").build();
        var idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
        idToken.sign(new RSASSASigner(KEY));
        psc.stubFor(get(urlPathEqualTo("/auth/realms/esante-wallet/protocol/openid-connect/certs"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(KEY.toPublicJWK()).toString())));
        psc.stubFor(post(urlPathEqualTo("/auth/realms/esante-wallet/protocol/openid-connect/token"))
            .withHeader("Authorization", equalTo("Basic ZWdpZGUtdGVzdDpzZWNyZXQtZGUtdGVzdA=="))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\": \"jeton-psc\", \"token_type\": \"Bearer\", \"expires_in\": 120, "
                        + "\"scope\": \"openid scope_all\", \"id_token\": \"" + idToken.serialize() + "\"}")));
        psc.stubFor(get(urlPathEqualTo("/auth/realms/esante-wallet/protocol/openid-connect/userinfo"))
            .withHeader("Authorization", equalTo("Bearer jeton-psc"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"sub\": \"" + subject + "\", \"SubjectNameID\": \"" + idnps + "\", \"preferred_username\": \"" + idnps
                        + "\", \"given_name\": \"ANNE\", \"family_name\": \"CONNECT\", \"SubjectRefPro\": {\"codeCivilite\": \"DR\", "
                        + "\"exercices\": [{\"codeProfession\": \"10\", \"nomDexercice\": \"CONNECT\"}]}}")));
    }

    /** Runs the authorization code flow as a browser would; returns the answer to the callback. */
    java.net.http.HttpResponse<String> signInWithPsc(WebClient browser, String idnps) throws Exception {
        var start = browser.get("/oauth2/authorization/psc");
        assertThat(start.statusCode()).isEqualTo(302);
        var authorize = WebClient.location(start);
        assertThat(authorize).startsWith(psc.baseUrl() + "/auth?");
        var parameters = query(authorize);
        assertThat(parameters).containsEntry("acr_values", "eidas1").containsEntry("scope", "openid scope_all")
            .containsEntry("client_id", "egide-test").containsEntry("response_type", "code").containsKey("nonce");
        pscAnswers(parameters.get("nonce"), "f:" + UUID.randomUUID(), idnps);
        var callback = parameters.get("redirect_uri") + "?code=code-psc&state="
                + java.net.URLEncoder.encode(parameters.get("state"), StandardCharsets.UTF_8);
        assertThat(callback).startsWith("http://localhost:" + port + "/login/oauth2/code/psc");
        return browser.get(callback);
    }

    @Test
    void theSignInPageOffersProSanteConnect() throws Exception {
        TestAccounts.create(context, "Dr Page");
        var page = new WebClient(port).get("/connexion");
        assertThat(WebClient.text(page)).contains("Se connecter avec Pro Santé Connect");
    }

    @Test
    void aPractitionerSignsInWithTheRppsOfTheirAccount() throws Exception {
        var rpps = randomRpps();
        var user = practitionerAccount(rpps);
        var browser = new WebClient(port);
        var callback = signInWithPsc(browser, "8" + rpps);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(callback)).endsWith("/");
        var home = browser.get("/mentions");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(WebClient.text(home)).contains(user.displayName());
        // The session holds the Égide account, as after a password: the API of pages works with it.
        assertThat(WebClient.text(browser.get("/compte"))).contains(user.email());
    }

    @Test
    void anRppsLinkedToNoAccountIsRefusedInFrench() throws Exception {
        TestAccounts.create(context, "Dr Autre");
        var rpps = randomRpps();
        var browser = new WebClient(port);
        var callback = signInWithPsc(browser, "8" + rpps);
        assertThat(WebClient.location(callback)).endsWith("/connexion?oidc");
        var page = browser.get("/connexion?oidc");
        assertThat(WebClient.text(page)).contains("Aucun compte Égide n'est lié au numéro RPPS " + rpps);
        assertThat(WebClient.location(browser.get("/mentions"))).endsWith("/connexion");
    }

    @Test
    void anRppsNoCabinetOfTheAccountDeclaresIsRefused() throws Exception {
        var rpps = randomRpps();
        var user = TestAccounts.create(context, "Dr Sans Cabinet");
        context.getBean(Users.class).linkRpps(user.id(), rpps);
        var browser = new WebClient(port);
        var callback = signInWithPsc(browser, "8" + rpps);
        assertThat(WebClient.location(callback)).endsWith("/connexion?oidc");
        assertThat(WebClient.text(browser.get("/connexion?oidc"))).contains("ne correspond à aucun praticien déclaré");
    }

    @Test
    void theAccountPageLinksAnRppsOnlyForAPractitionerOfTheUsersCabinets() throws Exception {
        var rpps = randomRpps();
        var user = practitionerAccount(rpps);
        context.getBean(Users.class).linkRpps(user.id(), null);
        var browser = new WebClient(port);
        browser.signIn(user.email(), TestAccounts.PASSWORD);
        browser.submit("/compte", "/compte/rpps", "rpps", randomRpps());
        assertThat(WebClient.text(browser.get("/compte"))).contains("Aucun praticien de vos cabinets ne porte le numéro RPPS");
        browser.submit("/compte", "/compte/rpps", "rpps", rpps.substring(0, 5) + " " + rpps.substring(5));
        assertThat(WebClient.text(browser.get("/compte"))).contains("Votre compte est lié à ce numéro RPPS");
        assertThat(context.getBean(Users.class).rppsOf(user.id())).hasValue(rpps);
        assertThat(signInWithPsc(new WebClient(port), "8" + rpps).headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/"));
    }

    @Test
    void readsTheRppsFromTheIdnpsClaims() {
        assertThat(OidcAccounts.rpps(Map.of("SubjectNameID", "810101010101"))).isEqualTo("10101010101");
        assertThat(OidcAccounts.rpps(Map.of("preferred_username", "10101010101"))).isEqualTo("10101010101");
        // An ADELI-based identifier ("0" + ADELI) is no RPPS.
        assertThat(OidcAccounts.rpps(Map.of("SubjectNameID", "0123456789"))).isNull();
    }

}
