/**
 * French text toolkit shared by the analyser and the reply linter: tokens that keep their offsets in the
 * original text, folded for matching (case, accents, elisions, SMS spellings, repeated letters), and lexicons
 * of token patterns read from versioned tab-separated files. Plain Java: no Spring, no I/O beyond reading
 * its data from the classpath.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Texte (outils)")
package fr.egide.text;
