package fr.egide.analysis;

import java.time.Instant;

/**
 * A text to analyse and what is known around it. Everything but the text is optional.
 *
 * @param source the site's name ("Google", "Doctolib", a forum…), used for the audience when not given
 * @param audience GENERALISTE (Google, PagesJaunes…), SPECIALISE (health forum, directory) or CONFIDENTIEL
 * @param searchPosition FIRST_PAGE or BEYOND when monitoring knows where it ranks for the practitioner's name
 * @param author PATIENT, ANONYME, PROFESSIONNEL_CONCURRENT, JOURNALISTE, INFLUENCEUR
 * @param publishedEarliest the earliest possible first publication, for deadlines and recency
 * @param similarItems how many similar negative items appeared around the same time (a wave); the impact counts
 *        at most {@link #SIMILAR_ITEMS_COUNTED}
 * @param now the analysis time (deadlines and recency); the current time when null
 */
public record AnalysisRequest(String text, Integer rating, String source, String audience, String searchPosition,
        String author, Instant publishedEarliest, int similarItems, Instant now) {

    /**
     * The impact's risk grows with a wave up to this many similar items and no further: past it, a wave that grows
     * changes nothing in its members' analyses, so they are not rewritten each time an item joins (the wave itself,
     * with its exact size, is shown by the wave detection).
     */
    public static final int SIMILAR_ITEMS_COUNTED = 6;

    public static AnalysisRequest of(String text) {
        return new AnalysisRequest(text, null, null, null, null, null, null, 0, null);
    }

    public static AnalysisRequest of(String text, Integer rating, String source) {
        return new AnalysisRequest(text, rating, source, null, null, null, null, 0, null);
    }

}
