package fr.egide.monitoring.connectors;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a text names the practitioner, given the ways the name may be written ("Dr Claire Martin", "Claire
 * Martin"…). Comparison is on words, ignoring accents, case and punctuation, so "docteur CLAIRE MARTIN",
 * "Dr. Claire Martín" and "Martin Claire" (the surname first, as in directories and forms) all match, while
 * "Martinez" or "Claire-Martine" do not. A title (Dr, Docteur, Pr…) in a variant is optional in the text.
 * <p>
 * A variant reduced to one word ("Dr Martin") matches only after a title: on its own, a surname is also a street,
 * a town or someone else.
 */
public final class NameMatcher {

    private static final Set<String> TITLES = Set.of("dr", "dre", "docteur", "doctoresse", "pr", "professeur");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Word sequences that name the practitioner on their own. */
    private final List<String[]> names = new ArrayList<>();

    /** Single words that name the practitioner only after a title. */
    private final List<String> titledOnly = new ArrayList<>();

    public NameMatcher(List<String> nameVariants) {
        var sequences = new LinkedHashSet<List<String>>();
        var single = new LinkedHashSet<String>();
        for (var variant : nameVariants) {
            if (variant == null) {
                continue;
            }
            var words = new ArrayList<>(words(variant));
            while (!words.isEmpty() && TITLES.contains(words.get(0))) {
                words.remove(0);
            }
            if (words.size() == 1) {
                single.add(words.get(0));
            }
            else if (words.size() > 1) {
                // Every rotation, so that "Anne-Sophie Le Gall" also matches "Le Gall Anne-Sophie" without knowing
                // where the first names end; the other rotations do not occur in real text.
                for (int split = 0; split < words.size(); split++) {
                    var rotated = new ArrayList<>(words.subList(split, words.size()));
                    rotated.addAll(words.subList(0, split));
                    sequences.add(rotated);
                }
            }
        }
        sequences.forEach(sequence -> names.add(sequence.toArray(String[]::new)));
        titledOnly.addAll(single);
    }

    /** Whether there is any variant to look for. */
    public boolean isEmpty() {
        return names.isEmpty() && titledOnly.isEmpty();
    }

    /** Whether the text names the practitioner. */
    public boolean matches(String text) {
        if (text == null || isEmpty()) {
            return false;
        }
        var words = words(text).toArray(String[]::new);
        for (int at = 0; at < words.length; at++) {
            for (var name : names) {
                if (startsAt(words, at, name)) {
                    return true;
                }
            }
            if (at > 0 && TITLES.contains(words[at - 1]) && titledOnly.contains(words[at])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text folded for comparison: lower case, without accents (œ and æ spelt out), punctuation as single spaces.
     * "Dr. Chloé L'Hôpital-Cœur" gives "dr chloe l hopital coeur".
     */
    public static String fold(String text) {
        var lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        var bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NON_WORD.matcher(bare).replaceAll(" ").strip();
    }

    private static List<String> words(String text) {
        var folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    private static boolean startsAt(String[] words, int at, String[] name) {
        if (at + name.length > words.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (!words[at + i].equals(name[i])) {
                return false;
            }
        }
        return true;
    }

}
