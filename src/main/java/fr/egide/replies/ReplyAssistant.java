package fr.egide.replies;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.Polarity;
import fr.egide.analysis.StrategyKind;
import fr.egide.analysis.ThemeScore;
import fr.egide.compliance.ReplyLinter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says whether to reply to a review and proposes short drafts built on the structure practitioners are taught
 * (greeting, thanks, the concern restated in general terms, what was done or measured surprise, an invitation
 * to talk privately through the practice's professional channel, a courteous closing). The pieces are in
 * {@code /replies/modeles.tsv}; every draft is linted before it is proposed. Plain Java; thread-safe.
 */
public final class ReplyAssistant {

    /** Drafts proposed per theme. */
    public static final int VARIANTS = 3;

    /** Themes whose criticism is about organisation: say what was done rather than express surprise. */
    private static final Set<String> ORGANISATIONAL = Set.of("ACCUEIL_SECRETARIAT", "ATTENTE_PONCTUALITE", "RENDEZ_VOUS",
            "TARIFS_HONORAIRES", "HYGIENE_LOCAUX", "ACCESSIBILITE", "TELECONSULTATION", "SUIVI_RESULTATS");

    public static final String GENERAL = "GENERAL";

    private final ReplyLinter linter;

    private final Map<String, List<String>> pieces;

    public ReplyAssistant(ReplyLinter linter) {
        this.linter = linter;
        this.pieces = load();
    }

    /** The themes the assistant has pieces for, {@link #GENERAL} included. */
    public List<String> themes() {
        return pieces.keySet().stream().filter(key -> key.startsWith("entendu/")).map(key -> key.substring(8)).toList();
    }

    public ReplyAdvice advise(Analysis analysis, String review) {
        var kind = analysis.strategy().kind();
        var threat = analysis.indicators().stream().anyMatch(i -> i.type() == IndicatorType.MENACE);
        if (kind == StrategyKind.OFFENSIVE || threat) {
            return new ReplyAdvice("NE_PAS_REPONDRE", "Indices sérieux de contenu illicite : ne répondez pas publiquement. "
                    + "Conservez d'abord la preuve ; une réponse peut amplifier le contenu et même excuser une injure "
                    + "(excuse de provocation). Voir la stratégie recommandée.", List.of());
        }
        if (kind == StrategyKind.NEUTRE) {
            return new ReplyAdvice("NE_PAS_REPONDRE", "Un avis positif ou neutre n'appelle pas de réponse. Remercier "
                    + "publiquement peut être lu comme de la publicité, et la déontologie interdit de solliciter des avis.",
                    List.of());
        }
        var themes = negativeThemes(analysis);
        var drafts = new ArrayList<ReplyAdvice.Proposal>();
        for (var theme : themes) {
            for (int variant = 0; variant < VARIANTS; variant++) {
                var text = draft(theme, variant);
                drafts.add(new ReplyAdvice.Proposal(theme, variant, text, linter.lint(text, review)));
            }
        }
        if (kind == StrategyKind.PACIFIQUE) {
            return new ReplyAdvice("CONTACT_PRIVE", "Des indices à examiner : privilégiez un échange privé avec l'auteur "
                    + "s'il est identifiable. Si vous répondez en public, restez bref et proposez seulement cet échange.",
                    drafts);
        }
        if (analysis.impact().score() >= 50) {
            return new ReplyAdvice("REPONSE_BREVE", "Une critique a priori licite et visible : une réponse brève et "
                    + "empathique peut rassurer les lecteurs. Ne pas répondre reste possible. Relisez à froid et faites relire.",
                    drafts);
        }
        return new ReplyAdvice("NE_PAS_REPONDRE", "Une critique a priori licite et peu visible : ne pas répondre est "
                + "souvent le plus sûr. Si vous tenez à répondre, voici des propositions brèves ; relisez à froid et faites relire.",
                drafts);
    }

    /** The negative themes of the review that the assistant knows (two at most), or GENERAL. */
    private List<String> negativeThemes(Analysis analysis) {
        var known = themes();
        var themes = analysis.themes().stream()
            .filter(theme -> theme.polarity() == Polarity.NEGATIVE)
            .map(ThemeScore::theme)
            .map(Enum::name)
            .filter(known::contains)
            .distinct()
            .limit(2)
            .toList();
        return themes.isEmpty() ? List.of(GENERAL) : themes;
    }

    /** One draft for a theme: the structure, each piece chosen by the variant number. */
    public String draft(String theme, int variant) {
        var parts = new ArrayList<String>();
        parts.add(pick("salutation/*", variant));
        parts.add(pick("merci/*", variant));
        parts.add(pick("entendu/" + theme, variant));
        var follow = ORGANISATIONAL.contains(theme) ? "suite/" + theme : "surprise/" + theme;
        if (pieces.containsKey(follow)) {
            parts.add(pick(follow, variant));
        }
        parts.add(pick("invitation/*", variant));
        parts.add(pick("formule/*", variant));
        return String.join(" ", parts);
    }

    private String pick(String key, int variant) {
        var list = pieces.get(key);
        if (list == null) {
            throw new IllegalArgumentException("Thème inconnu de l'assistant : " + key);
        }
        return list.get(variant % list.size());
    }

    private static Map<String, List<String>> load() {
        var pieces = new LinkedHashMap<String, List<String>>();
        try (InputStream in = ReplyAssistant.class.getResourceAsStream("/replies/modeles.tsv")) {
            if (in == null) {
                throw new IllegalStateException("Fichier absent du jar : /replies/modeles.tsv");
            }
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var f = line.split("\t");
                pieces.computeIfAbsent(f[0].strip() + "/" + f[1].strip(), key -> new ArrayList<>()).add(f[2].strip());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return pieces;
    }

}
