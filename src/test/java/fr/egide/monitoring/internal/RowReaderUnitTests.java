package fr.egide.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RowReaderUnitTests {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    @Test
    void runsOfWhiteSpaceBecomeOneSpaceAsTheRegularExpressionDid() {
        assertThat(RowReader.oneSpace("Très  bien\taccueilli\r\n\r\npar le Dr Martin")).isEqualTo("Très bien accueilli par le Dr Martin");
        var plain = "Un texte sans double espace.";
        assertThat(RowReader.oneSpace(plain)).isSameAs(plain);
        // Random texts of letters, spaces of every kind and a non-breaking space (not \s: kept as it is).
        var random = new Random(42);
        var alphabet = "ab é \t\n\u000B\f\r\u00a0".toCharArray();
        for (int run = 0; run < 2_000; run++) {
            var text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(RowReader.oneSpace(text.toString())).isEqualTo(WHITESPACE.matcher(text).replaceAll(" "));
        }
    }

    @Test
    void excerptsAreOneLineOfAtMost160Characters() {
        assertThat(RowReader.excerpt("  Avis\n\nsur deux lignes  ")).isEqualTo("Avis sur deux lignes");
        assertThat(RowReader.excerpt("mot ".repeat(100))).hasSize(160).endsWith("…");
        assertThat(RowReader.excerpt(null)).isEmpty();
    }

}
