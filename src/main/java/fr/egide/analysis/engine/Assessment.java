package fr.egide.analysis.engine;

import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.Deadline;
import fr.egide.analysis.Impact;
import fr.egide.analysis.ImpactFactor;
import fr.egide.analysis.Indicator;
import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.Polarity;
import fr.egide.analysis.Qualification;
import fr.egide.analysis.Sentiment;
import fr.egide.analysis.Strategy;
import fr.egide.analysis.StrategyKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Impact and strategy, following the method practitioners are taught: weigh the mention on four criteria
 * (search position, audience, author, risk), then choose between doing nothing, a brief reply (or none),
 * talking to the author, or the legal way — always evidence first, within the deadlines.
 */
final class Assessment {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Sites everybody reads when choosing a practitioner. */
    private static final List<String> GENERAL_SITES = List.of("google", "pagesjaunes", "pages jaunes", "doctolib",
            "facebook", "trustpilot", "yelp", "tripadvisor", "maps");

    private static final List<String> SPECIALISED_SITES = List.of("forum", "doctissimo", "annuaire", "hospitalidee",
            "santé", "sante", "medecin");

    private final Map<IndicatorType, LegalRule> rules;

    Assessment(Map<IndicatorType, LegalRule> rules) {
        this.rules = rules;
    }

    Impact impact(AnalysisRequest request, List<Indicator> indicators, Sentiment sentiment, Instant now) {
        var factors = new ArrayList<ImpactFactor>();
        factors.add(position(request.searchPosition()));
        factors.add(audience(request.audience(), request.source()));
        factors.add(author(request.author()));
        factors.add(risk(request, indicators, sentiment, now));
        var score = factors.stream().mapToInt(ImpactFactor::points).sum();
        return new Impact(Math.min(100, score), List.copyOf(factors));
    }

    private static ImpactFactor position(String position) {
        if ("FIRST_PAGE".equals(position)) {
            return new ImpactFactor("POSITION", "FIRST_PAGE", 25,
                    "Visible en première page des résultats pour le nom du praticien.");
        }
        if ("BEYOND".equals(position)) {
            return new ImpactFactor("POSITION", "BEYOND", 8, "Au-delà de la première page des résultats.");
        }
        return new ImpactFactor("POSITION", "INCONNUE", 12,
                "Position dans les moteurs de recherche inconnue : la veille la mesurera.");
    }

    private static ImpactFactor audience(String audience, String source) {
        var kind = audience;
        if (kind == null && source != null) {
            var name = source.toLowerCase(Locale.ROOT);
            kind = GENERAL_SITES.stream().anyMatch(name::contains) ? "GENERALISTE"
                    : SPECIALISED_SITES.stream().anyMatch(name::contains) ? "SPECIALISE" : "CONFIDENTIEL";
        }
        if ("GENERALISTE".equals(kind)) {
            return new ImpactFactor("AUDIENCE", kind, 25, "Plateforme grand public, lue par la plupart des patients.");
        }
        if ("SPECIALISE".equals(kind)) {
            return new ImpactFactor("AUDIENCE", kind, 15, "Site spécialisé (forum, annuaire de santé).");
        }
        if ("CONFIDENTIEL".equals(kind)) {
            return new ImpactFactor("AUDIENCE", kind, 6, "Site à faible audience.");
        }
        return new ImpactFactor("AUDIENCE", "INCONNUE", 12, "Audience du site inconnue.");
    }

    private static ImpactFactor author(String author) {
        if (author == null) {
            return new ImpactFactor("AUTEUR", "INCONNU", 8, "Nature de l'auteur inconnue : précisez-la si vous la connaissez.");
        }
        return switch (author) {
            case "JOURNALISTE" -> new ImpactFactor("AUTEUR", author, 20, "Un journaliste : large diffusion possible.");
            case "INFLUENCEUR" -> new ImpactFactor("AUTEUR", author, 20, "Un influenceur : large diffusion possible.");
            case "PROFESSIONNEL_CONCURRENT" -> new ImpactFactor("AUTEUR", author, 18,
                    "Un professionnel ou un concurrent : propos plus crédibles, possible déloyauté.");
            case "PATIENT" -> new ImpactFactor("AUTEUR", author, 10, "Un patient ou un proche.");
            case "ANONYME" -> new ImpactFactor("AUTEUR", author, 6, "Un auteur anonyme.");
            default -> new ImpactFactor("AUTEUR", "INCONNU", 8, "Nature de l'auteur inconnue.");
        };
    }

