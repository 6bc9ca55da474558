package fr.egide.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splits French text into normalised tokens that keep their offsets in the original text. Reviews are
 * written fast, on phones: missing accents, capitals, "nuuuul", "c o n n a r d", "c0nnard", SMS words. All
 * of these are folded to one form so that one lexicon entry catches them, while spans still point at what
 * the author actually wrote. Matching is on whole tokens, never substrings ("con" is not in "consultation").
 */
public final class Tokenizer {

    /** SMS and phonetic spellings and what they stand for ("tjs" → "toujours"), shared by every lexicon user. */
    public static final String SMS_RESOURCE = "/text/sms.tsv";

    private final Map<String, String> sms;

    public Tokenizer(Map<String, String> sms) {
        this.sms = Map.copyOf(sms);
    }

    /** A tokenizer with the SMS spellings of a file in the format of {@link #SMS_RESOURCE}: spelling, tab, word. */
    public static Tokenizer fromSmsFile(String text) {
        var map = new java.util.HashMap<String, String>();
        for (var line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var fields = line.split("\t");
            map.put(fold(fields[0].strip()), fold(fields[1].strip()));
        }
        return new Tokenizer(map);
    }

    /** The tokenizer with the SMS spellings shipped in the jar. */
    public static Tokenizer standard() {
        try (var in = Tokenizer.class.getResourceAsStream(SMS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Fichier absent du jar : " + SMS_RESOURCE);
            }
            return fromSmsFile(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    public List<Token> tokenize(String text) {
        var tokens = new ArrayList<Token>();
        var length = text.length();
        var breakPending = true;
        var quoted = false;
        int i = 0;
        while (i < length) {
            var c = text.charAt(i);
            if (isWordChar(c)) {
                int start = i;
                // Elision: "l'accueil", "qu'il", "s'est" → "l" + "accueil": an apostrophe ends a word.
                while (i < length && isWordChar(text.charAt(i))) {
                    i++;
                }
                var end = i;
                add(tokens, text.substring(start, end), start, end, breakPending, quoted);
                breakPending = false;
            }
            else {
                if (isClauseBreak(c)) {
                    breakPending = true;
                }
                if (isQuote(c)) {
                    quoted = c == '«' || c == '“' || (c == '"' && !quoted);
                    if (c == '»' || c == '”') {
                        quoted = false;
                    }
                }
                i++;
            }
        }
        return joinSpelledOut(tokens);
    }

    private void add(List<Token> tokens, String surface, int start, int end, boolean breakBefore, boolean quoted) {
        var norm = normalize(surface);
        if (norm.equals("mais") || norm.equals("cependant") || norm.equals("pourtant") || norm.equals("sinon")) {
            breakBefore = true;
        }
        tokens.add(new Token(norm, start, end, breakBefore, quoted));
    }

    /** The normalised form of one word. */
    String normalize(String word) {
        if (acronym(word)) {
            // "AVC", "IRM", "B12": a medical acronym, not an SMS spelling ("avc" for "avec") nor leet ("b12").
            return fold(word);
        }
        var folded = fold(word);
        if (hasLetter(folded) && hasDigitOrSymbol(folded)) {
            folded = unleet(folded);
        }
        folded = squeeze(folded);
        var mapped = sms.get(folded);
        return mapped != null ? mapped : folded;
    }

    /** Two to six characters, letters in capitals, at least one letter: AVC, IRM, TSH, B12, VIH. */
    static boolean acronym(String word) {
        if (word.length() < 2 || word.length() > 6) {
            return false;
        }
        var letter = false;
        for (int i = 0; i < word.length(); i++) {
            var c = word.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letter = true;
            }
            else if (!Character.isDigit(c)) {
                return false;
            }
        }
        return letter;
    }

    /** The normalised words of a text, joined by spaces: how a lexicon term must be written to match that text. */
    public String normalizedWords(String text) {
        var words = new StringBuilder();
        for (var token : tokenize(text)) {
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(token.norm());
        }
        return words.toString();
    }

    public static String fold(String word) {
        if (plainAscii(word)) {
            return word.toLowerCase(Locale.ROOT);
        }
        var lower = word.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae");
        var decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        var out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            var c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Most words are plain ASCII: they skip the Unicode decomposition, the costly part of folding. */
    private static boolean plainAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Three or more identical letters in a row are one letter: "nuuuul" → "nul", "trooop" → "trop". */
    static String squeeze(String word) {
        if (!hasRunOfThree(word)) {
            return word;
        }
        var out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            var c = word.charAt(i);
            int run = 1;
            while (i + run < word.length() && word.charAt(i + run) == c) {
                run++;
            }
            out.append(c);
            if (run == 2) {
                out.append(c);
            }
            i += run - 1;
        }
        return out.toString();
    }

    private static String unleet(String word) {
        var out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            out.append(switch (word.charAt(i)) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> word.charAt(i);
            });
        }
        return out.toString();
    }

    /**
     * "c o n n a r d" or "c.o.n.n.a.r.d": four or more one-letter tokens separated by one space or dot are
     * read as one word (three would also join French's own "n'y a").
     */
    private static List<Token> joinSpelledOut(List<Token> tokens) {
        var out = new ArrayList<Token>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && tokens.get(j).norm().length() == 1 && Character.isLetter(tokens.get(j).norm().charAt(0))
                    && (j == i || tokens.get(j).start() - tokens.get(j - 1).end() == 1)) {
                j++;
            }
            if (j - i >= 4) {
                var word = new StringBuilder();
                for (int k = i; k < j; k++) {
                    word.append(tokens.get(k).norm());
                }
                var first = tokens.get(i);
                out.add(new Token(word.toString(), first.start(), tokens.get(j - 1).end(), first.breakBefore(), first.quoted()));
                i = j;
            }
            else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '$';
    }

    private static boolean isClauseBreak(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '…' || c == '\n' || c == ','
                || c == '(' || c == ')';
    }

    private static boolean isQuote(char c) {
        return c == '«' || c == '»' || c == '"' || c == '“' || c == '”';
    }

    private static boolean hasRunOfThree(String word) {
        for (int i = 2; i < word.length(); i++) {
            if (word.charAt(i) == word.charAt(i - 1) && word.charAt(i) == word.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigitOrSymbol(String word) {
        for (int i = 0; i < word.length(); i++) {
            var c = word.charAt(i);
            if (Character.isDigit(c) || c == '@' || c == '$') {
                return true;
            }
        }
        return false;
    }

}
