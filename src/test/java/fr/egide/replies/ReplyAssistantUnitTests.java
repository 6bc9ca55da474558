package fr.egide.replies;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.ReplyLinter;
import fr.egide.compliance.Severity;
import fr.egide.compliance.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyAssistantUnitTests {

    static final ReviewAnalyzer analyzer = ReviewAnalyzer.standard();

    static final ReplyAssistant assistant = new ReplyAssistant(ReplyLinter.standard(analyzer));

    @Test
    void everyDraftOfEveryThemeAndVariantIsPublishable() {
        var linter = ReplyLinter.standard(analyzer);
        assertThat(assistant.themes()).hasSizeGreaterThanOrEqualTo(11).contains("GENERAL", "ATTENTE_PONCTUALITE");
        int drafts = 0;
        for (var theme : assistant.themes()) {
            for (int variant = 0; variant < ReplyAssistant.VARIANTS; variant++) {
                var text = assistant.draft(theme, variant);
                var result = linter.lint(text);
                assertThat(result.findings()).as(theme + " " + variant + " : " + text)
                    .filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
                assertThat(result.verdict()).isEqualTo(Verdict.PUBLIABLE);
                assertThat(result.words()).isLessThanOrEqualTo(90);
                drafts++;
            }
        }
        assertThat(drafts).isGreaterThanOrEqualTo(33);
    }

    @Test
    void noPublicReplyIsAdvisedForIllicitOrPositiveReviews() {
        var insult = assistant.advise(analyzer.analyze("Le Dr Martin est un con."), "Le Dr Martin est un con.");
        assertThat(insult.recommendation()).isEqualTo("NE_PAS_REPONDRE");
        assertThat(insult.reason()).contains("preuve");
        assertThat(insult.drafts()).isEmpty();
        var praise = assistant.advise(analyzer.analyze("Médecin très à l'écoute, je recommande."), null);
        assertThat(praise.recommendation()).isEqualTo("NE_PAS_REPONDRE");
        assertThat(praise.drafts()).isEmpty();
    }

    @Test
    void lawfulCriticismGetsDraftsOnItsThemesThatPassTheLinterWithTheReview() {
        var review = "Attente interminable, plus d'une heure en salle d'attente, et secrétaire désagréable au téléphone.";
        var advice = assistant.advise(analyzer.analyze(review), review);
        assertThat(advice.recommendation()).isIn("NE_PAS_REPONDRE", "REPONSE_BREVE");
        assertThat(advice.drafts()).isNotEmpty();
        assertThat(advice.drafts()).extracting(ReplyAdvice.Proposal::theme).contains("ATTENTE_PONCTUALITE");
        advice.drafts().forEach(draft -> assertThat(draft.lint().verdict()).as(draft.text()).isEqualTo(Verdict.PUBLIABLE));
    }

}
