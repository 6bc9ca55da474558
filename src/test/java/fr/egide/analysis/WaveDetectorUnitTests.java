package fr.egide.analysis;

import fr.egide.analysis.engine.WaveDetector;
import fr.egide.analysis.engine.WaveDetector.Item;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaveDetectorUnitTests {

    static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");

    final WaveDetector detector = new WaveDetector();

    static Item negative(String author, int day) {
        var at = T0.plus(Duration.ofDays(day));
        return new Item(UUID.randomUUID(), author, at, at, true);
    }

    static Item positive(String author, int day) {
        var at = T0.plus(Duration.ofDays(day));
        return new Item(UUID.randomUUID(), author, at, at, false);
    }

    @Test
    void threeNegativeItemsWithinAWeekMakeABurst() {
        var waves = detector.detect(List.of(negative("A", 0), negative("B", 3), negative("C", 6), positive("D", 2)));
        assertThat(waves).singleElement().satisfies(wave -> {
            assertThat(wave.kind()).isEqualTo(WaveKind.RAFALE_NEGATIVE);
            assertThat(wave.size()).isEqualTo(3);
            assertThat(wave.description()).startsWith("3 avis négatifs publiés entre le 01/10/2026 et le 07/10/2026");
        });
    }

    @Test
    void spreadOutNegativeItemsAreNotABurst() {
        assertThat(detector.detect(List.of(negative("A", 0), negative("B", 8), negative("C", 16), negative("D", 30)))).isEmpty();
        assertThat(detector.detect(List.of(negative("A", 0), negative("B", 1)))).isEmpty();
    }

    @Test
    void aCampaignChainingOnIsOneWaveNotSeveral() {
        var items = new ArrayList<Item>();
        for (int day = 0; day < 30; day += 2) {
            items.add(negative("auteur " + day, day));
        }
        assertThat(detector.detect(items)).singleElement().extracting(Wave::size).isEqualTo(15);
    }

    @Test
    void itemsWithARoughDateAreLeftOutOfBursts() {
        var rough = new Item(UUID.randomUUID(), "R", T0.minus(Duration.ofDays(30)), T0.plus(Duration.ofDays(30)), true);
        assertThat(detector.detect(List.of(negative("A", 0), negative("B", 1), rough))).isEmpty();
    }

    @Test
    void aPseudonymThatComesBackWithANegativeItemIsAWave() {
        var waves = detector.detect(List.of(negative("Jean  DUPONT", 0), positive("jean dupont", 40), positive("Autre", 1)));
        assertThat(waves).singleElement().satisfies(wave -> {
            assertThat(wave.kind()).isEqualTo(WaveKind.MEME_AUTEUR);
            assertThat(wave.author()).isEqualTo("Jean  DUPONT");
            assertThat(wave.size()).isEqualTo(2);
        });
    }

    @Test
    void onlyPositiveReviewsFromOneAuthorAnonymousNamesAndOldReturnsAreNotWaves() {
        assertThat(detector.detect(List.of(positive("Marie", 0), positive("Marie", 3)))).isEmpty();
        assertThat(detector.detect(List.of(negative("Un utilisateur Google", 0), negative("un utilisateur google", 20)))).isEmpty();
        assertThat(detector.detect(List.of(negative("Anonyme", 0), negative("ANONYME", 20), negative(null, 40)))).isEmpty();
        assertThat(detector.detect(List.of(negative("Paul", 0), negative("Paul", 400)))).isEmpty();
    }

    @Test
    void aReturningPseudonymIsFoundEvenWhenAnOlderReviewIsOutsideTheYear() {
        var waves = detector.detect(List.of(positive("Paul", -390), negative("Paul", 0), negative("Paul", 1)));
        assertThat(waves).singleElement().satisfies(wave -> {
            assertThat(wave.kind()).isEqualTo(WaveKind.MEME_AUTEUR);
            assertThat(wave.size()).isEqualTo(2);
            assertThat(wave.from()).isEqualTo(T0);
        });
    }

    @Test
    void authorKeysFoldCaseAccentsAndPunctuation() {
        assertThat(WaveDetector.authorKey("  Élodie   M. ")).isEqualTo("elodie m");
        assertThat(WaveDetector.authorKey("A Google User")).isNull();
        assertThat(WaveDetector.authorKey(null)).isNull();
    }

    @Test
    void plainAsciiPseudonymsFoldAsAccentedOnes() {
        // The ASCII fast path and the Unicode path agree: the same name with and without an accent is one key.
        assertThat(WaveDetector.authorKey("--Jean-Pierre  DUPONT!! 2")).isEqualTo("jean pierre dupont 2")
            .isEqualTo(WaveDetector.authorKey("--Jéan-Pierre  DUPONT!! 2"));
        assertThat(WaveDetector.authorKey("\tMarc_L.\n")).isEqualTo("marc l").isEqualTo(WaveDetector.authorKey("\tMarc_L.\u00a0"));
        assertThat(WaveDetector.authorKey(" ... ")).isNull();
        assertThat(WaveDetector.authorKey("Utilisateur Google")).isNull();
        assertThat(WaveDetector.authorKey("X")).isNull();
    }

}
