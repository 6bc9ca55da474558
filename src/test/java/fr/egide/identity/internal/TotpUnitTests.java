package fr.egide.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238's SHA-1 test vectors (Appendix B), reduced to the 6 digits applications show. */
class TotpUnitTests {

    static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfc6238TestVectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfClockDriftAndNoMore() {
        var now = Instant.ofEpochSecond(1234567890);
        var step = Totp.step(now);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 3), now)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "abcdef", now)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "005 924", now)).hasValue(step);
    }

    @Test
    void base32RoundTripsAndTheUriNamesIssuerAndAccount() {
        var secret = Totp.newSecret();
        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Totp.base32(Totp.unbase32(secret))).isEqualTo(secret);
        assertThat(Totp.uri("Égide", "a@b.fr", secret)).startsWith("otpauth://totp/%C3%89gide%3Aa%40b.fr?secret=" + secret)
            .contains("issuer=%C3%89gide").contains("period=30");
    }

}
