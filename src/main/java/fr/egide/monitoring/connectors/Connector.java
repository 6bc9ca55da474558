package fr.egide.monitoring.connectors;

/**
 * A source of mentions (Google Business Profile, Places, a search engine, a feed, a web page): a stateless adapter
 * with an injected base URL, clock and HTTP client, that fetches one page of items after a cursor and returns them
 * normalised, each with its raw payload. It stores nothing: the ingestion stores the items and advances the cursor
 * in one transaction, so that a crash re-fetches and never skips. Plain Java.
 */
public interface Connector {

    /** The kind of source this adapter reads ({@code SourceKind} name, e.g. "FLUX"). */
    String kind();

    /**
     * One page of items.
     *
     * @throws ConnectorException with a French message and what to do next (refresh, retry later, fix the settings)
     */
    FetchResult fetch(FetchRequest request) throws ConnectorException, InterruptedException;

}
