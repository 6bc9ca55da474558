package fr.egide.monitoring.connectors;

import java.util.List;

/**
 * One page of a source.
 *
 * @param nextCursor where to continue, or null when this page was the last
 * @param completeListing true when the source lists its whole history (Google Business Profile): an item missing
 *        from a complete scan was removed
 * @param warnings what was partial, in French (search engines that did not answer…): shown on the source, never
 *        taken for "nothing found"
 */
public record FetchResult(List<FetchedItem> items, String nextCursor, boolean completeListing, List<String> warnings) {

    public FetchResult {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }

}
