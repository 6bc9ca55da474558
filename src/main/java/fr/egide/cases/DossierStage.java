package fr.egide.cases;

/** Where a dossier stands, in the order of the Ordre's method: keep the proof, qualify, choose, act, close. */
public enum DossierStage {
    OUVERT("Ouvert"),
    PREUVES("Preuves conservées"),
    QUALIFIE("Qualifié"),
    STRATEGIE("Stratégie choisie"),
    ACTIONS("Actions en cours"),
    CLOS("Clos");

    private final String label;

    DossierStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stage after this one, or null after CLOS. */
    public DossierStage next() {
        return this == CLOS ? null : values()[ordinal() + 1];
    }

    public boolean atLeast(DossierStage other) {
        return ordinal() >= other.ordinal();
    }

}
