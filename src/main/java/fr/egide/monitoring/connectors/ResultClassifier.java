package fr.egide.monitoring.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sorts a search result about the practitioner into professional life (directories, booking pages, the Ordre,
 * the practice's site, reviews, press about the practice), private life (personal profiles on social networks,
 * sports results, family events, genealogy, small ads) or neither, with the French reason naming the rule that
 * matched. It serves the Ordre's advice to keep professional and private life apart online: the practitioner sees
 * at once what of their private life a patient finds next to their practice.
 *
 * <p>The rules are data ({@value #RULES}): a domain rule says what a site is and wins over words; words in the title
 * and snippet decide when no domain rule applies. Signals that disagree (a personal network whose page speaks of
 * the practice) give INDETERMINE, with both reasons, for the practitioner to decide. Plain Java, no I/O after
 * loading.
 */
public final class ResultClassifier {

    public static final String RULES = "/monitoring/classement-resultats.tsv";

    /** Which side of the practitioner's life a result shows. */
    public enum Classement {
        PRO, PERSO, INDETERMINE
    }

    /** How a rule recognises a result. */
    public enum Type {
        /** The result's host is this domain or one of its sub-domains; a motif without a dot is a host label. */
        DOMAINE,
        /** The words (accents and case ignored) appear in the title or the snippet; "|" separates alternatives. */
        MOT
    }

    /** One line of the rules file. */
    public record Rule(Classement classement, Type type, String motif, String raison) {

        public Rule {
            if (classement == Classement.INDETERMINE) {
                throw new IllegalArgumentException("une règle classe PRO ou PERSO : " + motif);
            }
        }

    }

    /** The label and why, in French. */
    public record Classification(Classement classement, String raison) {
    }

    private static volatile ResultClassifier standard;

    private final List<Rule> rules;

    private ResultClassifier(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The project's rules, from {@value #RULES}. */
    public static ResultClassifier standard() {
        var classifier = standard;
        if (classifier == null) {
            try (var in = ResultClassifier.class.getResourceAsStream(RULES)) {
                if (in == null) {
                    throw new IllegalStateException(RULES + " est introuvable");
                }
                classifier = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            standard = classifier;
        }
        return classifier;
    }

    public static ResultClassifier of(List<Rule> rules) {
        return new ResultClassifier(rules);
    }

    /** Rules written as the TSV file: classement, type, motif, raison; "#" starts a comment line. */
    public static ResultClassifier parse(String tsv) {
        var rules = new ArrayList<Rule>();
        var number = 0;
        for (var line : tsv.split("\\R")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var columns = line.split("\t");
            if (columns.length != 4 || columns[2].isBlank() || columns[3].isBlank()) {
                throw new IllegalStateException("règle de classement illisible ligne " + number + " : " + line);
            }
            try {
                rules.add(new Rule(Classement.valueOf(columns[0].strip()),
                        Type.valueOf(columns[1].strip().toUpperCase(Locale.ROOT)), columns[2].strip(), columns[3].strip()));
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalStateException("règle de classement illisible ligne " + number + " : " + line, ex);
            }
        }
        return new ResultClassifier(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public Classification classify(String url, String title, String snippet) {
        return classify(url, title, snippet, Set.of());
    }

    /**
     * @param practiceSites the practice's own domains (setting {@code sitesCabinet}): always PRO
     */
    public Classification classify(String url, String title, String snippet, Set<String> practiceSites) {
        var host = WebSearch.host(url == null ? "" : url);
        for (var site : practiceSites) {
            if (domainMatches(host, site.toLowerCase(Locale.ROOT))) {
                return new Classification(Classement.PRO, "site du cabinet (domaine « " + site + " » déclaré dans les réglages)");
            }
        }
        Rule domain = null;
        for (var rule : rules) {
            // The most specific domain wins: "annuaire.sante.fr" over "sante.fr", whatever the file's order.
            if (rule.type() == Type.DOMAINE && domainMatches(host, rule.motif().toLowerCase(Locale.ROOT))
                    && (domain == null || rule.motif().length() > domain.motif().length())) {
                domain = rule;
            }
        }
        var words = " " + normalise((title == null ? "" : title) + " " + (snippet == null ? "" : snippet)) + " ";
        Rule pro = null;
        Rule perso = null;
        for (var rule : rules) {
            if (rule.type() == Type.MOT && wordsMatch(words, rule.motif())) {
                if (rule.classement() == Classement.PRO && pro == null) {
                    pro = rule;
                }
                if (rule.classement() == Classement.PERSO && perso == null) {
                    perso = rule;
                }
            }
        }
        if (domain != null) {
            var against = domain.classement() == Classement.PRO ? perso : pro;
            if (against != null) {
                return new Classification(Classement.INDETERMINE,
                        "signaux contraires, à vérifier : " + reason(domain) + " ; mais " + reason(against));
            }
            return new Classification(domain.classement(), reason(domain));
        }
        if (pro != null && perso != null) {
            return new Classification(Classement.INDETERMINE,
                    "signaux contraires, à vérifier : " + reason(pro) + " ; mais " + reason(perso));
        }
        if (pro != null || perso != null) {
            var rule = pro != null ? pro : perso;
            return new Classification(rule.classement(), reason(rule));
        }
        return new Classification(Classement.INDETERMINE, "aucune règle ne s'applique : à classer à la lecture");
    }

    private static String reason(Rule rule) {
        return rule.raison() + " (règle " + (rule.type() == Type.DOMAINE ? "domaine" : "mot") + " « " + rule.motif() + " »)";
    }

    private static boolean domainMatches(String host, String motif) {
        if (host.isEmpty() || motif.isEmpty()) {
            return false;
        }
        if (!motif.contains(".")) {
            return List.of(host.split("\\.")).contains(motif);
        }
        return host.equals(motif) || host.endsWith("." + motif);
    }

    private static boolean wordsMatch(String paddedText, String motif) {
        for (var alternative : motif.split("\\|")) {
            var words = normalise(alternative);
            if (!words.isEmpty() && paddedText.contains(" " + words + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, no accents, words separated by single spaces: "Semi-Marathon" and "semi marathon" match. */
    static String normalise(String text) {
        var decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", " ").strip();
    }

}
