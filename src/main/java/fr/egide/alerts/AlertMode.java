package fr.egide.alerts;

/** How a user receives a trigger's alerts. */
public enum AlertMode {
    IMMEDIAT, QUOTIDIEN, HEBDOMADAIRE, AUCUN
}
