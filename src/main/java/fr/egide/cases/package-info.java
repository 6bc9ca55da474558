/**
 * Dossiers: from a harmful mention to a complete case file — qualification, strategy, deadlines, letters and
 * evidence. The deadline rules are data ({@code cases/delais.tsv}) read by a plain-Java core.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dossiers")
package fr.egide.cases;
