package fr.egide.replies;

import fr.egide.compliance.LintResult;
import java.util.List;

/**
 * What the assistant says about replying to a review.
 *
 * @param recommendation NE_PAS_REPONDRE, REPONSE_BREVE or CONTACT_PRIVE
 * @param reason why, in French
 * @param drafts proposed texts, each already linted (empty when no public reply is advised)
 */
public record ReplyAdvice(String recommendation, String reason, List<Proposal> drafts) {

    public ReplyAdvice {
        drafts = List.copyOf(drafts);
    }

    /** A proposed text for one theme of the review, and the linter's verdict on it. */
    public record Proposal(String theme, int variant, String text, LintResult lint) {
    }

}
