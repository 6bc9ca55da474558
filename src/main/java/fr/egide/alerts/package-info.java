/**
 * Alerts: tells a cabinet's members what deserves attention — a threat, content to examine or probably illicit, a
 * high impact, a source in error, a captured page changed or removed, a dossier deadline — by e-mail (at once or in a
 * daily or weekly digest, outside quiet hours) and by signed webhook. Only listens to other modules' events and
 * calls their root APIs; nobody depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Alertes")
package fr.egide.alerts;
