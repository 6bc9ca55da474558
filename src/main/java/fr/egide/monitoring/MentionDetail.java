package fr.egide.monitoring;

import java.util.List;

/**
 * A mention with everything kept about it: every version of its text, and the raw data it came with.
 *
 * @param raw the original record (import row or API payload) as JSON text
 */
public record MentionDetail(MentionSummary mention, String externalId, String publishedBasis, List<MentionVersion> versions,
        String raw) {
}
