/**
 * Compliance: the reply linter. It reads a draft reply (and the review it answers) and finds what would breach
 * medical secrecy, advertise, or answer in anger, with the words, why, how to fix it and the text of law or
 * deontology; and a verdict: PUBLIABLE, A_REVOIR or BLOQUANT. Its core is plain Java (no Spring, no database,
 * no network) so the command line, the replies module and the letters module run the same checks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conformité des réponses")
package fr.egide.compliance;
