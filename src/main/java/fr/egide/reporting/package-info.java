/**
 * What the practice sees at a glance: the dashboard, the monthly report (« veille mensuelle », a PDF kept and mailed
 * on the first of each month) and the « bons réflexes » checklist. It only reads the other modules' root APIs; nobody
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tableau de bord et rapports")
package fr.egide.reporting;
