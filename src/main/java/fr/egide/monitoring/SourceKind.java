package fr.egide.monitoring;

/** How a source's mentions arrive. Connectors (Google, feeds, search engines) add kinds later. */
public enum SourceKind {
    /** Mentions imported from a CSV or JSON file. */
    IMPORT,
    /** Mentions typed in by a user. */
    MANUAL
}
