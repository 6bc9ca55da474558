package fr.egide.letters;

/**
 * Something the user must read before sending.
 *
 * @param code stable, e.g. « SIGNALEMENT_CONTENU_LICITE », « ELEMENT_MANQUANT »
 * @param confirmationRequired true when the interface must ask the user to confirm before export or sending
 */
public record LetterWarning(String code, String message, boolean confirmationRequired) {
}
