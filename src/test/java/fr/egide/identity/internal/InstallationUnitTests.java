package fr.egide.identity.internal;

import fr.egide.system.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first account obeys the same password policy as every other. */
class InstallationUnitTests {

    @Test
    void refusesShortPasswords() {
        assertThatThrownBy(() -> Installation.checkPassword("court")).isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("12 caractères");
    }

    @Test
    void acceptsLongPassphrasesNowThatArgon2ReadsThemWhole() {
        assertThatCode(() -> Installation.checkPassword("une très longue phrase de passe ".repeat(3))).doesNotThrowAnyException();
        assertThatCode(() -> Installation.checkPassword("une phrase de passe raisonnable")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Installation.checkPassword("x".repeat(129))).isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("128 caractères");
    }

    @Test
    void refusesAPasswordMadeOfTheAdministratorsAddress() {
        assertThatThrownBy(() -> Installation.checkPassword("jeanne.martin2024", "jeanne.martin@example.org", "Jeanne"))
            .isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("adresse e-mail");
    }

}
