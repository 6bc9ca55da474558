/**
 * Cross-cutting plumbing that belongs to no capability: the command-line entry point, the embedded
 * PostgreSQL, error handling and the shared web layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Système")
package fr.egide.system;
