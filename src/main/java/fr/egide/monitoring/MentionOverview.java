package fr.egide.monitoring;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the dashboard shows of the mentions.
 *
 * @param negative mentions rated 1 or 2 stars
 * @param averageRating average of the rated mentions, or null when none is rated
 */
public record MentionOverview(long total, long unread, long negative, BigDecimal averageRating,
        List<SourceFigures> sources, List<MentionSummary> latest) {
}
