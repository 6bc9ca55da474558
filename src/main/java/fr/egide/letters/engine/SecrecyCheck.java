package fr.egide.letters.engine;

import fr.egide.analysis.Span;
import fr.egide.compliance.Finding;
import fr.egide.compliance.ReplyLinter;
import fr.egide.compliance.Rule;
import fr.egide.compliance.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Medical secrecy in a letter: the reply linter's SECRET_MEDICAL findings that reveal a care relationship or a
 * health detail (motifs relation, proches, sante, echo, faits), plus the letters' own patterns
 * ({@code letters/secret-courriers.tsv}) for what a letter says in the third person (« ma patiente », « sa
 * consultation »), which a reply — always addressed to the author — never does. Lines of motif « neutre » are
 * legal phrases blanked out before the linter reads the text (« responsable du traitement »).
 *
 * <p>The linter's « date », « montant » and « nom » motifs are not used: a letter must give dates (of publication,
 * of deadlines), penalties in euros and the addressee's name; none of them, alone, reveals care.
 */
final class SecrecyCheck {

    static final Set<String> BLOCKING_MOTIFS = Set.of("relation", "proches", "sante", "echo", "faits");

    private static final String BASIS = "Code de la santé publique, art. L1110-4 ; code de déontologie (R4127-4 pour les médecins) ; code pénal, art. 226-13 (1 an et 15 000 €)";

    private static final String NEUTRAL = "neutre";

    private record OwnPattern(String motif, Pattern pattern, String message) {
    }

    private final ReplyLinter linter;

    private final List<OwnPattern> patterns;

    private SecrecyCheck(ReplyLinter linter, List<OwnPattern> patterns) {
        this.linter = linter;
        this.patterns = patterns;
    }

    static SecrecyCheck load(ReplyLinter linter, String resource) {
        var patterns = new ArrayList<OwnPattern>();
        try (var in = SecrecyCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Table absente : " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var cells = line.split("\t");
                if (cells.length != 3) {
                    throw new IllegalStateException(resource + " : 3 colonnes attendues : " + line);
                }
                patterns.add(new OwnPattern(cells[0], Pattern.compile(cells[1]), cells[2]));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new SecrecyCheck(linter, List.copyOf(patterns));
    }

    /**
     * @param text the letter's own words (a paragraph, a field)
     * @param quoted the public texts the letter quotes: a health detail they give must not be echoed
     */
    List<Finding> check(String text, String quoted) {
        var findings = new ArrayList<Finding>();
        if (text == null || text.isBlank()) {
            return findings;
        }
        text = masked(text);
        // The linter reads replies (20,000 characters at most); a long field is read in pieces cut at a space.
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + ReplyLinter.MAX_CHARS);
            if (to < text.length()) {
                var space = text.lastIndexOf(' ', to);
                to = space > from ? space : to;
            }
            var piece = text.substring(from, to);
            if (!piece.isBlank()) {
                var review = quoted == null || quoted.isBlank() ? null : quoted;
                for (var finding : linter.lint(piece, review).findings()) {
                    if (finding.rule() == Rule.SECRET_MEDICAL && BLOCKING_MOTIFS.contains(finding.motif())) {
                        findings.add(shift(finding, from));
                    }
                }
            }
            from = to;
        }
        findings.addAll(own(text));
        return findings;
    }

    /**
     * The text with the « neutre » expressions blanked out (same length, so offsets hold): the GDPR's « responsable
     * du traitement » is not a treatment.
     */
    private String masked(String text) {
        var folded = fold(text);
        var out = new StringBuilder(text);
        for (var own : patterns) {
            if (own.motif().equals(NEUTRAL)) {
                var matcher = own.pattern().matcher(folded);
                while (matcher.find()) {
                    for (int i = matcher.start(); i < matcher.end(); i++) {
                        out.setCharAt(i, ' ');
                    }
                }
            }
        }
        return out.toString();
    }

    private List<Finding> own(String text) {
        var folded = fold(text);
        var findings = new ArrayList<Finding>();
        for (var own : patterns) {
            if (own.motif().equals(NEUTRAL)) {
                continue;
            }
            var spans = new ArrayList<Span>();
            var matcher = own.pattern().matcher(folded);
            while (matcher.find()) {
                spans.add(new Span(matcher.start(), matcher.end(), text.substring(matcher.start(), matcher.end())));
            }
            if (!spans.isEmpty()) {
                findings.add(new Finding(Rule.SECRET_MEDICAL, Severity.BLOQUANT, own.motif(), spans, own.message(), BASIS));
            }
        }
        return findings;
    }

    /** Findings of patterns ({@code interdit:} lines of a template) on the folded text. */
    static List<Finding> forbidden(String text, List<LetterTemplate.Forbidden> forbidden) {
        var folded = fold(text);
        var findings = new ArrayList<Finding>();
        for (var rule : forbidden) {
            var spans = new ArrayList<Span>();
            var matcher = rule.pattern().matcher(folded);
            while (matcher.find()) {
                spans.add(new Span(matcher.start(), matcher.end(), text.substring(matcher.start(), matcher.end())));
            }
            if (!spans.isEmpty()) {
                findings.add(new Finding(Rule.TON, Severity.BLOQUANT, "pression", spans, rule.message(),
                        "Stratégie pacifique (CNOM, « Préserver sa réputation numérique », 2018) : proposer un échange, sans demande ni pression"));
            }
        }
        return findings;
    }

    private static Finding shift(Finding finding, int offset) {
        if (offset == 0) {
            return finding;
        }
        var spans = finding.spans().stream().map(s -> new Span(s.start() + offset, s.end() + offset, s.text())).toList();
        return new Finding(finding.rule(), finding.severity(), finding.motif(), spans, finding.message(), finding.basis());
    }

    /** Lower case without accents, one char for one char, so that offsets stay those of the text. */
    static String fold(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            var decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            var base = decomposed.isEmpty() ? c : decomposed.charAt(0);
            if (base == '’') {
                base = '\'';
            }
            out.append(String.valueOf(base).toLowerCase(Locale.ROOT).charAt(0));
        }
        return out.toString();
    }

}
