package fr.egide.cases;

/** What a deadline is for. The first three are the ones a publication starts (the {@code deadlines} command). */
public enum DeadlineKind {
    /** Last day to prosecute (criminal action, 1881 law or penal code). */
    PRESCRIPTION_PENALE,
    /** Last day to ask the site for a right of reply (only where the site gives no direct way to reply). */
    DROIT_DE_REPONSE,
    /** Last day to bring a civil action (dénigrement, private life). */
    ACTION_CIVILE,
    /** Answer due to a GDPR request. */
    REPONSE_RGPD,
    /** Follow-up of a platform notice that got no reasoned decision. */
    SUIVI_SIGNALEMENT,
    /** Last day for the internal complaint against a platform's decision. */
    RECLAMATION_INTERNE,
    /** Decision due from the out-of-court dispute settlement body. */
    DECISION_ORGANISME,
    /** Last day to declare the claim to the professional insurer. */
    DECLARATION_ASSUREUR,
    /** End of the delay a mise en demeure gave its addressee. */
    REPONSE_MISE_EN_DEMEURE,
    /** Last day for the director of publication to insert a requested reply. */
    INSERTION_REPONSE
}
