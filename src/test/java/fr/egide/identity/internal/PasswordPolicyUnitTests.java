package fr.egide.identity.internal;

import fr.egide.system.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Length first, no composition rules, and the shipped list of common passwords (French ones included). */
class PasswordPolicyUnitTests {

    @Test
    void shipsSeveralThousandCommonPasswordsIncludingFrenchOnes() {
        assertThat(PasswordPolicy.size()).isGreaterThan(25_000);
        assertThat(PasswordPolicy.isCommon("motdepasse")).isTrue();
        assertThat(PasswordPolicy.isCommon("azerty123")).isTrue();
        assertThat(PasswordPolicy.isCommon("AZERTYUIOP")).isTrue();
        assertThat(PasswordPolicy.isCommon("soleil")).isTrue();
    }

    @Test
    void refusesCommonPasswordsLongEnoughToPassTheLengthRule() {
        for (var password : new String[] { "motdepasse123", "azertyuiop123", "Motdepasse2024!", "azertyazerty", "123456789012",
                "aaaaaaaaaaaaaaaa", "!!marseille2024", "password1234", "abcabcabcabc" }) {
            assertThatThrownBy(() -> PasswordPolicy.check(password)).as(password)
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("plus courants");
        }
    }

    @Test
    void acceptsLongPasswordsWithoutAnyCompositionRule() {
        // No digit, no capital, no symbol: length is what counts.
        assertThatCode(() -> PasswordPolicy.check("cheval agrafe batterie correcte")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("lecabinetduquaidesbrumes")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("été à l'île d'oléron")).doesNotThrowAnyException();
    }

    @Test
    void countsCharactersNotBytesAndRefusesShortOnes() {
        assertThatThrownBy(() -> PasswordPolicy.check("ceci est 11")).isInstanceOf(InvalidRequestException.class)
            .hasMessageContaining("au moins 12 caractères");
        assertThatCode(() -> PasswordPolicy.check("éléphantéléphant")).doesNotThrowAnyException();
    }

}
