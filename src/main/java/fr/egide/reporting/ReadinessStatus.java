package fr.egide.reporting;

/** Where a « bon réflexe » stands; each is also written in words, never shown by colour alone. */
public enum ReadinessStatus {
    FAIT(2), PARTIEL(1), A_FAIRE(0);

    private final int points;

    ReadinessStatus(int points) {
        this.points = points;
    }

    public int points() {
        return points;
    }

}
