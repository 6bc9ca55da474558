package fr.egide.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's curated lists of medicines (brands and substances) and health words (diseases, symptoms,
 * exams, acts, in lay and medical French), in {@code /medical/*.tsv}. Both the analyser (health data disclosed
 * in a review) and the reply linter (health data in a reply) use them. Terms marked ambiguous are also
 * ordinary French words ("couronne", "radio") and are left to patterns that give them context.
 */
public final class MedicalTerms {

    public static final String MEDICINES = "/medical/medicaments.tsv";

    public static final String HEALTH_WORDS = "/medical/termes-sante.tsv";

    /**
     * One term.
     *
     * @param text as written ("Kardégic", "hernie discale")
     * @param kind MARQUE, SUBSTANCE, VACCIN, CLASSE for medicines; PATHOLOGIE, SYMPTOME, EXAMEN… for health words
     * @param ambiguous also an ordinary French word
     */
    public record Term(String text, String kind, boolean ambiguous) {

        /** The term as a token pattern: its folded words, without the pattern syntax's special characters. */
        public String pattern() {
            var folded = Tokenizer.fold(text).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
            return folded;
        }

    }

    private MedicalTerms() {
    }

    public static List<Term> medicines() {
        return load(MEDICINES, 1, 2);
    }

    public static List<Term> healthWords() {
        return load(HEALTH_WORDS, 1, 3);
    }

    /** The raw bytes of both files, for version hashes of the data that depends on them. */
    public static byte[] bytes() {
        try (var a = stream(MEDICINES); var b = stream(HEALTH_WORDS)) {
            var first = a.readAllBytes();
            var second = b.readAllBytes();
            var all = new byte[first.length + second.length];
            System.arraycopy(first, 0, all, 0, first.length);
            System.arraycopy(second, 0, all, first.length, second.length);
            return all;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static List<Term> load(String resource, int kindColumn, int ambiguousColumn) {
        var terms = new ArrayList<Term>();
        try (var in = stream(resource)) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            var header = true;
            for (var line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                var fields = line.split("\t", -1);
                if (fields.length <= ambiguousColumn) {
                    throw new IllegalStateException(resource + " : ligne incomplète : " + line);
                }
                terms.add(new Term(fields[0].strip(), fields[kindColumn].strip(),
                        fields[ambiguousColumn].strip().equalsIgnoreCase("oui")));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return List.copyOf(terms);
    }

    private static InputStream stream(String resource) {
        var in = MedicalTerms.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Liste absente du jar : " + resource);
        }
        return in;
    }

}
