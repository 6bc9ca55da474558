package fr.egide.monitoring;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A mention typed in by a user (seen in a newspaper, reported by a colleague…).
 *
 * @param date the publication date as shown on the page: "12/03/2024", "il y a 3 mois"…
 */
public record ManualMention(@NotBlank(message = "{mention.source.obligatoire}") @Size(max = 120) String source,
        @Size(max = 2000, message = "{mention.url.longueur}") String url,
        @Size(max = 200, message = "{mention.auteur.longueur}") String author,
        @Min(value = 1, message = "{mention.note.bornes}") @Max(value = 5, message = "{mention.note.bornes}") Integer rating,
        @Size(max = 50000, message = "{mention.texte.longueur}") String text,
        @Size(max = 100, message = "{mention.date.longueur}") String date) {
}
