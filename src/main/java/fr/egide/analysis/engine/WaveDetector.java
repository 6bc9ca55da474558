package fr.egide.analysis.engine;

import fr.egide.analysis.Wave;
import fr.egide.analysis.WaveKind;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Finds waves among a practice's mentions: bursts of negative items (at least {@link #BURST_SIZE} within
 * {@link #BURST_WINDOW}) and pseudonyms that come back (at least two items under the same name within
 * {@link #SAME_AUTHOR_WINDOW}, one of them negative). Items whose publication date is only known roughly ("il y
 * a 3 mois") cannot be placed in a burst and are left out of them. Plain Java.
 */
public final class WaveDetector {

    public static final int BURST_SIZE = 3;

    public static final Duration BURST_WINDOW = Duration.ofDays(7);

    public static final Duration SAME_AUTHOR_WINDOW = Duration.ofDays(365);

    /** A date known to within two days can be placed in a burst. */
    private static final Duration PRECISE = Duration.ofDays(2);

    /** Names platforms show for authors they do not name: not a pseudonym. */
    private static final Set<String> ANONYMOUS = Set.of("", "anonyme", "anonymous", "utilisateur", "un utilisateur",
            "utilisateur google", "un utilisateur google", "a google user", "google user", "patient", "un patient",
            "une patiente", "patiente", "invite", "visiteur", "inconnu", "x", "xx", "xxx");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE)
        .withZone(ZoneId.of("Europe/Paris"));

    /** One mention as the detector sees it. */
    public record Item(UUID id, String author, Instant earliest, Instant latest, boolean negative) {
    }

    public List<Wave> detect(List<Item> items) {
        var waves = new ArrayList<Wave>();
        waves.addAll(bursts(items));
        waves.addAll(sameAuthor(items));
        waves.sort(Comparator.comparing(Wave::to, Comparator.nullsLast(Comparator.reverseOrder())));
        return List.copyOf(waves);
    }

    private static List<Wave> bursts(List<Item> items) {
        var dated = items.stream()
            .filter(item -> item.negative() && item.earliest() != null && item.latest() != null
                    && Duration.between(item.earliest(), item.latest()).compareTo(PRECISE) <= 0)
            .sorted(Comparator.comparing(Item::latest))
            .toList();
        var waves = new ArrayList<Wave>();
        int start = 0;
        while (start < dated.size()) {
            // Grow the group while the next item falls within the window of the group's first item.
            int end = start;
            while (end + 1 < dated.size()
                    && Duration.between(dated.get(start).latest(), dated.get(end + 1).latest()).compareTo(BURST_WINDOW) <= 0) {
                end++;
            }
            if (end - start + 1 >= BURST_SIZE) {
                // Extend to items chaining on from the last one, so one campaign gives one wave.
                while (end + 1 < dated.size()
                        && Duration.between(dated.get(end).latest(), dated.get(end + 1).latest()).compareTo(BURST_WINDOW) <= 0) {
                    end++;
                }
                var group = dated.subList(start, end + 1);
                var from = group.get(0).earliest();
                var to = group.get(group.size() - 1).latest();
                waves.add(new Wave(WaveKind.RAFALE_NEGATIVE, group.stream().map(Item::id).toList(), from, to, null,
                        group.size() + " avis négatifs publiés entre le " + DAY.format(from) + " et le " + DAY.format(to)
                                + " : une série aussi rapprochée peut signaler une campagne (harcèlement, faux avis)."));
                start = end + 1;
            }
            else {
                start++;
            }
        }
        return waves;
    }

    private static List<Wave> sameAuthor(List<Item> items) {
        var byAuthor = new LinkedHashMap<String, List<Item>>();
        for (var item : items) {
            var key = authorKey(item.author());
            if (key != null) {
                byAuthor.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
            }
        }
        var waves = new ArrayList<Wave>();
        for (var group : byAuthor.values()) {
            if (group.size() < 2 || group.stream().noneMatch(Item::negative)) {
                continue;
            }
            var sorted = window(group);
            if (sorted == null) {
                continue;
            }
            var from = sorted.stream().map(Item::earliest).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                .orElse(null);
            var to = sorted.stream().map(Item::latest).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
            var author = sorted.get(0).author().strip();
            waves.add(new Wave(WaveKind.MEME_AUTEUR, sorted.stream().map(Item::id).toList(), from, to, author,
                    sorted.size() + " avis signés « " + author + " », dont au moins un négatif : un même auteur qui "
                            + "revient peut signaler un acharnement ou de faux avis."));
        }
        return waves;
    }

    /**
     * The largest run of one author's items that fits in {@link #SAME_AUTHOR_WINDOW} and holds a negative item,
     * or null. Items without a date count with any run (nothing says they are far apart).
     */
    private static List<Item> window(List<Item> items) {
        var undated = items.stream().filter(item -> item.earliest() == null || item.latest() == null).toList();
        var dated = items.stream().filter(item -> item.earliest() != null && item.latest() != null)
            .sorted(Comparator.comparing(Item::latest))
            .toList();
        List<Item> best = null;
        for (int start = 0, end = 0; start < Math.max(1, dated.size()); start++) {
            if (dated.isEmpty()) {
                break;
            }
            end = Math.max(end, start);
            while (end + 1 < dated.size()
                    && Duration.between(dated.get(start).earliest(), dated.get(end + 1).latest()).compareTo(SAME_AUTHOR_WINDOW) <= 0) {
                end++;
            }
            var run = new ArrayList<Item>(dated.subList(start, end + 1));
            run.addAll(undated);
            if (run.size() >= 2 && run.stream().anyMatch(Item::negative) && (best == null || run.size() > best.size())) {
                best = run;
            }
        }
        if (dated.isEmpty() && undated.size() >= 2 && undated.stream().anyMatch(Item::negative)) {
            best = undated;
        }
        return best;
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The pseudonym folded for comparison ("Jean  DUPONT" = "jean dupont"), or null when it names nobody. */
    public static String authorKey(String author) {
        if (author == null) {
            return null;
        }
        var ascii = asciiKey(author);
        if (ascii != null) {
            return ANONYMOUS.contains(ascii) ? null : ascii;
        }
        var folded = NON_WORD.matcher(MARKS.matcher(Normalizer.normalize(author, Normalizer.Form.NFD)).replaceAll("")
            .toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return ANONYMOUS.contains(folded) ? null : folded;
    }

    /**
     * The same folding for a pseudonym in plain ASCII (most of them), without the Unicode normalisation and the two
     * regular expressions: lower case, runs of other characters than letters and digits as one space, none at the
     * ends. Null when the pseudonym holds any other character: the general path folds it. Detection folds every
     * item's author each time it runs over a cabinet, thousands of times per import page.
     */
    private static String asciiKey(String author) {
        var key = new StringBuilder(author.length());
        boolean gap = false;
        for (int i = 0; i < author.length(); i++) {
            char c = author.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                gap = false;
                key.append(c);
            }
            else if (c >= 'A' && c <= 'Z') {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                gap = false;
                key.append((char) (c + ('a' - 'A')));
            }
            else {
                gap = true;
            }
        }
        return key.toString();
    }

}
