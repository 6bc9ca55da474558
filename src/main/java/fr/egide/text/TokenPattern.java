package fr.egide.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A sequence of token tests, written in the lexicon files as normalised words separated by spaces:
 * <ul>
 * <li>{@code diplome} — exactly that word;</li>
 * <li>{@code tromp*} — any word starting with "tromp" (trompé, trompée, trompait…), at least three letters;</li>
 * <li>{@code ivre|saoul|bourre} — one of these words (each may end with *);</li>
 * <li>{@code (je sais|on sait)} — one of these word sequences;</li>
 * <li>{@code _} — any one word;</li>
 * <li>{@code ..} — zero to three words.</li>
 * </ul>
 * A pattern never spans a clause boundary (".", "!", "?", ";", ",", "mais"…): the words of one sentence are
 * not glued to the next one's.
 */
public final class TokenPattern {

    static final int GAP = 3;

    private final String source;

    private final List<Element> elements;

    private TokenPattern(String source, List<Element> elements) {
        this.source = source;
        this.elements = elements;
    }

    public static TokenPattern parse(String source) {
        var elements = new ArrayList<Element>();
        var text = source.strip();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            // An element runs to the next space outside parentheses: "(burn out)|burnout" is one element.
            int end = i;
            int depth = 0;
            while (end < text.length() && (depth > 0 || !Character.isWhitespace(text.charAt(end)))) {
                if (text.charAt(end) == '(') {
                    depth++;
                }
                else if (text.charAt(end) == ')') {
                    depth--;
                }
                end++;
            }
            if (depth != 0) {
                throw new IllegalArgumentException("parenthèses mal appariées : " + source);
            }
            elements.add(element(text.substring(i, end), source));
            i = end;
        }
        if (elements.isEmpty() || !elements.get(0).concrete() || elements.get(elements.size() - 1).kind == Kind.GAP) {
            throw new IllegalArgumentException("un motif commence par un mot et ne finit pas par « .. » : " + source);
        }
        return new TokenPattern(source, List.copyOf(elements));
    }

    private static Element element(String part, String source) {
        if (part.equals("..")) {
            return Element.GAP_ELEMENT;
        }
        if (part.equals("_")) {
            return Element.ANY;
        }
        var words = new ArrayList<String>();
        var prefixes = new ArrayList<String>();
        var sequences = new ArrayList<TokenPattern>();
        for (var alternative : splitTopLevel(part)) {
            if (alternative.startsWith("(") && alternative.endsWith(")")) {
                for (var inner : splitTopLevel(alternative.substring(1, alternative.length() - 1))) {
                    var sequence = parse(inner);
                    if (sequence.elements.stream().anyMatch(e -> e.kind != Kind.WORD)) {
                        throw new IllegalArgumentException("un groupe ne contient que des mots : " + source);
                    }
                    sequences.add(sequence);
                }
                continue;
            }
            var folded = Tokenizer.fold(alternative);
            if (folded.endsWith("*")) {
                var prefix = folded.substring(0, folded.length() - 1);
                if (prefix.length() < 3) {
                    throw new IllegalArgumentException("préfixe trop court (3 lettres au moins) : " + source);
                }
                prefixes.add(prefix);
            }
            else if (!folded.isEmpty()) {
                words.add(folded);
            }
        }
        var single = new Element(Kind.WORD, List.copyOf(words), List.copyOf(prefixes), List.of());
        if (sequences.isEmpty()) {
            return single;
        }
        if (!words.isEmpty() || !prefixes.isEmpty()) {
            sequences.add(new TokenPattern(part, List.of(single)));
        }
        return new Element(Kind.GROUP, List.of(), List.of(), List.copyOf(sequences));
    }

    /** Splits on "|" outside parentheses. */
    private static List<String> splitTopLevel(String part) {
        var parts = new ArrayList<String>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < part.length(); i++) {
            var c = part.charAt(i);
            if (c == '(') {
                depth++;
            }
            else if (c == ')') {
                depth--;
            }
            else if (c == '|' && depth == 0) {
                parts.add(part.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(part.substring(start).strip());
        return parts;
    }

    public String source() {
        return source;
    }

    /**
     * Whether every plain-word element (no prefix, no group) has one of its words among the text's words: a
     * cheap test that spares the full match for most candidates of common first words ("les", "mon"…). Long
     * word lists (a list of diseases) are checked from the text's side, which has fewer words.
     */
    boolean possibleIn(java.util.Set<String> words) {
        for (var element : elements) {
            if (element.kind == Kind.GROUP) {
                if (!element.possibleIn(words)) {
                    return false;
                }
                continue;
            }
            if (element.kind != Kind.WORD || !element.prefixes.isEmpty()) {
                continue;
            }
            if (!anyIn(element.wordSet, words)) {
                return false;
            }
        }
        return true;
    }

    /** Whether one of these words is among the text's words, looked up from the smaller side. */
    static boolean anyIn(java.util.Set<String> wanted, java.util.Set<String> words) {
        if (wanted.size() <= words.size()) {
            for (var word : wanted) {
                if (words.contains(word)) {
                    return true;
                }
            }
            return false;
        }
        for (var word : words) {
            if (wanted.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The most selective word list of this pattern, for pre-checks: the plain-word element with the fewest
     * words, or null when every element has prefixes or is a gap.
     */
    java.util.Set<String> requirement() {
        java.util.Set<String> best = null;
        for (var element : elements) {
            if (element.kind == Kind.WORD && element.prefixes.isEmpty() && !element.words.isEmpty()
                    && (best == null || element.wordSet.size() < best.size())) {
                best = element.wordSet;
            }
        }
        return best;
    }

    /** The words the first token may be, for indexing. */
    List<String> firstWords() {
        var first = elements.get(0);
        if (first.kind == Kind.GROUP) {
            return first.alternatives.stream().flatMap(alternative -> alternative.firstWords().stream()).toList();
        }
        return first.words;
    }

    /** The prefixes the first token may start with, for indexing. */
    List<String> firstPrefixes() {
        var first = elements.get(0);
        if (first.kind == Kind.GROUP) {
            return first.alternatives.stream().flatMap(alternative -> alternative.firstPrefixes().stream()).toList();
        }
        return first.prefixes;
    }

    /** The index after the last matched token when the pattern matches at {@code from}, or -1. */
    int matchAt(List<Token> tokens, int from) {
        return match(tokens, from, 0, true);
    }

    private int match(List<Token> tokens, int position, int element, boolean first) {
        if (element == elements.size()) {
            return position;
        }
        var current = elements.get(element);
        switch (current.kind) {
            case GAP -> {
                for (int skip = 0; skip <= GAP; skip++) {
                    var next = position + skip;
                    if (next > tokens.size() || (skip > 0 && tokens.get(next - 1).breakBefore())) {
                        break;
                    }
                    var end = match(tokens, next, element + 1, false);
                    if (end >= 0) {
                        return end;
                    }
                }
                return -1;
            }
            case GROUP -> {
                if (position >= tokens.size()) {
                    return -1;
                }
                for (var alternative : current.candidates(tokens.get(position).norm())) {
                    var end = alternative.match(tokens, position, 0, first);
                    if (end >= 0) {
                        var rest = match(tokens, end, element + 1, false);
                        if (rest >= 0) {
                            return rest;
                        }
                    }
                }
                return -1;
            }
            default -> {
                if (position >= tokens.size() || (!first && tokens.get(position).breakBefore())) {
                    return -1;
                }
                if (current.kind == Kind.ANY || current.test(tokens.get(position).norm())) {
                    return match(tokens, position + 1, element + 1, false);
                }
                return -1;
            }
        }
    }

    private enum Kind {
        WORD, ANY, GAP, GROUP
    }

    /**
     * A pattern element; its words are also kept in a hash set, since some list a hundred alternatives, and a
     * group's sequences are indexed by their first word, since some list dozens.
     */
    private record Element(Kind kind, List<String> words, List<String> prefixes, List<TokenPattern> alternatives,
            java.util.Set<String> wordSet, java.util.Map<String, List<TokenPattern>> alternativesByFirstWord,
            List<TokenPattern> alternativesByPrefix, java.util.Set<String> trigger) {

        static final Element ANY = new Element(Kind.ANY, List.of(), List.of(), List.of());

        static final Element GAP_ELEMENT = new Element(Kind.GAP, List.of(), List.of(), List.of());

        Element(Kind kind, List<String> words, List<String> prefixes, List<TokenPattern> alternatives) {
            this(kind, words, prefixes, alternatives, java.util.Set.copyOf(words), byFirstWord(alternatives),
                    alternatives.stream().filter(alternative -> !alternative.firstPrefixes().isEmpty()).toList(),
                    trigger(alternatives));
        }

        /**
         * For a group, the words one of which the text must contain for any of its sequences to match (each
         * sequence contributes its most selective word list); null when some sequence cannot be pre-checked (the
         * group is then always tried). One set, so a group of a thousand terms is checked in one pass.
         */
        private static java.util.Set<String> trigger(List<TokenPattern> alternatives) {
            if (alternatives.isEmpty()) {
                return null;
            }
            var trigger = new java.util.HashSet<String>();
            for (var alternative : alternatives) {
                var requirement = alternative.requirement();
                if (requirement == null) {
                    return null;
                }
                trigger.addAll(requirement);
            }
            return java.util.Set.copyOf(trigger);
        }

        /** For a group: whether one of its sequences may be in a text with these words. */
        boolean possibleIn(java.util.Set<String> words) {
            return trigger == null || anyIn(trigger, words);
        }

        private static java.util.Map<String, List<TokenPattern>> byFirstWord(List<TokenPattern> alternatives) {
            var index = new java.util.HashMap<String, List<TokenPattern>>();
            for (var alternative : alternatives) {
                for (var word : alternative.firstWords()) {
                    var list = index.computeIfAbsent(word, key -> new ArrayList<>());
                    if (!list.contains(alternative)) {
                        list.add(alternative);
                    }
                }
            }
            return index;
        }

        /** The sequences of a group that may start with this word, in the order the file lists them. */
        List<TokenPattern> candidates(String norm) {
            var exact = alternativesByFirstWord.getOrDefault(norm, List.of());
            if (alternativesByPrefix.isEmpty()) {
                return exact;
            }
            var all = new ArrayList<TokenPattern>(exact);
            for (var alternative : alternativesByPrefix) {
                if (!all.contains(alternative) && alternative.firstPrefixes().stream().anyMatch(norm::startsWith)) {
                    all.add(alternative);
                }
            }
            if (all.size() > 1) {
                all.sort(java.util.Comparator.comparingInt(alternatives::indexOf));
            }
            return all;
        }

        boolean concrete() {
            return kind == Kind.WORD || kind == Kind.GROUP;
        }

        boolean test(String norm) {
            if (wordSet.contains(norm)) {
                return true;
            }
            for (var prefix : prefixes) {
                if (norm.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

    }

}
