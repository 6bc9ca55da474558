package fr.egide.compliance;

/** How serious a finding is; the verdict is the worst of them. */
public enum Severity {
    /** The reply must not be published as it is. */
    BLOQUANT,
    /** The reply should be reworked and re-read before publishing. */
    A_REVOIR,
    /** A suggestion; the reply may be published. */
    INFO
}