    private ImpactFactor risk(AnalysisRequest request, List<Indicator> indicators, Sentiment sentiment, Instant now) {
        int points = sentiment.label() == Polarity.NEGATIVE ? 6 : 0;
        var parts = new ArrayList<String>();
        for (var indicator : indicators) {
            points = Math.max(points, rules.get(indicator.type()).severity());
        }
        if (!indicators.isEmpty() && points > 0) {
            parts.add("gravité des propos");
        }
        else if (points > 0) {
            parts.add("avis négatif");
        }
        if (request.publishedEarliest() != null && Duration.between(request.publishedEarliest(), now).toDays() <= 30) {
            points += 3;
            parts.add("publication récente");
        }
        if (request.similarItems() >= 2) {
            int counted = AnalysisRequest.SIMILAR_ITEMS_COUNTED;
            points += Math.min(counted, request.similarItems());
            parts.add(request.similarItems() >= counted ? "au moins " + counted + " éléments semblables"
                    : request.similarItems() + " éléments semblables");
        }
        points = Math.min(25, points);
        var explanation = parts.isEmpty() ? "Aucun propos à risque relevé." : "Risque pour l'activité : " + String.join(", ", parts) + ".";
        return new ImpactFactor("RISQUE", Integer.toString(points), points, explanation);
    }

    Strategy strategy(AnalysisRequest request, List<Indicator> indicators, Qualification qualification,
            Sentiment sentiment, Impact impact, Instant now) {
        var deadlines = deadlines(request, indicators);
        var threat = indicators.stream().anyMatch(i -> i.type() == IndicatorType.MENACE);
        if (threat) {
            return new Strategy(StrategyKind.OFFENSIVE,
                    "Le texte contient des indices de menace : la sécurité passe avant tout.",
                    List.of("Conserver la preuve tout de suite (capture datée, puis constat de commissaire de justice).",
                            "En cas de danger, prévenir les forces de l'ordre (17) et déposer plainte.",
                            "Informer votre assureur en responsabilité civile professionnelle.",
                            "Signaler le contenu à la plateforme.", "Ne pas répondre publiquement."),
                    deadlines);
        }
        if (qualification == Qualification.ILLICITE_PROBABLE) {
            return new Strategy(StrategyKind.OFFENSIVE,
                    "Des indices sérieux de contenu illicite : la voie juridique est ouverte, dans les délais, si vous la choisissez. "
                            + "Seul un juge qualifie le contenu.",
                    List.of("Conserver la preuve tout de suite (capture datée, puis constat de commissaire de justice).",
                            "Ne pas répondre sur le fond : une réponse agressive peut excuser une injure.",
                            "Signaler le contenu à la plateforme en citant le texte et la base légale.",
                            "Contacter votre assureur (garantie e-réputation ou protection juridique).",
                            "Consulter un avocat avant l'échéance du délai de prescription."),
                    deadlines);
        }
        if (qualification == Qualification.A_EXAMINER) {
            return new Strategy(StrategyKind.PACIFIQUE,
                    "Des indices à examiner, sans certitude : privilégier le dialogue, garder la preuve.",
                    List.of("Conserver la preuve (capture datée).",
                            "Relire à froid, faire relire par un confrère ou votre conseil.",
                            "Si l'auteur est identifiable, l'inviter à échanger hors ligne, sans rien dire des soins.",
                            "À défaut, une réponse brève et empathique, ou pas de réponse publique."),
                    deadlines);
        }
        if (sentiment.label() == Polarity.NEGATIVE) {
            var visible = impact.score() >= 50;
            return new Strategy(StrategyKind.DEFENSIVE,
                    "Une critique négative, a priori licite : elle ne se retire pas, elle se gère."
                            + (visible ? " Elle est très visible : une réponse brève peut rassurer les lecteurs." : ""),
                    List.of("Lire à froid, à un moment prévu ; ne jamais répondre sous le coup de l'émotion.",
                            "Répondre brièvement et avec empathie, sans rien confirmer des soins, ou ne pas répondre.",
                            "Faire relire la réponse par quelqu'un d'autre.",
                            "Utiliser la critique pour améliorer ce qui peut l'être (accueil, attente…)."),
                    deadlines);
        }
        return new Strategy(StrategyKind.NEUTRE, "Rien à faire : un avis positif ou neutre ne demande pas de réponse.",
                List.of("Ne pas solliciter ni récompenser les avis : la déontologie l'interdit.",
                        "Une réponse n'est pas nécessaire ; si vous répondez, restez bref et ne confirmez aucune relation de soins."),
                deadlines);
    }

    private List<Deadline> deadlines(AnalysisRequest request, List<Indicator> indicators) {
        var deadlines = new ArrayList<Deadline>();
        for (var indicator : indicators) {
            var rule = rules.get(indicator.type());
            if (rule.deadlineMonths() == 0 || deadlines.stream().anyMatch(d -> d.type() == indicator.type())) {
                continue;
            }
            var due = request.publishedEarliest() == null ? null
                    : request.publishedEarliest().atZone(PARIS).toLocalDate().plusMonths(rule.deadlineMonths()).minusDays(1);
            deadlines.add(new Deadline(indicator.type(), rule.deadlineDescription(), rule.deadlineBasis(),
                    rule.deadlineMonths(), due));
        }
        return List.copyOf(deadlines);
    }

}
