package fr.egide.compliance;

import java.io.IOException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The linter on a held-out set (src/test/resources/replies/reponses-validation.jsonl: 167 fictional replies
 * written and labelled by a separate annotator who saw neither the linter nor the first set, with deliberately
 * varied wording). It is never used to tune the rules: its figures say how the linter generalises.
 */
class HeldOutRepliesTests {

    @Test
    void generalisesToRepliesNobodyTunedItOn() throws IOException {
        var cases = LabelledRepliesTests.load("/replies/reponses-validation.jsonl");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        if (LabelledRepliesTests.linter == null) {
            LabelledRepliesTests.load();
        }
        var scores = LabelledRepliesTests.evaluate("Réponses de validation (jamais utilisées pour régler)", cases);
        // Floors against regression, at the first measure (recall 0.84, 4.8 % blocked): not the targets, which
        // the development set meets; the gap is what the rules still miss on unseen wording.
        assertThat(scores.blockingRecall()).as("BLOQUANT recall").isGreaterThanOrEqualTo(0.80);
        assertThat(scores.falseBlocks()).as("good replies blocked").isLessThanOrEqualTo(0.06);
    }

}
