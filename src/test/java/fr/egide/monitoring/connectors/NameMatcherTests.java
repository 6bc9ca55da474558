package fr.egide.monitoring.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameMatcherTests {

    static final NameMatcher CLAIRE_MARTIN = new NameMatcher(List.of("Dr Claire Martin", "Claire Martin"));

    @ParameterizedTest
    @ValueSource(strings = { "Le Dr Claire Martin est très à l'écoute.", "docteur CLAIRE MARTIN, généraliste",
            "Dr. Claire Martin a déménagé", "Consultation chez Claire Martín hier", "MARTIN Claire (médecin généraliste)",
            "martin claire", "Avis sur Dr.Claire-Martin ?", "Le Docteur Martin Claire reçoit sans rendez-vous" })
    void findsTheNameWhateverItsAccentsCaseTitleOrOrder(String text) {
        assertThat(CLAIRE_MARTIN.matches(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "Claire Martinez est kinésithérapeute", "La pharmacie Martin, rue Claire",
            "Claire, de la clinique Saint-Martin", "Le Dr Martin Dupont", "Claire Martine Dubois", "" })
    void ignoresOtherPeopleAndLookalikes(String text) {
        assertThat(CLAIRE_MARTIN.matches(text)).isFalse();
    }

    @Test
    void accentsInTheVariantDoNotMatter() {
        var matcher = new NameMatcher(List.of("Dr Hélène Lefèvre"));

        assertThat(matcher.matches("Merci au docteur HELENE LEFEVRE")).isTrue();
        assertThat(matcher.matches("Lefevre Hélène, pédiatre")).isTrue();
    }

    @Test
    void aCompoundSurnameMatchesInBothOrders() {
        var matcher = new NameMatcher(List.of("Anne-Sophie Le Gall"));

        assertThat(matcher.matches("Cabinet du Dr Anne Sophie Le Gall")).isTrue();
        assertThat(matcher.matches("LE GALL Anne-Sophie — médecin")).isTrue();
        assertThat(matcher.matches("Sophie Le Gall")).isFalse();
    }

    @Test
    void aSurnameAloneMatchesOnlyAfterATitle() {
        var matcher = new NameMatcher(List.of("Dr Martin"));

        assertThat(matcher.matches("Le Dr Martin ne répond jamais au téléphone")).isTrue();
        assertThat(matcher.matches("Vu la docteure hier ? Non, le docteur Martin.")).isTrue();
        assertThat(matcher.matches("Pr. Martin, CHU de Lyon")).isTrue();
        assertThat(matcher.matches("12 rue Martin, Lyon")).isFalse();
        assertThat(matcher.matches("Saint-Martin-d'Hères")).isFalse();
    }

    @Test
    void withoutVariantsNothingMatches() {
        var matcher = new NameMatcher(List.of(" ", "Dr"));

        assertThat(matcher.isEmpty()).isTrue();
        assertThat(matcher.matches("Le Dr Claire Martin")).isFalse();
    }

    @Test
    void foldingDropsAccentsCasePunctuationAndLigatures() {
        assertThat(NameMatcher.fold("Dr. Chloé L'Hôpital-Cœur")).isEqualTo("dr chloe l hopital coeur");
    }

}
