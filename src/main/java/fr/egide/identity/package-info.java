/**
 * Who signs in and what they may see: user accounts, first-run installation, sign-in for the web UI,
 * bearer tokens for the REST API, and the cabinets each user belongs to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identité et accès")
package fr.egide.identity;
