package fr.egide.analysis;

import fr.egide.system.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the practitioner knows about a mention that the analyser cannot guess, and that changes its impact.
 * Every field is optional: null means "inconnu" and the analyser uses its default.
 *
 * @param author PATIENT, ANONYME, PROFESSIONNEL_CONCURRENT, JOURNALISTE or INFLUENCEUR
 * @param searchPosition FIRST_PAGE or BEYOND: where the mention ranks for the practitioner's name
 * @param audience GENERALISTE, SPECIALISE or CONFIDENTIEL
 * @param changedBy who set it last (null when never set)
 * @param changedAt when it was set last
 */
public record ImpactContext(String author, String searchPosition, String audience, UUID changedBy, Instant changedAt) {

    public static final List<String> AUTHORS = List.of("PATIENT", "ANONYME", "PROFESSIONNEL_CONCURRENT", "JOURNALISTE",
            "INFLUENCEUR");

    public static final List<String> POSITIONS = List.of("FIRST_PAGE", "BEYOND");

    public static final List<String> AUDIENCES = List.of("GENERALISTE", "SPECIALISE", "CONFIDENTIEL");

    public static final ImpactContext UNKNOWN = new ImpactContext(null, null, null, null, null);

    /** The context as a user gives it: blank means unknown; any other value must be one of the lists. */
    public static ImpactContext of(String author, String searchPosition, String audience) {
        return new ImpactContext(check(author, AUTHORS, "nature de l'auteur"),
                check(searchPosition, POSITIONS, "position dans les résultats"), check(audience, AUDIENCES, "audience du site"),
                null, null);
    }

    private static String check(String value, List<String> allowed, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var stripped = value.strip();
        if (!allowed.contains(stripped)) {
            throw new InvalidRequestException("Valeur inconnue (" + what + ") : " + stripped
                    + ". Valeurs possibles : " + String.join(", ", allowed) + ", ou vide si inconnue.");
        }
        return stripped;
    }

}
