package fr.egide.analysis;

/** Legal-risk signals the analyser looks for. Each is an indicator for the user, never a legal finding. */
public enum IndicatorType {
    /** Outrageous term, contempt or invective with no precise fact. */
    INJURE,
    /** Allegation of a precise, verifiable fact that harms honour or reputation. */
    DIFFAMATION,
    /** Excessive or disloyal attack on the services rather than the person. */
    DENIGREMENT,
    /** Provocation to hatred, discrimination or violence, or insult, based on origin, religion, sex… */
    HAINE,
    /** The private life of the practitioner or of others. */
    VIE_PRIVEE,
    /** Threats against the practitioner, staff, premises or family (not a complaint to the Ordre or a lawsuit). */
    MENACE,
    /** The text discloses someone's health: lawful for the author, but a reply must never echo it. */
    DONNEES_SANTE;

    /** The types whose presence can make content illicit (DONNEES_SANTE is a warning for replies only). */
    public boolean illicitRisk() {
        return this != DONNEES_SANTE;
    }
}
