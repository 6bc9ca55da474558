package fr.egide.analysis;

/** Why several mentions look like a coordinated campaign (harcèlement, faux avis) rather than isolated opinions. */
public enum WaveKind {
    /** Several negative items published within a few days. */
    RAFALE_NEGATIVE,
    /** Several items under the same pseudonym, at least one of them negative. */
    MEME_AUTEUR
}
