package fr.egide.identity.internal;

import fr.egide.system.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The password rules of the first account: long enough, and not longer than bcrypt can read. */
class InstallationUnitTests {

    @Test
    void refusesShortPasswords() {
        assertThatThrownBy(() -> Installation.checkPassword("court")).isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("12 caractères");
    }

    @Test
    void refusesPassphrasesBcryptWouldRefuse() {
        assertThatThrownBy(() -> Installation.checkPassword("une très longue phrase de passe ".repeat(3)))
            .isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("72 octets");
        assertThatCode(() -> Installation.checkPassword("une phrase de passe raisonnable")).doesNotThrowAnyException();
    }

}
