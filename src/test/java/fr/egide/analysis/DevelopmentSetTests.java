package fr.egide.analysis;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyser against the project's labelled development set (src/test/resources/analysis/devset.jsonl:
 * 424 fictional French reviews written in the styles real ones have, one annotator). Prints precision and
 * recall per indicator and asserts the two figures that matter most: the "possibly illicit" decision
 * (F1 ≥ 0.85) and how often lawful negative criticism is wrongly flagged (≤ 10 %), since notifying lawful
 * content is itself an offence. The lexicons were tuned on this set, so its figures are optimistic: see
 * {@link HeldOutSetTests} for a set labelled independently and never used for tuning.
 */
class DevelopmentSetTests {

    static List<LabelledSet.Case> cases;

    @BeforeAll
    static void load() throws IOException {
        cases = LabelledSet.load("/analysis/devset.jsonl");
    }

    @Test
    void theSetIsLargeAndVaried() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        assertThat(cases.stream().filter(c -> c.qualification() == Qualification.LICITE_PROBABLE && c.sentiment() == Polarity.NEGATIVE))
            .hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void possiblyIllicitDecisionAndFalseAlarmsOnLawfulCriticism() {
        var scores = LabelledSet.evaluate(ReviewAnalyzer.standard(), cases);
        LabelledSet.print("Jeu de développement", scores);
        assertThat(scores.f1()).as("F1 of the possibly-illicit decision").isGreaterThanOrEqualTo(0.85);
        assertThat(scores.falseAlarms()).as("lawful negative reviews flagged").isLessThanOrEqualTo(0.10);
    }

}
