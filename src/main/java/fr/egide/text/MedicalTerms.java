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

    private static final Tokenizer TOKENIZER = Tokenizer.standard();

    /**
     * Terms of the lists that name who cares or where, not what someone has: a reply may sign "chirurgien-dentiste"
     * and a review may say "mon dentiste" without disclosing health data. Normalised forms.
     */
    static final java.util.Set<String> CARE = java.util.Set.of("kine", "kinesitherapie", "kinesitherapeute",
            "teleconsultation", "consultation medicale", "rendez vous medical", "medecin traitant", "secret medical",
            "medecine du travail", "orthodontiste", "chirurgien dentiste", "dentiste", "sage femme",
            "gynecologue obstetricien", "addictologue", "consultation psy", "examen clinique", "visite medicale",
            "visite a domicile", "consultation dietetique", "soins infirmiers", "seance de kine", "bilan kine", "medecin",
            "pediatre", "psychiatre", "psychologue", "infirmier", "infirmiere", "osteopathe", "orthophoniste",
            "dermatologue", "cardiologue", "generaliste", "specialiste", "urgences", "hopital", "clinique", "pharmacie",
            "pharmacien", "laboratoire", "cabinet", "rendez vous", "rdv", "visite", "seance", "soins", "soin",
            "traitement", "examen", "bilan", "suivi", "consultation", "ordonnance", "gynecologue", "ophtalmologue",
            "ordonnance medicale", "consultation diabetique");

    public static final String HEALTH_WORDS = "/medical/termes-sante.tsv";

    /**
     * One term.
     *
     * @param text as written ("Kardégic", "hernie discale")
     * @param kind MARQUE, SUBSTANCE, VACCIN, CLASSE for medicines; PATHOLOGIE, SYMPTOME, EXAMEN… for health words
     * @param ambiguous also an ordinary French word
     */
    public record Term(String text, String kind, boolean ambiguous) {

        /**
         * The term as a token pattern: its words normalised exactly as the tokenizer normalises a text ("AVC" stays
         * "avc", "Kardégic" becomes "kardegic"), so that a term always matches its own text.
         */
        public String pattern() {
            return TOKENIZER.normalizedWords(text).replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ").strip();
        }

        /** A profession, a care setting or a practice's service: it says nothing of a person's health. */
        public boolean aboutCare() {
            return CARE.contains(pattern());
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
