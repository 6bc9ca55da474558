package fr.egide.analysis.engine;

import fr.egide.text.Token;
import java.util.List;
import java.util.Set;

/**
 * Tells French from English and from other languages by their most frequent words. Only French is analysed
 * for legal risks; another language is reported as such, never analysed with French rules.
 */
final class Languages {

    private static final Set<String> FRENCH = Set.of("le", "la", "les", "et", "est", "pas", "tres", "une", "des", "du",
            "je", "il", "elle", "nous", "vous", "pour", "avec", "mais", "au", "ce", "qui", "que", "sur", "son", "sa",
            "ses", "mon", "ma", "mes", "un", "en", "dans", "ne", "plus", "tout", "ete", "fait", "j", "l", "d", "c",
            "n", "s", "qu", "m", "a", "docteur", "medecin", "merci", "bien", "bon", "cabinet", "rdv", "on", "ca", "y");

    private static final Set<String> ENGLISH = Set.of("the", "and", "is", "was", "very", "with", "my", "for", "not",
            "but", "he", "she", "we", "you", "to", "of", "in", "it", "this", "that", "are", "be", "have", "great",
            "doctor", "i", "his", "her", "our", "they", "would", "really", "good", "bad", "recommend", "had");

    private static final Set<String> OTHER = Set.of("el", "los", "las", "y", "es", "muy", "der", "die", "das", "und",
            "ist", "nicht", "sehr", "il", "lo", "gli", "non", "molto", "che", "o", "os", "um", "uma", "muito", "de",
            "het", "een", "niet", "zeer");

    private Languages() {
    }

    static String guess(List<Token> tokens) {
        int french = 0;
        int english = 0;
        int other = 0;
        int words = 0;
        for (var token : tokens) {
            var word = token.norm();
            if (!Character.isLetter(word.charAt(0))) {
                continue;
            }
            words++;
            if (FRENCH.contains(word)) {
                french++;
            }
            if (ENGLISH.contains(word)) {
                english++;
            }
            if (OTHER.contains(word) && !FRENCH.contains(word)) {
                other++;
            }
        }
        if (words < 4 || french >= english && french >= other) {
            // Short texts ("Nul !", "Top") are read as French: that is what Égide's users receive.
            return french == 0 && english > 0 && words >= 2 ? "en" : "fr";
        }
        return english >= other ? "en" : "other";
    }

}
