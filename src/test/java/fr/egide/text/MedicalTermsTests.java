package fr.egide.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's health and medicine lists: large enough, and every term matches its own text once tokenised. */
class MedicalTermsTests {

    @Test
    void theListsAreLargeEnough() {
        assertThat(MedicalTerms.medicines()).hasSizeGreaterThanOrEqualTo(1000);
        assertThat(MedicalTerms.healthWords()).hasSizeGreaterThanOrEqualTo(900);
    }

    @Test
    void everyTermMatchesItsOwnText() {
        var tokenizer = Tokenizer.standard();
        var misses = new ArrayList<String>();
        for (var list : List.of(MedicalTerms.medicines(), MedicalTerms.healthWords())) {
            for (var term : list) {
                var pattern = term.pattern();
                if (pattern.isEmpty() || !Character.isLetterOrDigit(pattern.charAt(0))) {
                    continue;
                }
                var lexicon = new Lexicon(List.of(new Entry("T", TokenPattern.parse(pattern), 1, Set.of(), "", "test", 0)));
                var tokens = tokenizer.tokenize(term.text());
                var matches = lexicon.scan(tokens);
                if (matches.isEmpty() || matches.get(0).from() != 0 || matches.get(0).to() != tokens.size()) {
                    misses.add(term.text() + " → " + pattern);
                }
            }
        }
        assertThat(misses).isEmpty();
    }

    @Test
    void acronymsAreNeitherSmsNorLeet() {
        var tokenizer = Tokenizer.standard();
        assertThat(tokenizer.normalizedWords("un AVC, de la B12, l'IRM")).isEqualTo("un avc de la b12 l irm");
        assertThat(tokenizer.normalizedWords("avc toi")).as("lower case stays SMS").isEqualTo("avec toi");
        assertThat(new MedicalTerms.Term("chirurgien-dentiste", "ACTE", false).aboutCare()).isTrue();
        assertThat(new MedicalTerms.Term("sciatique", "PATHOLOGIE", false).aboutCare()).isFalse();
    }

}
