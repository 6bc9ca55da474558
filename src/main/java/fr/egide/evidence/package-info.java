/**
 * Evidence: bundles of a capture's files sealed by a manifest of SHA-256 digests and RFC 3161 timestamp tokens,
 * verifiable offline by anyone ({@code evidence verify}). The capture itself (browser, WARC, renderings, report)
 * and the chain of custody are still to come (issue 5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Preuves")
package fr.egide.evidence;
