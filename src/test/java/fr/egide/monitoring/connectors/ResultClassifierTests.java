package fr.egide.monitoring.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.egide.monitoring.connectors.ResultClassifier.Classement;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultClassifierTests {

    private final ResultClassifier classifier = ResultClassifier.standard();

    @Test
    void aBookingPageIsProfessionalAndTheReasonNamesTheDomainRule() {
        var result = classifier.classify("https://www.doctolib.fr/medecin-generaliste/lyon/claire-martin",
                "Dr Claire Martin - Prenez rendez-vous", "Médecin généraliste à Lyon");

        assertThat(result.classement()).isEqualTo(Classement.PRO);
        assertThat(result.raison())
            .isEqualTo("prise de rendez-vous en ligne : page du cabinet (règle domaine « doctolib.fr »)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://annuaire.sante.fr/web/site-pro/recherche/rpps-10000000000 | PRO   | annuaire santé officiel (RPPS)
            https://fr.linkedin.com/in/claire-martin-exemple                   | PRO   | réseau professionnel
            https://www.pagesjaunes.fr/pros/00000000                            | PRO   | annuaire professionnel avec avis
            https://www.facebook.com/claire.martin.exemple                      | PERSO | réseau social, profil personnel le plus souvent
            https://www.strava.com/athletes/00000000                            | PERSO | activité sportive personnelle (parcours, horaires, lieux)
            https://copainsdavant.linternaute.com/p/claire-martin-0000          | PERSO | anciens camarades de classe
            https://gw.geneanet.org/exemple?n=martin&p=claire                   | PERSO | généalogie familiale
            https://www.leboncoin.fr/ad/velos/0000000000                        | PERSO | petites annonces entre particuliers
            """)
    void knownSitesAreClassifiedByTheirDomainWhateverTheSubDomain(String url, Classement expected, String reason) {
        var result = classifier.classify(url, "Claire Martin", "");

        assertThat(result.classement()).isEqualTo(expected);
        assertThat(result.raison()).startsWith(reason + " (règle domaine");
    }

    @Test
    void theMostSpecificDomainWinsWhateverTheOrderOfTheFile() {
        var result = classifier.classify("https://annuairesante.ameli.fr/professionnels-de-sante/fiche-detaillee-martin-claire",
                "MARTIN CLAIRE", "");

        assertThat(result.raison()).contains("règle domaine « annuairesante.ameli.fr »");
    }

    @Test
    void aLookalikeHostIsNotTheDomain() {
        var result = classifier.classify("https://notdoctolib.fr/claire-martin", "Claire Martin", "");

        assertThat(result.classement()).isEqualTo(Classement.INDETERMINE);
    }

    @Test
    void wordsDecideOnAnUnknownSiteAccentsAndHyphensIgnored() {
        var sport = classifier.classify("https://www.exemple-chrono.fr/resultats/2026/lyon",
                "Résultats du Semi-Marathon de Lyon 2026", "142e Claire MARTIN, 1 h 52");
        var family = classifier.classify("https://www.journal-exemple.fr/carnet", "Carnet du jour",
                "Claire Martin et ses enfants ont la douleur… Les Obsèques auront lieu mardi");
        var press = classifier.classify("https://www.journal-exemple.fr/lyon-3e/une-maison-de-sante-ouvre",
                "Lyon 3e : une maison de santé ouvre rue Paul Bert", "Le Dr Claire Martin y reçoit ses patients");

        assertThat(sport.classement()).isEqualTo(Classement.PERSO);
        assertThat(sport.raison()).isEqualTo("résultats sportifs (règle mot « marathon|semi marathon|trail|triathlon|"
                + "course a pied|dossard|classement general|foulees »)");
        assertThat(family.classement()).isEqualTo(Classement.PERSO);
        assertThat(family.raison()).startsWith("événement familial (décès)");
        assertThat(press.classement()).isEqualTo(Classement.PRO);
        assertThat(press.raison()).startsWith("relation avec les patients");
    }

    @Test
    void wordsMatchWholeWordsOnly() {
        var result = classifier.classify("https://www.exemple-auto.fr/annonces", "Claire Martin", "trailer et cabinets");

        assertThat(result.classement()).isEqualTo(Classement.INDETERMINE);
    }

    @Test
    void aPersonalNetworkSpeakingOfThePracticeIsLeftToThePractitioner() {
        var result = classifier.classify("https://www.facebook.com/cabinet.martin.exemple",
                "Cabinet du Dr Claire Martin", "Prise de rendez-vous par téléphone");

        assertThat(result.classement()).isEqualTo(Classement.INDETERMINE);
        assertThat(result.raison())
            .startsWith("signaux contraires, à vérifier : réseau social, profil personnel le plus souvent (règle domaine « facebook.com »)")
            .contains("mais activité au cabinet (règle mot « cabinet medical|cabinet »)");
    }

    @Test
    void professionalAndPersonalWordsTogetherAreUndecided() {
        var result = classifier.classify("https://www.journal-exemple.fr/sport",
                "Le marathon des soignants", "Le Dr Claire Martin a quitté son cabinet pour courir");

        assertThat(result.classement()).isEqualTo(Classement.INDETERMINE);
        assertThat(result.raison()).contains("activité au cabinet").contains("résultats sportifs");
    }

    @Test
    void nothingMatchedIsUndecidedAndSaysSo() {
        var result = classifier.classify("https://www.exemple-blog.fr/billet", "Claire Martin", "Un billet");

        assertThat(result.classement()).isEqualTo(Classement.INDETERMINE);
        assertThat(result.raison()).isEqualTo("aucune règle ne s'applique : à classer à la lecture");
    }

    @Test
    void thePracticesOwnSiteIsProfessional() {
        var result = classifier.classify("https://www.cabinet-martin-exemple.fr/equipe", "L'équipe", "",
                Set.of("cabinet-martin-exemple.fr"));

        assertThat(result.classement()).isEqualTo(Classement.PRO);
        assertThat(result.raison()).isEqualTo("site du cabinet (domaine « cabinet-martin-exemple.fr » déclaré dans les réglages)");
    }

    @Test
    void everyRuleOfTheFileHasAReasonAndNoneIsUndecided() {
        assertThat(classifier.rules()).hasSizeGreaterThan(30)
            .allSatisfy(rule -> {
                assertThat(rule.raison()).isNotBlank();
                assertThat(rule.classement()).isIn(Classement.PRO, Classement.PERSO);
            });
    }

    @Test
    void aBrokenRuleNamesItsLine() {
        assertThatThrownBy(() -> ResultClassifier.parse("# commentaire\nPRO\tdomaine\texemple.fr\n"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("ligne 2");
        assertThatThrownBy(() -> ResultClassifier.parse("PRO\tsite\texemple.fr\tun site\n"))
            .hasMessageContaining("ligne 1");
    }

}
