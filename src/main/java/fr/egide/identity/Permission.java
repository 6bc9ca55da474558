package fr.egide.identity;

/**
 * What a member may do in a cabinet. Root services ask for one of these through {@link CabinetAccess#require}, so
 * that a controller forgetting a check does not open anything: the refusal comes from the service itself.
 */
public enum Permission {

    /** Read the cabinet's contents: mentions, analyses, evidence, dossiers, replies, sources, alerts. */
    READ("consulter les données du cabinet"),
    /** Sort mentions (status, impact context), add mentions, import, scan sources now. */
    TRIAGE("trier les avis"),
    /** Capture, verify and re-check evidence. */
    CAPTURE_EVIDENCE("capturer des preuves"),
    /** Download an evidence bundle or a dossier export, create a share link. */
    EXPORT_EVIDENCE("exporter des preuves"),
    /** Open a dossier and work on it (qualification, events, evidence, stages). */
    EDIT_DOSSIER("travailler sur un dossier"),
    /** Write, revise, submit or abandon a reply draft. */
    DRAFT_REPLY("rédiger une réponse"),
    /** Re-read a reply and approve it, or send it back. */
    APPROVE_REPLY("approuver une réponse"),
    /** Publish an approved reply. */
    PUBLISH_REPLY("publier une réponse"),
    /** Generate and edit a dossier's letters. */
    DRAFT_LETTER("préparer un courrier"),
    /** Record a letter as sent. */
    SEND_LETTER("envoyer un courrier"),
    /** Change the cabinet's settings, practitioners, sources, webhooks, members, shares and organisation consent. */
    MANAGE_CABINET("gérer le cabinet"),
    /** Read the dossiers shared with oneself, and their evidence (CONSEIL). */
    READ_SHARED_DOSSIERS("consulter les dossiers partagés");

    private final String label;

    Permission(String label) {
        this.label = label;
    }

    /** The French infinitive used in refusals ("Votre rôle ne permet pas de …"). */
    public String label() {
        return label;
    }

}
