package fr.egide.letters;

import fr.egide.analysis.IndicatorType;

/**
 * The qualification the user chose for a dossier, as a letter states it. Its own enum rather than the analyser's
 * {@link IndicatorType}: a letter also needs « licite probable » (the content is ordinary criticism — notifying it
 * is itself punished) and offences the analyser does not look for (harassment, identity theft). Labels, legal
 * bases and penalties are data: {@code letters/qualifications.tsv}.
 */
public enum LegalQualification {
    DIFFAMATION, INJURE, DENIGREMENT, VIE_PRIVEE, HAINE, MENACE, HARCELEMENT, USURPATION_IDENTITE, LICITE_PROBABLE;

    /** Lawful as far as one can tell: a platform notice then carries a warning. */
    public boolean lawful() {
        return this == LICITE_PROBABLE;
    }

    /** The qualification matching one of the analyser's indicators; DONNEES_SANTE is no qualification. */
    public static LegalQualification of(IndicatorType type) {
        return switch (type) {
            case DIFFAMATION -> DIFFAMATION;
            case INJURE -> INJURE;
            case DENIGREMENT -> DENIGREMENT;
            case VIE_PRIVEE -> VIE_PRIVEE;
            case HAINE -> HAINE;
            case MENACE -> MENACE;
            case DONNEES_SANTE -> throw new IllegalArgumentException(
                    "« Données de santé » n'est pas une qualification : l'auteur peut parler de sa santé, une réponse ne doit pas la reprendre.");
        };
    }
}
