package fr.egide.cases;

/**
 * The qualification the user retains for a dossier — a choice to discuss with a lawyer, never a verdict: only a
 * judge qualifies. Diffamation and injure (1881 law) and dénigrement (civil, art. 1240) are exclusive routes for the
 * same words, so a dossier holds one.
 */
public enum DossierQualification {
    CRITIQUE_LICITE("Critique licite (opinion, expérience vécue)", null, "Liberté d'expression (Conv. EDH, art. 10)"),
    INJURE("Injure publique", "INJURE", "Loi du 29 juillet 1881, art. 29 al. 2 et 33"),
    DIFFAMATION("Diffamation publique", "DIFFAMATION", "Loi du 29 juillet 1881, art. 29 al. 1 et 32"),
    DENIGREMENT("Dénigrement (voie civile)", "DENIGREMENT", "Code civil, art. 1240"),
    HAINE("Provocation à la haine ou injure discriminatoire", "HAINE", "Loi du 29 juillet 1881, art. 24, 32 al. 2-3, 33 al. 3-4"),
    VIE_PRIVEE("Atteinte à la vie privée", "VIE_PRIVEE", "Code civil, art. 9 ; Code pénal, art. 226-1"),
    MENACE("Menace", "MENACE", "Code pénal, art. 222-17 et 222-18");

    private final String label;

    private final String trigger;

    private final String basis;

    DossierQualification(String label, String trigger, String basis) {
        this.label = label;
        this.trigger = trigger;
        this.basis = basis;
    }

    public String label() {
        return label;
    }

    /** The deadline table's trigger (an indicator type), or null when no deadline follows (lawful criticism). */
    public String trigger() {
        return trigger;
    }

    public String basis() {
        return basis;
    }

    public boolean lawful() {
        return this == CRITIQUE_LICITE;
    }

}
