package fr.egide.letters;

/** Whom a letter is written to. */
public enum Addressee {
    PLATEFORME("la plateforme ou l'hébergeur"),
    AUTEUR("l'auteur du contenu"),
    DIRECTEUR_PUBLICATION("le directeur de la publication du site"),
    RESPONSABLE_TRAITEMENT("le responsable du traitement (ou son délégué à la protection des données)"),
    MOTEUR_DE_RECHERCHE("le moteur de recherche"),
    ASSUREUR("l'assureur du cabinet"),
    AVOCAT("l'avocat du praticien");

    private final String label;

    Addressee(String label) {
        this.label = label;
    }

    /** In French, e.g. « le directeur de la publication du site ». */
    public String label() {
        return label;
    }
}
