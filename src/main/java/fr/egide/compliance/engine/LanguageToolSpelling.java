package fr.egide.compliance.engine;

import fr.egide.compliance.SpellChecker;
import fr.egide.text.MedicalTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.CategoryId;
import org.languagetool.rules.spelling.SpellingCheckRule;

/**
 * Spelling and grammar with LanguageTool's French rules, offline (no server, no network). Typography rules
 * (non-breaking spaces before ":", curly apostrophes) are left out: replies are typed in web forms and those
 * would flag nearly every one. Medicine names and the words given (the practitioner's and the practice's names)
 * are accepted. LanguageTool takes a few seconds to start and about 200 MB; one instance is shared and its checks
 * are serialised, since it is not thread-safe.
 */
public final class LanguageToolSpelling implements SpellChecker {

    /** Categories whose rules are about typography or style, not mistakes. */
    private static final Set<String> IGNORED_CATEGORIES = Set.of("TYPOGRAPHY", "PUNCTUATION", "STYLE", "REDUNDANCY",
            "CASING", "REPETITIONS_STYLE", "PLAIN_ENGLISH", "TYPOS_STYLE");

    private final JLanguageTool tool;

    public LanguageToolSpelling(List<String> acceptedWords) {
        tool = new JLanguageTool(Languages.getLanguageForShortCode("fr"));
        for (var category : IGNORED_CATEGORIES) {
            tool.disableCategory(new CategoryId(category));
        }
        var accepted = new ArrayList<String>(acceptedWords);
        MedicalTerms.medicines().forEach(term -> accepted.add(term.text()));
        for (var rule : tool.getAllActiveRules()) {
            if (rule instanceof SpellingCheckRule spelling) {
                spelling.addIgnoreTokens(accepted);
            }
        }
    }

    @Override
    public synchronized List<Issue> check(String text) {
        try {
            var issues = new ArrayList<Issue>();
            for (var match : tool.check(text)) {
                issues.add(new Issue(match.getFromPos(), match.getToPos(), clean(match.getMessage()),
                        match.getSuggestedReplacements().stream().limit(3).toList()));
            }
            return issues;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** LanguageTool marks suggestions with tags; the user sees French quotes. */
    private static String clean(String message) {
        return message.replace("<suggestion>", "« ").replace("</suggestion>", " »");
    }

}
