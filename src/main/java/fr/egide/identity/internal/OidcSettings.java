package fr.egide.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with Pro Santé Connect (PSC), the national OpenID Connect provider of health professionals. Off unless
 * a client id is set. The environment picks the preset endpoints ("bas" is the ANS test bench, "production" the
 * real one); {@code issuerUri} and {@code authorizationUri} override them (a test provider, a new ANS address).
 * See docs/AUTHENTICATION.md.
 */
@ConfigurationProperties("egide.identity.psc")
record OidcSettings(String clientId, String clientSecret, @DefaultValue("bas") String environment, String issuerUri,
        String authorizationUri, @DefaultValue({ "openid", "scope_all" }) java.util.List<String> scopes,
        @DefaultValue("eidas1") String acrValues) {

    static final String REGISTRATION_ID = "psc";

    /** The ANS addresses, as published by the ANS for relying parties (check them when registering the client). */
    enum Environment {
        BAS("https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet", "https://wallet.bas.psc.esante.gouv.fr/auth"),
        PRODUCTION("https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet", "https://wallet.esw.esante.gouv.fr/auth");

        final String issuer;

        final String authorization;

        Environment(String issuer, String authorization) {
            this.issuer = issuer;
            this.authorization = authorization;
        }
    }

    boolean enabled() {
        return clientId != null && !clientId.isBlank();
    }

    String issuer() {
        return issuerUri != null && !issuerUri.isBlank() ? issuerUri : preset().issuer;
    }

    String authorization() {
        return authorizationUri != null && !authorizationUri.isBlank() ? authorizationUri : preset().authorization;
    }

    private Environment preset() {
        return switch (environment.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "bas", "test", "integration" -> Environment.BAS;
            case "production", "prod" -> Environment.PRODUCTION;
            default -> throw new IllegalStateException("egide.identity.psc.environment inconnu : « " + environment
                    + " » (bas ou production).");
        };
    }

}
