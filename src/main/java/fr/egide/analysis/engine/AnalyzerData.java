package fr.egide.analysis.engine;

import fr.egide.text.Lexicon;
import fr.egide.text.MedicalTerms;
import fr.egide.text.Tokenizer;
import fr.egide.analysis.IndicatorType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The analyser's knowledge, all of it data files shipped in the jar under {@code /analysis}: lexicons,
 * context words, SMS spellings and legal rules. The analyser version is derived from their content, so
 * that any change to a lexicon triggers the re-analysis of stored mentions.
 */
public final class AnalyzerData {

    static final String ENGINE_VERSION = "1.1";

    static final String[] FILES = { "risques.tsv", "sentiment.tsv", "themes.tsv", "contexte.tsv", "sms.tsv",
            "regles-juridiques.tsv" };

    final Lexicon risks;

    final Lexicon sentiment;

    final Lexicon themes;

    final Lexicon context;

    final Tokenizer tokenizer;

    final Map<IndicatorType, LegalRule> rules;

    final String version;

    private AnalyzerData(Map<String, byte[]> files) throws IOException {
        var risksText = new String(files.get("risques.tsv"), StandardCharsets.UTF_8)
            .replace(HEALTH_WORDS, alternatives(MedicalTerms.healthWords()))
            .replace(MEDICINES, alternatives(MedicalTerms.medicines()));
        this.risks = Lexicon.parse("risques.tsv", new ByteArrayInputStream(risksText.getBytes(StandardCharsets.UTF_8)));
        this.sentiment = Lexicon.parse("sentiment.tsv", stream(files, "sentiment.tsv"));
        this.themes = Lexicon.parse("themes.tsv", stream(files, "themes.tsv"));
        this.context = Lexicon.parse("contexte.tsv", stream(files, "contexte.tsv"));
        this.tokenizer = Tokenizer.fromSmsFile(new String(files.get("sms.tsv"), StandardCharsets.UTF_8));
        this.rules = rules(new String(files.get("regles-juridiques.tsv"), StandardCharsets.UTF_8));
        this.version = ENGINE_VERSION + "+" + digest(files);
    }

    /** In risques.tsv, stands for the project's unambiguous health words (diseases, symptoms, treatments…). */
    static final String HEALTH_WORDS = "@termes-sante";

    /** In risques.tsv, stands for the project's unambiguous medicine names and substances. */
    static final String MEDICINES = "@medicaments";

    /** The terms as one pattern element: "a|b|(c d)", unambiguous ones only, sorted for a stable version. */
    private static String alternatives(java.util.List<MedicalTerms.Term> terms) {
        var single = new java.util.TreeSet<String>();
        var multi = new java.util.TreeSet<String>();
        for (var term : terms) {
            var pattern = term.pattern();
            if (term.ambiguous() || pattern.length() < 3 || term.aboutCare()
                    || !Character.isLetter(pattern.charAt(0))) {
                continue;
            }
            if (pattern.contains(" ")) {
                multi.add(pattern);
            }
            else {
                single.add(pattern);
                // Lists give the singular; reviews say "mes insomnies", "ses otites".
                if (pattern.length() >= 4 && !pattern.endsWith("s") && !pattern.endsWith("x") && !pattern.endsWith("z")) {
                    single.add(pattern + "s");
                }
            }
        }
        var all = new java.util.ArrayList<String>(single);
        multi.forEach(words -> all.add("(" + words + ")"));
        return String.join("|", all);
    }

    /** Loads the data shipped with Égide. */
    public static AnalyzerData bundled() {
        return Bundled.DATA;
    }

    /** Loaded once per JVM, on first use (the data is immutable); a second caller waits for the first. */
    private static final class Bundled {

        static final AnalyzerData DATA = load();

    }

    private static AnalyzerData load() {
        var files = new HashMap<String, byte[]>();
        for (var name : FILES) {
            var path = name.equals("sms.tsv") ? Tokenizer.SMS_RESOURCE : "/analysis/" + name;
            try (InputStream in = AnalyzerData.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("Fichier d'analyse absent du jar : " + path);
                }
                files.put(name, in.readAllBytes());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        try {
            return new AnalyzerData(files);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String version() {
        return version;
    }

    public Lexicon risks() {
        return risks;
    }

    private static InputStream stream(Map<String, byte[]> files, String name) {
        return new ByteArrayInputStream(files.get(name));
    }

    private static Map<IndicatorType, LegalRule> rules(String text) {
        var map = new EnumMap<IndicatorType, LegalRule>(IndicatorType.class);
        for (var line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var f = line.split("\t", -1);
            var type = IndicatorType.valueOf(f[0].strip());
            map.put(type, new LegalRule(type, f[1].strip(), f[2].strip(), Integer.parseInt(f[3].strip()), f[4].strip(),
                    f[5].strip(), Integer.parseInt(f[6].strip())));
        }
        for (var type : IndicatorType.values()) {
            if (!map.containsKey(type)) {
                throw new IllegalStateException("regles-juridiques.tsv : aucune règle pour " + type);
            }
        }
        return map;
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (var name : FILES) {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update(files.get(name));
            }
            sha.update(MedicalTerms.bytes());
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
