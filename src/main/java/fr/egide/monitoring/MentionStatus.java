package fr.egide.monitoring;

/** Where a mention stands in the practice's reading: new, read, or archived. */
public enum MentionStatus {
    NOUVEAU, LU, ARCHIVE
}
