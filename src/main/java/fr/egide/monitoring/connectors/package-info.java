/**
 * Connectors of the monitoring module: one SPI ({@link fr.egide.monitoring.connectors.Connector}), stateless
 * adapters that fetch pages of normalised items from Google Business Profile, Google Places, search engines
 * (SearXNG, Brave), RSS/Atom feeds and web pages. Internal to the monitoring module.
 */
package fr.egide.monitoring.connectors;
