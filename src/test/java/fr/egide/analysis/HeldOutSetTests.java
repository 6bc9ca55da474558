package fr.egide.analysis;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyser against a held-out set (src/test/resources/analysis/holdout.jsonl: 280 fictional reviews
 * written and labelled by a separate annotator who did not see the lexicons, the rules or the development set,
 * with deliberately unexpected wording). It is never used to tune the lexicons: its figures say how the
 * analyser generalises. Thresholds here are floors against regression, below the development set's, and the
 * false-alarm ceiling is the same as there because false alarms have a legal cost.
 */
class HeldOutSetTests {

    static List<LabelledSet.Case> cases;

    @BeforeAll
    static void load() throws IOException {
        cases = LabelledSet.load("/analysis/holdout.jsonl");
    }

    @Test
    void generalisesToTextsNobodyTunedItOn() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        var scores = LabelledSet.evaluate(ReviewAnalyzer.standard(), cases);
        LabelledSet.print("Jeu de validation (jamais utilisé pour régler)", scores);
        assertThat(scores.falseAlarms()).as("lawful negative reviews flagged").isLessThanOrEqualTo(0.10);
        assertThat(scores.f1()).as("F1 of the possibly-illicit decision").isGreaterThanOrEqualTo(0.75);
        assertThat(scores.precision()).as("precision of the possibly-illicit decision").isGreaterThanOrEqualTo(0.90);
    }

}
