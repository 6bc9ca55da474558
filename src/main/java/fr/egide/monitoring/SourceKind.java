package fr.egide.monitoring;

/** How a source's mentions arrive: a file import, manual entry, or a connector scanned on a schedule. */
public enum SourceKind {
    IMPORT,
    /** Mentions typed in by a user. */
    MANUAL,
    /** The practitioner's own Google Business Profile listing (OAuth): full history, replies. */
    GOOGLE_BUSINESS,
    /** A Google listing the practitioner does not own (Places API): five reviews, no history. */
    GOOGLE_PLACES,
    /** The practitioner's name in a search engine (SearXNG). */
    RECHERCHE,
    /** The practitioner's name in Brave Search. */
    RECHERCHE_BRAVE,
    /** An RSS or Atom feed (Google Alerts, forum, blog, news). */
    FLUX,
    /** A web page watched for passages naming the practitioner. */
    PAGE_WEB;

    /** Whether a connector scans this source on a schedule. */
    public boolean scanned() {
        return this != IMPORT && this != MANUAL;
    }

}
