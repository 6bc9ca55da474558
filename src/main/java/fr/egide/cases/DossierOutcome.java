package fr.egide.cases;

/** How a dossier ended. */
public enum DossierOutcome {
    CONTENU_RETIRE("Contenu retiré"),
    REPONSE_PUBLIEE("Réponse publiée"),
    ACCORD_AMIABLE("Accord amiable"),
    CLASSE_SANS_SUITE("Classé sans suite"),
    DECISION_DE_JUSTICE("Décision de justice"),
    PRESCRIT("Prescrit");

    private final String label;

    DossierOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

}
