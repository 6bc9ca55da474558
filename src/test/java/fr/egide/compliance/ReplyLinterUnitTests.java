package fr.egide.compliance;

import fr.egide.analysis.ReviewAnalyzer;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The linter on the seeds' real pair and on each rule, with the traps that must not fire. */
class ReplyLinterUnitTests {

    static final ReplyLinter linter = ReplyLinter.standard(ReviewAnalyzer.standard());

    static final String GOOD_SEED = "Madame, Je viens de prendre connaissance de votre commentaire. Avec mon équipe, nous faisons "
            + "tout notre possible pour rester à l'écoute de notre patientèle. Afin de remédier à votre insatisfaction, je peux "
            + "vous proposer un échange en privé par téléphone ou par mail selon votre convenance. N'hésitez pas à me contacter "
            + "pour échanger sur la situation. Bien à vous,";

    static final String BAD_SEED = "N'importe qui semble pouvoir dire n'importe quoi. Plusieurs vérifications peuvent être "
            + "faites, montrez nous votre ordonnance et une confirmation du reçu de 80 euros. De plus semble t il j'avais tout "
            + "fait pour être votre médecin et je vous perds madame sans nom, quel malheur \"La Perdue\"";

    static List<String> motifs(LintResult result, Rule rule) {
        return result.findings().stream().filter(f -> f.rule() == rule).map(Finding::motif).toList();
    }

    static String wrap(String body) {
        return "Madame, Monsieur, Merci pour votre message. " + body
                + " Je vous invite à contacter le secrétariat du cabinet par téléphone. Bien cordialement,";
    }

    @Test
    void theSeedsOwnerReplyIsBlockedForToneAndSecrecy() {
        var result = linter.lint(BAD_SEED);
        assertThat(result.verdict()).isEqualTo(Verdict.BLOQUANT);
        assertThat(motifs(result, Rule.SECRET_MEDICAL)).contains("relation", "montant");
        assertThat(motifs(result, Rule.TON)).contains("accusation", "preuve", "ironie");
        var spans = result.findings().stream().flatMap(f -> f.spans().stream()).map(s -> s.text()).toList();
        assertThat(spans).contains("n'importe quoi", "montrez nous", "80 euros", "votre médecin", "je vous perds", "quel malheur");
        for (var finding : result.findings()) {
            assertThat(finding.message()).isNotBlank();
            assertThat(finding.basis()).isNotBlank();
            finding.spans().forEach(span -> assertThat(BAD_SEED.substring(span.start(), span.end())).isEqualTo(span.text()));
        }
        assertThat(result.findings().stream().filter(f -> f.rule() == Rule.SECRET_MEDICAL).findFirst().orElseThrow().basis())
            .contains("L1110-4").contains("226-13");
    }

    @Test
    void theSeedsGoodReplyIsPublishable() {
        var result = linter.lint(GOOD_SEED);
        assertThat(result.findings()).filteredOn(f -> f.severity() != Severity.INFO).isEmpty();
        assertThat(result.verdict()).isEqualTo(Verdict.PUBLIABLE);
    }

    @Test
    void secrecyCatchesCareRelationshipsHealthDatesAmountsAndNames() {
        for (var body : List.of("Je me souviens très bien de vous.", "Lors de votre consultation du 12 mars, tout était normal.",
                "Vous n'êtes jamais venu au cabinet.", "Nous n'avons aucun patient à ce nom.", "Votre dossier est complet.",
                "Le Doliprane prescrit était adapté.", "Votre fils va mieux.", "L'examen a duré 20 minutes.",
                "Les 60 € réglés correspondent au tarif.", "Nous avons bien reçu Madame Rigaud.", "Votre diabète est suivi.")) {
            var result = linter.lint(wrap(body));
            assertThat(result.verdict()).as(body).isEqualTo(Verdict.BLOQUANT);
            assertThat(motifs(result, Rule.SECRET_MEDICAL)).as(body).isNotEmpty();
        }
    }

