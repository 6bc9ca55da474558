/**
 * Evidence: bundles of a capture's files sealed by a manifest of SHA-256 digests and RFC 3161 timestamp tokens,
 * verifiable offline by anyone ({@code evidence verify}); a first capture with Chromium ({@code evidence capture});
 * and the insert-only, hash-chained chain of custody. WARC, report and the rest of issue 5 are still to come.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Preuves")
package fr.egide.evidence;
