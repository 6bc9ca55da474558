package fr.egide.letters;

import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.StrategyKind;
import fr.egide.letters.LetterContext.AcceptedIndicator;
import fr.egide.letters.LetterContext.Content;
import fr.egide.letters.LetterContext.DeadlineItem;
import fr.egide.letters.LetterContext.EvidenceItem;
import fr.egide.letters.LetterContext.Insurance;
import fr.egide.letters.LetterContext.Recipient;
import fr.egide.letters.LetterContext.Sender;
import java.time.LocalDate;
import java.util.List;

/** Fictional dossiers for the letters' tests: no real person, no real review. */
final class LettersFixtures {

    static final String QUOTED = "Le Dr Martin est une incompétente qui a raté mon diagnostic, une vraie boucherie, fuyez ce cabinet !";

    static final String URL = "https://www.google.com/maps/reviews/data=!4m8!14m7!1m6!2m5!1sChdDSUhNMG9nS0VJQ0FnSUN4bDZ2X3pRRRAB";

    private LettersFixtures() {
    }

    static Sender sender() {
        return new Sender("Dr", "Claire", "Martin", "médecin généraliste", "10101234567",
                List.of("12 rue des Tilleuls", "69003 Lyon"), "cabinet.martin@example.org");
    }

    static Recipient platform() {
        return new Recipient("Google Ireland Limited", List.of("Gordon House", "Barrow Street", "Dublin 4", "Irlande"),
                "legal-notices@example.org");
    }

    static Recipient recipientFor(LetterType type) {
        return switch (type) {
            case SIGNALEMENT_PLATEFORME, EFFACEMENT_RGPD, OPPOSITION_RGPD -> platform();
            case DEREFERENCEMENT -> new Recipient("Google LLC", List.of("1600 Amphitheatre Parkway", "Mountain View, CA 94043",
                    "États-Unis"), null);
            case MISE_EN_DEMEURE_AUTEUR, PROPOSITION_ECHANGE -> new Recipient("Monsieur Julien Perrin",
                    List.of("4 allée des Érables", "69100 Villeurbanne"), "j.perrin@example.net");
            case MISE_EN_DEMEURE_EDITEUR, DROIT_DE_REPONSE -> new Recipient("Madame Sophie Lefèvre, directrice de la publication",
                    List.of("Avis-Santé-Lyon SAS", "8 quai Saint-Antoine", "69002 Lyon"), "redaction@example.com");
            case DECLARATION_ASSUREUR, NOTE_AVOCAT -> null;
        };
    }

    static LetterContext context(LetterType type) {
        return context(type, LegalQualification.DIFFAMATION, insurance(), null);
    }

    static Insurance insurance() {
        return new Insurance("Mutuelle des Praticiens Assurances", "RCP-2026-004512", "protection juridique et e-réputation", 5,
                LocalDate.of(2026, 11, 28));
    }

    static LetterContext context(LetterType type, LegalQualification qualification, Insurance insurance, String facts) {
        var content = new Content(URL, "Jules P.", QUOTED, "il y a 3 semaines", LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 27));
        var evidence = List.of(
                new EvidenceItem("Capture scellée de la page (WACZ, PDF, horodatage RFC 3161)", LocalDate.of(2026, 11, 27),
                        "9f2c4be1d7a05e3c8b61f0a4d2e97c3b5a18f6e0c4d3b2a1908f7e6d5c4b3a29", "B-2026-0031"),
                new EvidenceItem("Constat de commissaire de justice", LocalDate.of(2026, 11, 30), null, null));
        var deadlines = List.of(
                new DeadlineItem("PRESCRIPTION_PENALE", "prescription de l'action pénale", LocalDate.of(2027, 2, 4),
                        "loi du 29 juillet 1881, article 65"),
                new DeadlineItem("DROIT_DE_REPONSE", "demande de droit de réponse", LocalDate.of(2027, 2, 4),
                        "loi n° 2004-575, article 6, IV ; décret n° 2007-1527"),
                new DeadlineItem("DECLARATION_ASSUREUR", "déclaration à l'assureur", LocalDate.of(2026, 12, 7),
                        "code des assurances, article L113-2 ; contrat"));
        var indicators = List.of(new AcceptedIndicator(IndicatorType.INJURE, List.of("incompétente", "boucherie")),
                new AcceptedIndicator(IndicatorType.DIFFAMATION, List.of("a raté mon diagnostic")));
        return new LetterContext("D-2026-014", LocalDate.of(2026, 12, 3), "Lyon", sender(), "Cabinet médical des Tilleuls",
                recipientFor(type), List.of(content), evidence, qualification, null, indicators, deadlines, StrategyKind.OFFENSIVE,
                insurance, "Maître Antoine Roux", facts,
                type == LetterType.DROIT_DE_REPONSE ? "Le Dr Claire Martin conteste ces propos, qu'elle estime injurieux." : null,
                null, "Capture scellée de la page le 27 novembre 2026.", null);
    }

}
