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

    private final Map<String, List<Entry>> byWord = new HashMap<>();

    private final Map<String, List<Entry>> byPrefixHead = new HashMap<>();

    /** Each entry's position in {@link #entries}, for per-scan memos. */
    private final Map<Entry, Integer> ordinals = new java.util.IdentityHashMap<>();

    public Lexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (int i = 0; i < this.entries.size(); i++) {
            ordinals.put(this.entries.get(i), i);
        }
        for (var entry : entries) {
            for (var word : entry.pattern().firstWords()) {
                byWord.computeIfAbsent(word, key -> new ArrayList<>()).add(entry);
            }
            for (var prefix : entry.pattern().firstPrefixes()) {
                byPrefixHead.computeIfAbsent(prefix.substring(0, 3), key -> new ArrayList<>()).add(entry);
            }
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Every match of every entry, in text order; a token may start several matches. */
    public List<Match> scan(List<Token> tokens) {
        var matches = new ArrayList<Match>();
        var words = new java.util.HashSet<String>(tokens.size() * 2);
        for (var token : tokens) {
            words.add(token.norm());
        }
        // Whether an entry's words are all in the text, computed once per entry and text: 0 unknown, 1 yes, 2 no.
        var possible = new byte[entries.size()];
        for (int i = 0; i < tokens.size(); i++) {
            var norm = tokens.get(i).norm();
            var exact = byWord.get(norm);
            var prefixed = norm.length() >= 3 ? byPrefixHead.get(norm.substring(0, 3)) : null;
            if (exact != null) {
                collect(exact, null, tokens, i, words, possible, matches);
            }
            if (prefixed != null) {
                collect(prefixed, exact, tokens, i, words, possible, matches);
            }
        }
        return matches;
    }

    /** Tries the candidates at one position; an entry indexed both by word and by prefix is tried once. */
    private void collect(List<Entry> candidates, List<Entry> alreadyTried, List<Token> tokens, int from,
            java.util.Set<String> words, byte[] possible, List<Match> matches) {
        for (var entry : candidates) {
            if (alreadyTried != null && alreadyTried.contains(entry)) {
                continue;
            }
            int ordinal = ordinals.get(entry);
            if (possible[ordinal] == 0) {
                possible[ordinal] = entry.pattern().possibleIn(words) ? (byte) 1 : (byte) 2;
            }
            if (possible[ordinal] == 2) {
                continue;
            }
            var end = entry.pattern().matchAt(tokens, from);
            if (end > from) {
                matches.add(new Match(entry, from, end));
            }
        }
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
