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
 * @param check facts about this fetch to keep with the source's history (a watched page's content SHA-256 and HTTP
 *        status: they prove when the page was still online), by name; empty when there are none
 */
public record FetchResult(List<FetchedItem> items, String nextCursor, boolean completeListing, List<String> warnings,
        java.util.Map<String, String> check) {

    public FetchResult {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
        check = check == null ? java.util.Map.of() : java.util.Map.copyOf(check);
    }

    public FetchResult(List<FetchedItem> items, String nextCursor, boolean completeListing, List<String> warnings) {
        this(items, nextCursor, completeListing, warnings, java.util.Map.of());
    }

}
