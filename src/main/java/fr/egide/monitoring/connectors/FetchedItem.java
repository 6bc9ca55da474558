package fr.egide.monitoring.connectors;

import java.time.Instant;
import java.util.Map;

/**
 * One normalised item of a source: a review, a search result, a feed entry, a passage of a web page.
 *
 * @param externalId the source's own id (review id, result URL, entry id), or null: then a fingerprint of the
 *        normalised text identifies it
 * @param rating 1–5 when the source has stars, otherwise null
 * @param text the text as published (for a translated Google review: the translation's original text, see
 *        {@code originalText})
 * @param originalText the text in its original language when the source gave a translation, else null
 * @param publishedRaw the publication date as the source wrote it ("il y a 2 semaines"), or null
 * @param publishedAt the publication time when the source gives an exact one, else null
 * @param updatedAt when the source says the item last changed, or null
 * @param attributes extra facts by name (reply text and state, search position, pro/perso label…)
 * @param raw the item's raw payload (JSON or XML) as received: kept with the mention
 */
public record FetchedItem(String externalId, String url, String author, Integer rating, String text, String originalText,
        String language, String publishedRaw, Instant publishedAt, Instant updatedAt, Map<String, String> attributes, String raw) {

    public FetchedItem {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

}