    @Test
    void healthDetailsFromTheReviewMustNotBeEchoed() {
        var review = "Je suis enceinte de cinq mois et ma sciatique me fait souffrir, le kiné a été froid.";
        var reply = wrap("Nous comprenons que la sciatique soit éprouvante.");
        var result = linter.lint(reply, review);
        assertThat(result.verdict()).isEqualTo(Verdict.BLOQUANT);
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo(Rule.SECRET_MEDICAL));
    }

    @Test
    void advertisingCatchesSolicitationPromotionComparisonsAndLinks() {
        for (var body : List.of("N'hésitez pas à laisser un avis 5 étoiles.", "Laissez-nous une bonne note sur Google.",
                "Nous sommes le meilleur cabinet du quartier.", "Le seul orthodontiste du département à proposer cette technique.",
                "Contrairement à d'autres cabinets, nous prenons le temps.", "Profitez de notre offre : détartrage à -20 %.",
                "Plus d'informations sur www.cabinet-exemple.fr.", "Suivez-nous sur Instagram @cabinet.exemple.")) {
            var result = linter.lint(wrap(body));
            assertThat(result.verdict()).as(body).isEqualTo(Verdict.BLOQUANT);
            assertThat(motifs(result, Rule.PUBLICITE)).as(body).isNotEmpty();
        }
    }

    @Test
    void toneIsBlockingOrToReviewByStrength() {
        for (var body : List.of("Vous mentez.", "Montrez-nous votre preuve.", "Mon avocat vous contactera.",
                "VOUS N'AVEZ RIEN COMPRIS.", "Quelle idée stupide !!!", "LOL", "Vous êtes un imbécile.", "Merci 🙄")) {
            assertThat(linter.lint(wrap(body)).verdict()).as(body).isEqualTo(Verdict.BLOQUANT);
        }
        var toldYou = linter.lint(wrap("Je vous l'avais dit."));
        assertThat(motifs(toldYou, Rule.TON)).contains("justification");
        assertThat(motifs(toldYou, Rule.SECRET_MEDICAL)).as("it also says the author came").contains("relation");
        for (var body : List.of("Il faut savoir faire preuve de patience.", "Quand on arrive en retard, on attend.", "Merci pour votre message !")) {
            var result = linter.lint(wrap(body));
            assertThat(result.verdict()).as(body).isEqualTo(Verdict.A_REVOIR);
            assertThat(motifs(result, Rule.TON)).as(body).isNotEmpty();
        }
    }

    @Test
    void formIsToReviewWhenTooLongOrMissingItsParts() {
        var noGreeting = linter.lint("Merci pour votre message. Le secrétariat reste joignable par téléphone. Bien cordialement,");
        assertThat(motifs(noGreeting, Rule.FORME)).containsExactly("salutation");
        assertThat(noGreeting.verdict()).isEqualTo(Verdict.A_REVOIR);
        var noChannel = linter.lint("Bonjour, Merci pour votre message. Nous restons à votre écoute. Bien cordialement,");
        assertThat(motifs(noChannel, Rule.FORME)).containsExactly("echange-prive");
        var noClosing = linter.lint("Bonjour, Merci pour votre message. Le secrétariat reste joignable par téléphone.");
        assertThat(motifs(noClosing, Rule.FORME)).containsExactly("formule");
        var longReply = linter.lint(wrap("Nous avons pris bonne note de vos remarques. ".repeat(20)));
        assertThat(motifs(longReply, Rule.FORME)).contains("longueur");
        assertThat(longReply.words()).isGreaterThan(120);
    }

    @Test
    void ordinaryWordsThatLookLikeRulesDoNotFire() {
        for (var body : List.of("Nous vous répondrons dans les meilleurs délais.", "Le secrétariat est ouvert du lundi au vendredi.",
                "Nous vous rappellerons sous 48 heures.", "Tenu au secret médical, je ne peux répondre publiquement.",
                "Écrivez-nous à contact@cabinet-exemple.fr ou appelez le 01 23 45 67 89.",
                "Le traitement des demandes administratives a été accéléré.", "Nous avons renforcé l'accueil téléphonique.",
                "Je reste bien sûr à votre disposition.")) {
            var result = linter.lint(wrap(body));
            assertThat(result.verdict()).as(body + " " + result.findings()).isEqualTo(Verdict.PUBLIABLE);
        }
        for (var signature : List.of("Dr Martin, chirurgien-dentiste", "Le cabinet de kinésithérapie", "Dr Roux, orthodontiste")) {
            var result = linter.lint(wrap("") + " " + signature);
            assertThat(result.verdict()).as(signature + " " + result.findings()).isEqualTo(Verdict.PUBLIABLE);
        }
    }

    @Test
    void theReviewsHealthWordsAreEchoedButNotItsOrdinaryWords() {
        var review = "Mon rendez-vous pour ma migraine a été annulé deux fois, je suis sous Doliprane.";
        var generic = linter.lint(wrap("Nous avons revu l'organisation du planning."), review);
        assertThat(generic.verdict()).as(generic.findings().toString()).isEqualTo(Verdict.PUBLIABLE);
        var echoed = linter.lint(wrap("Nous comprenons que la migraine soit pénible."), review);
        assertThat(motifs(echoed, Rule.SECRET_MEDICAL)).contains("echo");
    }

    @Test
    void badInputIsRefusedOrHandled() {
        assertThatThrownBy(() -> linter.lint("  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vide");
        var junk = linter.lint("\u0000\u0001 ��� " + "x".repeat(19_000));
        assertThat(junk.verdict()).isNotNull();
        assertThatThrownBy(() -> linter.lint("x".repeat(20_001))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("20 000");
        assertThat(linter.lint("😀😀😀").verdict()).isEqualTo(Verdict.A_REVOIR);
    }

}
