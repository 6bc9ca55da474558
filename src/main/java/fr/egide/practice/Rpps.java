package fr.egide.practice;

import fr.egide.system.InvalidRequestException;

/**
 * The RPPS number (Répertoire partagé des professionnels de santé): 11 digits. People copy it with
 * spaces from the directory, so spaces are dropped; anything else than 11 digits is refused.
 */
public final class Rpps {

    private Rpps() {
    }

    /** The 11 digits, or null when nothing was entered. */
    public static String normalize(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        var digits = input.replace(" ", "").replace("\u00a0", "");
        if (!digits.matches("[0-9]{11}")) {
            throw new InvalidRequestException("Le numéro RPPS doit compter exactement 11 chiffres (lu : « "
                    + input.strip() + " »).");
        }
        return digits;
    }

}
