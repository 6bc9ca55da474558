package fr.egide.letters;

import java.util.Locale;

/** The ten letters of a dossier. Each has its template {@code letters/<name in lower case>.txt}. */
public enum LetterType {
    /** Notice to the platform or host: DSA art. 16, the former LCEN checklist, a good-faith statement. */
    SIGNALEMENT_PLATEFORME("Signalement à la plateforme ou à l'hébergeur", Addressee.PLATEFORME),
    MISE_EN_DEMEURE_AUTEUR("Mise en demeure de l'auteur", Addressee.AUTEUR),
    MISE_EN_DEMEURE_EDITEUR("Mise en demeure du directeur de la publication", Addressee.DIRECTEUR_PUBLICATION),
    DROIT_DE_REPONSE("Demande d'insertion d'un droit de réponse", Addressee.DIRECTEUR_PUBLICATION),
    /** GDPR art. 17. */
    EFFACEMENT_RGPD("Demande d'effacement (RGPD, article 17)", Addressee.RESPONSABLE_TRAITEMENT),
    /** GDPR art. 21, the practitioner's listing itself included. */
    OPPOSITION_RGPD("Opposition au traitement (RGPD, article 21)", Addressee.RESPONSABLE_TRAITEMENT),
    DEREFERENCEMENT("Demande de déréférencement", Addressee.MOTEUR_DE_RECHERCHE),
    DECLARATION_ASSUREUR("Déclaration de sinistre à l'assureur", Addressee.ASSUREUR),
    /** The PACIFIQUE strategy: no demand, no pressure, no health detail, never says the person is a patient. */
    PROPOSITION_ECHANGE("Proposition d'échange à l'auteur", Addressee.AUTEUR),
    NOTE_AVOCAT("Note de synthèse pour l'avocat", Addressee.AVOCAT);

    private final String label;

    private final Addressee addressee;

    LetterType(String label, Addressee addressee) {
        this.label = label;
        this.addressee = addressee;
    }

    /** In French, for lists and titles. */
    public String label() {
        return label;
    }

    public Addressee addressee() {
        return addressee;
    }

    /** The template's resource path. */
    public String template() {
        return "/letters/" + name().toLowerCase(Locale.ROOT) + ".txt";
    }
}
