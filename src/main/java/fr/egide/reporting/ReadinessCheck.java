package fr.egide.reporting;

/** The « bons réflexes » the Ordres recommend before anything happens online, in the order the checklist shows them. */
public enum ReadinessCheck {
    /** The cabinet's own Google listing claimed and followed. */
    FICHE_GOOGLE,
    /** A professional profile and a website the practitioner controls. */
    PRESENCE_MAITRISEE,
    /** Professional insurance with an e-réputation guarantee, the insurer, the policy and the declaration deadline recorded. */
    ASSURANCE,
    /** Monitoring sources set up, search engines included, none in error. */
    SOURCES,
    /** No personal content on the first page of search results for the practitioner's name. */
    SEPARATION_PRO_PERSO,
    /** Someone re-reads replies before they are published. */
    RELECTURE
}
