package fr.egide.monitoring.internal;

import java.util.Locale;
import java.util.Set;

/**
 * A first guess of a mention's language from its most common words, so that lists can show it and English
 * reviews are not read as French. The analysis module makes the real decision.
 */
final class LanguageGuess {

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "et", "est", "pas", "très", "tres", "une",
            "des", "du", "je", "il", "elle", "nous", "vous", "pour", "avec", "mais", "au", "ce", "qui", "que",
            "sur", "son", "sa", "ses", "mon", "ma", "mes", "un", "en", "dans", "ne", "plus", "tout", "été", "fait");

    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "was", "very", "with", "my", "for", "not",
            "but", "he", "she", "we", "you", "to", "of", "a", "in", "it", "this", "that", "are", "be", "have",
            "great", "doctor");

    private LanguageGuess() {
    }

    /** "fr", "en", "other", or null when there are too few words to tell. */
    static String guess(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int french = 0;
        int english = 0;
        int words = 0;
        for (var word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (word.isEmpty()) {
                continue;
            }
            words++;
            if (FRENCH.contains(word)) {
                french++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
        }
        if (words < 3 && french == english) {
            return null;
        }
        if (french == 0 && english == 0) {
            return words >= 5 ? "other" : null;
        }
        return french >= english ? "fr" : "en";
    }

}
