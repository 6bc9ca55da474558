package fr.egide.monitoring;

/**
 * A line of an import that was not stored, and why.
 *
 * @param kind REJET (invalid, explained in reason) or DOUBLON (the same review appears earlier in the file)
 * @param excerpt the beginning of the line as read, to find it in the file
 */
public record ImportIssue(long lineNo, String kind, String reason, String excerpt) {
}
