package fr.egide.practice;

/** How the practitioner is addressed ("Dr", "M.", "Mme"), as on the RPPS directory. */
public enum Civility {
    DR("Dr"), PR("Pr"), M("M."), MME("Mme");

    private final String label;

    Civility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
