/**
 * Courriers: the letters of a dossier (platform notice, formal notices, droit de réponse, GDPR erasure and
 * objection, delisting, insurer declaration, offer to talk, brief for the lawyer), drafted in French from
 * templates that are data ({@code letters/*.txt}), each with its mandatory elements checked, every draft run
 * through the reply linter's medical-secrecy rules, and exported as PDF and DOCX. No tables and no pages: the
 * dossiers module calls {@link fr.egide.letters.Letters} and keeps the record of sending.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Courriers", allowedDependencies = { "compliance", "analysis", "system" })
package fr.egide.letters;
