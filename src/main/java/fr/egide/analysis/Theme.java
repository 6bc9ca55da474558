package fr.egide.analysis;

/** What patients praise or criticise, so that the practice can improve. */
public enum Theme {
    ACCUEIL_SECRETARIAT, ATTENTE_PONCTUALITE, RENDEZ_VOUS, TARIFS_HONORAIRES, RELATIONNEL_ECOUTE, COMPETENCE_SOINS,
    HYGIENE_LOCAUX, ACCESSIBILITE, TELECONSULTATION, SUIVI_RESULTATS
}
