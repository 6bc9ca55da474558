package fr.egide.compliance;

import java.util.List;

/** Spelling and grammar checking of a reply, offline (LanguageTool's French rules in production). */
public interface SpellChecker {

    /** A possible mistake: where, what the checker says, and what it suggests. */
    record Issue(int start, int end, String message, List<String> suggestions) {
    }

    List<Issue> check(String text);

    /**
     * LanguageTool's French rules, offline; medicine names and the given words (the practitioner's name…) are
     * accepted. Takes a few seconds and about 200 MB: create one and share it.
     */
    static SpellChecker languageTool(List<String> acceptedWords) {
        return new fr.egide.compliance.engine.LanguageToolSpelling(acceptedWords);
    }

}
