package fr.egide.text;

import java.util.Set;

/**
 * One line of a lexicon file: what a pattern signals and how strongly.
 *
 * @param category an indicator type (INJURE, DIFFAMATION…), a sentiment polarity (POS, NEG), a theme
 * (ACCUEIL_SECRETARIAT…) or a context word class (NEGATION, INTENSIF…), depending on the file
 * @param weight for indicators, the confidence the words alone give (0–1); for sentiment, the polarity (−1–1)
 * @param flags options: {@code keep-negated} (negation does not cancel it: "sans diplôme"), {@code needs-person}
 * (only when a person is the target), {@code quoted-ok} (quoting does not weaken it)
 * @param note why the entry exists, for whoever maintains the lexicon
 */
public record Entry(String category, TokenPattern pattern, double weight, Set<String> flags, String note, String file,
        int line) {

    public boolean has(String flag) {
        return flags.contains(flag);
    }

}
