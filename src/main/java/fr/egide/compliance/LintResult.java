package fr.egide.compliance;

import java.util.List;

/** The linter's answer for one reply: the verdict and every finding, in the order of the reply's text. */
public record LintResult(Verdict verdict, List<Finding> findings, int words, String linterVersion) {

    public LintResult {
        findings = List.copyOf(findings);
    }

    public boolean publishable() {
        return verdict == Verdict.PUBLIABLE;
    }

}
