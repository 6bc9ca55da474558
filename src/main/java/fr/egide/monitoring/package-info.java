/**
 * Veille: where mentions of a practice come from (sources), the mentions themselves with every version of
 * their text, and how they get in (file import today, connectors later).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Veille")
package fr.egide.monitoring;
