package fr.egide.alerts;

/** What an alert is about; each has a default delivery mode a user may change (except threats, always immediate). */
public enum AlertTrigger {
    MENACE(AlertMode.IMMEDIAT),
    ILLICITE_PROBABLE(AlertMode.IMMEDIAT),
    A_EXAMINER(AlertMode.IMMEDIAT),
    VAGUE(AlertMode.IMMEDIAT),
    IMPACT_ELEVE(AlertMode.QUOTIDIEN),
    AVIS_NEGATIF(AlertMode.QUOTIDIEN),
    PREUVE_MODIFIEE(AlertMode.IMMEDIAT),
    SOURCE_EN_ERREUR(AlertMode.QUOTIDIEN),
    ECHEANCE(AlertMode.IMMEDIAT);

    private final AlertMode defaultMode;

    AlertTrigger(AlertMode defaultMode) {
        this.defaultMode = defaultMode;
    }

    public AlertMode defaultMode() {
        return defaultMode;
    }

    /** A threat is always sent at once, whatever the preferences and quiet hours. */
    public boolean threat() {
        return this == MENACE;
    }
}
