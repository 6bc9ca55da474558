package fr.egide.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A versioned list of patterns read from a tab-separated data file, indexed by first word so that a review
 * is scanned once whatever the size of the lexicon.
 *
 * <p>File format, one entry per line, {@code #} starts a comment line:
 * {@code category <TAB> pattern <TAB> weight [<TAB> flags,comma,separated] [<TAB> note]}.
 */
public final class Lexicon {

    private final List<Entry> entries;

    /** Entries by the words their first token may be, as positions in {@link #entries}. */
    private final Map<String, int[]> byWord = new HashMap<>();

    /** Entries by the first three letters of the prefixes their first token may start with. */
    private final Map<String, int[]> byPrefixHead = new HashMap<>();

    public Lexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        var words = new HashMap<String, List<Integer>>();
        var heads = new HashMap<String, List<Integer>>();
        for (int i = 0; i < this.entries.size(); i++) {
            var pattern = this.entries.get(i).pattern();
            for (var word : pattern.firstWords()) {
                var list = words.computeIfAbsent(word, key -> new ArrayList<>());
                if (!list.contains(i)) {
                    list.add(i);
                }
            }
            for (var prefix : pattern.firstPrefixes()) {
                var list = heads.computeIfAbsent(prefix.substring(0, 3), key -> new ArrayList<>());
                if (!list.contains(i)) {
                    list.add(i);
                }
            }
        }
        words.forEach((word, list) -> byWord.put(word, list.stream().mapToInt(Integer::intValue).toArray()));
        heads.forEach((head, list) -> byPrefixHead.put(head, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Every match of every entry, in text order; a token may start several matches. */
    public List<Match> scan(List<Token> tokens) {
        return scan(new TokenIndex(tokens));
    }

    /** The same, on a text already indexed (when several lexicons scan it). */
    public List<Match> scan(TokenIndex text) {
        var matches = new ArrayList<Match>();
        var tokens = text.tokens;
        // Whether an entry's words are all in the text, computed once per entry and text: 0 unknown, 1 yes, 2 no.
        var possible = new byte[entries.size()];
        for (int i = 0; i < tokens.size(); i++) {
            var exact = byWord.get(tokens.get(i).norm());
            var prefixed = text.heads[i] == null ? null : byPrefixHead.get(text.heads[i]);
            if (exact != null) {
                collect(exact, null, text, i, possible, matches);
            }
            if (prefixed != null) {
                collect(prefixed, exact, text, i, possible, matches);
            }
        }
        return matches;
    }

    /** Tries the candidates at one position; an entry indexed both by word and by prefix is tried once. */
    private void collect(int[] candidates, int[] alreadyTried, TokenIndex text, int from, byte[] possible,
            List<Match> matches) {
        for (var ordinal : candidates) {
            if (alreadyTried != null && contains(alreadyTried, ordinal)) {
                continue;
            }
            var entry = entries.get(ordinal);
            if (possible[ordinal] == 0) {
                possible[ordinal] = entry.pattern().possibleIn(text.words) ? (byte) 1 : (byte) 2;
            }
            if (possible[ordinal] == 2) {
                continue;
            }
            var end = entry.pattern().matchAt(text.tokens, from);
            if (end > from) {
                matches.add(new Match(entry, from, end));
            }
        }
    }

    private static boolean contains(int[] values, int value) {
        for (var v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    public static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lexique introuvable : " + resource);
            }
            return parse(resource, in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static Lexicon parse(String name, InputStream in) throws IOException {
        var entries = new ArrayList<Entry>();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var fields = line.split("\t");
            if (fields.length < 3) {
                throw new IllegalStateException(name + ":" + number + " : trois colonnes au moins (catégorie, motif, poids)");
            }
            try {
                var flags = fields.length > 3 && !fields[3].isBlank() ? Set.of(fields[3].strip().split("\\s*,\\s*")) : Set.<String>of();
                var note = fields.length > 4 ? fields[4].strip() : "";
                entries.add(new Entry(fields[0].strip(), TokenPattern.parse(fields[1]), Double.parseDouble(fields[2].strip()),
                        flags, note, name, number));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalStateException(name + ":" + number + " : " + ex.getMessage(), ex);
            }
        }
        return new Lexicon(entries);
    }

    /** Where an entry matched: tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public record Match(Entry entry, int from, int to) {
    }

}
