package fr.egide.compliance.engine;

import fr.egide.text.Entry;
import fr.egide.text.Lexicon;
import fr.egide.text.MedicalTerms;
import fr.egide.text.TokenPattern;
import fr.egide.text.Tokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The linter's data: reply patterns ({@code /compliance/regles-reponse.tsv}), the message and legal basis of
 * each motif ({@code /compliance/motifs.tsv}) and the project's medicine and health-word lists, unambiguous
 * terms only. Loaded once; immutable.
 */
public final class LinterData {

    static final String ENGINE_VERSION = "1.1";

    /** Why a motif is a problem, how to fix it, and on which text. */
    public record Motif(String key, String rule, String message, String basis) {
    }

    final Tokenizer tokenizer;

    final Lexicon rules;

    final Map<String, Motif> motifs;

    /** Every word (four letters or more) of the health and medicine lists, ambiguous ones included: the words of a
     * review's health details that a reply must not echo. */
    final Set<String> healthWords;

    final String version;

    private LinterData(byte[] rulesFile, byte[] motifsFile) {
        this.tokenizer = Tokenizer.standard();
        this.motifs = motifs(new String(motifsFile, StandardCharsets.UTF_8));
        try {
            var base = Lexicon.parse("regles-reponse.tsv", new ByteArrayInputStream(rulesFile));
            var entries = new ArrayList<>(base.entries());
            int line = 0;
            var seen = new java.util.HashSet<String>();
            var words = new java.util.HashSet<String>();
            for (var list : java.util.List.of(MedicalTerms.medicines(), MedicalTerms.healthWords())) {
                for (var term : list) {
                    line++;
                    var pattern = term.pattern();
                    if (!term.aboutCare()) {
                        for (var word : pattern.split(" ")) {
                            if (word.length() >= 4) {
                                words.add(word);
                            }
                        }
                    }
                    if (term.ambiguous() || term.aboutCare() || pattern.isEmpty() || !Character.isLetterOrDigit(pattern.charAt(0))
                            || !seen.add(pattern)) {
                        continue;
                    }
                    entries.add(new Entry("SECRET_MEDICAL", TokenPattern.parse(pattern), 1, Set.of("sante"),
                            term.kind() + " : " + term.text(), "medical", line));
                }
            }
            for (var entry : entries) {
                var motif = entry.flags().stream().findFirst().orElse("-");
                if (!entry.category().equals("EXCEPTION") && !motifs.containsKey(motif)) {
                    throw new IllegalStateException("regles-reponse.tsv:" + entry.line() + " : motif inconnu « " + motif + " »");
                }
            }
            this.rules = new Lexicon(entries);
            this.healthWords = Set.copyOf(words);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.version = ENGINE_VERSION + "+" + digest(rulesFile, motifsFile, MedicalTerms.bytes());
    }

    /** Loaded once per JVM, on first use (the data is immutable); a second caller waits for the first. */
    public static LinterData bundled() {
        return Bundled.DATA;
    }

    private static final class Bundled {

        static final LinterData DATA = new LinterData(read("/compliance/regles-reponse.tsv"), read("/compliance/motifs.tsv"));

    }

    public String version() {
        return version;
    }

    Motif motif(String key) {
        var motif = motifs.get(key);
        if (motif == null) {
            throw new IllegalStateException("Motif inconnu : " + key);
        }
        return motif;
    }

    private static Map<String, Motif> motifs(String text) {
        var map = new HashMap<String, Motif>();
        for (var line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var f = line.split("\t", -1);
            if (f.length < 4) {
                throw new IllegalStateException("motifs.tsv : quatre colonnes attendues : " + line);
            }
            map.put(f[0].strip(), new Motif(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
        }
        return Map.copyOf(map);
    }

    private static byte[] read(String resource) {
        try (InputStream in = LinterData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Fichier absent du jar : " + resource);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String digest(byte[]... files) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (var file : files) {
                sha.update(file);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
