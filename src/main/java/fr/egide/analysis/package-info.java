/**
 * Analysis: an explainable French analyser that shows, for each review, the words that may make it
 * illicit, the reason and the legal basis, weighs its impact and recommends a strategy. It gives
 * indicators, never verdicts: only a judge decides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analyse")
package fr.egide.analysis;
