package fr.egide.practice;

/** Regulated health professions Égide is built for; each has its own code of deontology. */
public enum Profession {
    MEDECIN("Médecin"),
    CHIRURGIEN_DENTISTE("Chirurgien-dentiste"),
    MASSEUR_KINESITHERAPEUTE("Masseur-kinésithérapeute"),
    SAGE_FEMME("Sage-femme"),
    INFIRMIER("Infirmier"),
    PEDICURE_PODOLOGUE("Pédicure-podologue"),
    PHARMACIEN("Pharmacien"),
    AUTRE("Autre profession de santé");

    private final String label;

    Profession(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
