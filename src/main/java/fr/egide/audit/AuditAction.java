package fr.egide.audit;

/** The sensitive acts the audit log records; their French names are the message keys {@code audit.action.NAME}. */
public enum AuditAction {
    CONNEXION, ECHEC_CONNEXION, CHANGEMENT_ROLE, CONSULTATION_DOSSIER, CONSULTATION_PREUVE, EXPORT, COURRIER_GENERE,
    COURRIER_ENVOYE, REPONSE_PUBLIEE, PARAMETRES_MODIFIES, EXPORT_RGPD, SUPPRESSION_CABINET, PURGE_CONSERVATION
}
