/**
 * Evidence: bundles of a capture's files sealed by a manifest of SHA-256 digests and RFC 3161 timestamp tokens,
 * verifiable offline by anyone ({@code evidence verify}), and the insert-only, hash-chained chain of custody. The
 * capture itself (browser, WARC, renderings, report) is still to come (issue 5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Preuves")
package fr.egide.evidence;
