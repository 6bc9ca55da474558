/**
 * What the practice sees at a glance: the dashboard today, the monthly report later.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tableau de bord et rapports")
package fr.egide.reporting;
