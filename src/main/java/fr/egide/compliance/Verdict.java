package fr.egide.compliance;

/** Whether a reply may be published. */
public enum Verdict {
    PUBLIABLE, A_REVOIR, BLOQUANT
}
