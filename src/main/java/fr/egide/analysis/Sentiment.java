package fr.egide.analysis;

/**
 * Tone of the text, and of the text together with its star rating.
 *
 * @param score −1 (very negative) to 1 (very positive), from the text alone
 * @param combined the text and the rating together, or the text alone without a rating
 * @param contradiction the rating and the text disagree (5 stars with an insulting text, 1 star with praise)
 * @param contradictionReason why, in French, or null
 */
public record Sentiment(Polarity label, double score, double combined, Integer rating, boolean contradiction,
        String contradictionReason) {
}
