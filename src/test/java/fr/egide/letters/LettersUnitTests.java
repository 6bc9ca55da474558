package fr.egide.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.egide.compliance.Rule;
import fr.egide.letters.engine.LetterEngine;
import fr.egide.system.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The letters' core without Spring: drafting, mandatory elements, secrecy, export to PDF and DOCX. */
class LettersUnitTests {

    private static final Letters letters = Letters.standard();

    @ParameterizedTest
    @EnumSource(LetterType.class)
    void draftsEveryLetterWithAllItsMandatoryElementsAndNoSecrecyFinding(LetterType type) {
        var draft = letters.draft(type, LettersFixtures.context(type));

        assertThat(draft.findings()).as(describe(draft)).isEmpty();
        assertThat(draft.blocked()).isFalse();
        assertThat(draft.elements()).isNotEmpty();
        assertThat(draft.missingElements()).as(describe(draft)).isEmpty();
        assertThat(draft.warnings()).extracting(LetterWarning::code).doesNotContain("ELEMENT_MANQUANT");
    }

    @ParameterizedTest
    @EnumSource(LetterType.class)
    void thePdfTextHoldsEachMandatoryElement(LetterType type) throws IOException {
        var draft = letters.draft(type, LettersFixtures.context(type));

        var text = pdfText(letters.pdf(draft));

        var normalized = LetterEngine.normalized(text);
        for (var element : draft.elements()) {
            for (var marker : textMarkers(element)) {
                assertThat(normalized).as("%s %s « %s » dans le PDF :\n%s", type, element.code(), marker, text)
                        .contains(LetterEngine.normalized(marker));
            }
        }
        assertThat(text).contains("Lyon, le 3 décembre 2026", "Objet", "Dr Claire Martin", "médecin généraliste");
    }

    @ParameterizedTest
    @EnumSource(LetterType.class)
    void theDocxHoldsTheSameElements(LetterType type) throws IOException {
        var draft = letters.draft(type, LettersFixtures.context(type));

        String text;
        try (var document = new XWPFDocument(new ByteArrayInputStream(letters.docx(draft)));
                var extractor = new XWPFWordExtractor(document)) {
            text = extractor.getText();
        }

        var normalized = LetterEngine.normalized(text);
        for (var element : draft.elements()) {
            for (var marker : textMarkers(element)) {
                assertThat(normalized).as("%s %s « %s » dans le DOCX", type, element.code(), marker)
                        .contains(LetterEngine.normalized(marker));
            }
        }
        assertThat(text.replaceAll("[ \\u00A0]+", " ")).contains("Lyon, le 3 décembre 2026", "Dr Claire Martin");
    }

    @Test
    void theNoticeCarriesTheDsaElementsOnThePdf() throws IOException {
        var draft = letters.draft(LetterType.SIGNALEMENT_PLATEFORME, LettersFixtures.context(LetterType.SIGNALEMENT_PLATEFORME));

        var text = pdfText(letters.pdf(draft));

        assertThat(text).contains("Google Ireland Limited", "Gordon House", "Barrow Street", "Dublin 4",
                "article 16 du règlement (UE) 2022/2065", "estime de bonne foi", "diffamation publique", "Jules P.",
                "« incompétente »", "lettre recommandée avec accusé de réception", "article L1110-4 du code de la santé publique");
        assertThat(text).contains("9f2c4be1d7a05e3c8b61f0a4d2e97c3b5a18f6e0c4d3b2a1908f7e6d5c4b3a29");
        assertThat(draft.confirmationRequired()).isFalse();
    }

    @Test
    void refusesTheInsurerLetterWithoutInsurerDetails() {
        var context = LettersFixtures.context(LetterType.DECLARATION_ASSUREUR, LegalQualification.DIFFAMATION, null, null);

        assertThatThrownBy(() -> letters.draft(LetterType.DECLARATION_ASSUREUR, context))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Renseignez l'assureur et le numéro de contrat du cabinet (réglages du cabinet) avant de générer la déclaration.");
    }

    @Test
    void refusesTheInsurerLetterWithAnInsurerButNoPolicyNumber() {
        var insurance = new LetterContext.Insurance("Mutuelle des Praticiens Assurances", " ", null, null, null);
        var context = LettersFixtures.context(LetterType.DECLARATION_ASSUREUR, LegalQualification.DIFFAMATION, insurance, null);

        assertThatThrownBy(() -> letters.draft(LetterType.DECLARATION_ASSUREUR, context))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("numéro de contrat");
    }

    @Test
    void namesEverythingMissingInOneMessage() {
        var context = LetterContext.builder().dossierReference("D-2026-014").letterDate(java.time.LocalDate.of(2026, 12, 3))
                .place("Lyon").sender(LettersFixtures.sender()).build();

        assertThatThrownBy(() -> letters.draft(LetterType.SIGNALEMENT_PLATEFORME, context))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("plateforme ou l'hébergeur destinataire")
                .hasMessageContaining("adresse URL exacte")
                .hasMessageContaining("qualification")
                .hasMessageContaining("au moins une preuve");
    }

    @Test
    void aNoticeOfLawfulContentCarriesTheWarningAndAsksForConfirmation() {
        var context = LettersFixtures.context(LetterType.SIGNALEMENT_PLATEFORME, LegalQualification.LICITE_PROBABLE,
                LettersFixtures.insurance(), null);

        var draft = letters.draft(LetterType.SIGNALEMENT_PLATEFORME, context);

        assertThat(draft.confirmationRequired()).isTrue();
        assertThat(draft.warnings()).extracting(LetterWarning::code).contains("SIGNALEMENT_CONTENU_LICITE");
        assertThat(draft.warnings().get(0).code()).isEqualTo("SIGNALEMENT_CONTENU_LICITE");
        assertThat(draft.warnings().get(0).message()).contains("un an d'emprisonnement et de 15 000 € d'amende", "6, I, 4",
                "à vérifier");
    }

    @Test
    void blocksFreeTextThatRevealsACareRelationship() {
        var context = LettersFixtures.context(LetterType.SIGNALEMENT_PLATEFORME, LegalQualification.DIFFAMATION,
                LettersFixtures.insurance(), "Ma patiente m'a écrit lors de sa consultation du 3 mars qu'elle publierait cet avis.");

        var draft = letters.draft(LetterType.SIGNALEMENT_PLATEFORME, context);

        assertThat(draft.blocked()).isTrue();
        assertThat(draft.findings()).allMatch(LetterFinding::secrecy);
        assertThat(draft.findings()).extracting(f -> f.finding().rule()).containsOnly(Rule.SECRET_MEDICAL);
        assertThat(draft.findings().stream().flatMap(f -> f.finding().spans().stream()).map(s -> s.text().toLowerCase()))
                .contains("ma patiente").anyMatch(text -> text.contains("consultation"));
        assertThat(draft.findings()).anyMatch(f -> "faits publics".equals(f.field()));
        assertThat(draft.blockedMessage()).contains("secret médical", "« Ma patiente »");
        assertThatThrownBy(() -> letters.pdf(draft)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("secret médical");
        assertThatThrownBy(() -> letters.docx(draft)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "Ma patiente m'a prévenue qu'elle publierait cet avis.",
            "Il a écrit cet avis lors de sa consultation du 3 mars.", "Je l'ai soignée pendant des années.",
            "L'auteur est un patient du cabinet.", "Cette personne est venue au cabinet en consultation.",
            "Je précise avoir reçu cette personne au cabinet à plusieurs reprises.", "Son dossier médical montre le contraire.",
            "Votre consultation s'est déroulée normalement.", "Il souffre de diabète depuis des années." })
    void blocksFreeTextRevealingCareOrHealth(String facts) {
        var context = LettersFixtures.context(LetterType.NOTE_AVOCAT, LegalQualification.DIFFAMATION, LettersFixtures.insurance(), facts);

        var draft = letters.draft(LetterType.NOTE_AVOCAT, context);

        assertThat(draft.blocked()).as(facts).isTrue();
        assertThat(draft.findings()).allMatch(LetterFinding::secrecy);
        assertThat(draft.missingElements()).extracting(MandatoryElement::code).containsExactly("J7");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "L'avis a été repris le 2 décembre 2026 sur un forum public.",
            "Le même pseudonyme a publié trois avis semblables sur d'autres praticiens du quartier.",
            "La fiche du cabinet a été créée par un tiers en 2019." })
    void letsPublicFactsThrough(String facts) {
        var context = LettersFixtures.context(LetterType.NOTE_AVOCAT, LegalQualification.DIFFAMATION, LettersFixtures.insurance(), facts);

        var draft = letters.draft(LetterType.NOTE_AVOCAT, context);

        assertThat(draft.blocked()).as(describe(draft)).isFalse();
        assertThat(draft.text()).contains(facts);
    }

    @Test
    void doesNotBlockOnTheHealthWordsOfTheQuotedPublicText() {
        // The quotation says « diagnostic »: the author's words, not the practitioner's.
        var draft = letters.draft(LetterType.NOTE_AVOCAT, LettersFixtures.context(LetterType.NOTE_AVOCAT));

        assertThat(draft.paragraphs()).anyMatch(p -> p.kind() == ParagraphKind.QUOTE && p.text().contains("diagnostic"));
        assertThat(draft.blocked()).isFalse();
    }

    @Test
    void aHealthWordOfTheQuotationIsExemptThereButBlockedInTheLettersOwnWording() {
        var full = LettersFixtures.context(LetterType.MISE_EN_DEMEURE_AUTEUR);
        var quote = new LetterContext.Content(LettersFixtures.URL, "Jules P.", "Elle n'a rien compris à ma sciatique, une incapable !",
                null, java.time.LocalDate.of(2026, 11, 5), java.time.LocalDate.of(2026, 11, 27));
        var context = new LetterContext(full.dossierReference(), full.letterDate(), full.place(), full.sender(), full.cabinetName(),
                full.recipient(), List.of(quote), full.evidence(), LegalQualification.INJURE, null, null, full.deadlines(), null,
                null, null, null, null, null, null, null);
        var draft = letters.draft(LetterType.MISE_EN_DEMEURE_AUTEUR, context);
        assertThat(draft.blocked()).as(describe(draft)).isFalse();
        var paragraphs = new ArrayList<>(draft.paragraphs());
        paragraphs.add(Paragraph.text("Cette sciatique n'a rien à voir avec moi."));

        var edited = letters.edit(draft, paragraphs);

        assertThat(edited.blocked()).isTrue();
        assertThat(edited.findings()).anyMatch(f -> f.paragraph() == paragraphs.size() - 1);
    }

    @Test
    void anEditedDraftIsCheckedAgain() {
        var draft = letters.draft(LetterType.MISE_EN_DEMEURE_AUTEUR, LettersFixtures.context(LetterType.MISE_EN_DEMEURE_AUTEUR));
        var paragraphs = new ArrayList<>(draft.paragraphs());
        paragraphs.removeIf(p -> p.text().contains("Sous toutes réserves"));
        paragraphs.add(Paragraph.text("Je précise avoir reçu cette personne au cabinet à plusieurs reprises."));

        var edited = letters.edit(draft, paragraphs);

        assertThat(edited.blocked()).isTrue();
        assertThat(edited.missingElements()).extracting(MandatoryElement::code).contains("B5");
        assertThat(edited.warnings()).extracting(LetterWarning::code).contains("ELEMENT_MANQUANT");
        assertThat(edited.confirmationRequired()).isTrue();
    }

    @Test
    void anEditedQuotationIsNoLongerExempt() {
        var draft = letters.draft(LetterType.MISE_EN_DEMEURE_AUTEUR, LettersFixtures.context(LetterType.MISE_EN_DEMEURE_AUTEUR));
        var paragraphs = draft.paragraphs().stream()
                .map(p -> p.kind() == ParagraphKind.QUOTE ? new Paragraph(ParagraphKind.QUOTE, "C'est ma patiente depuis dix ans.") : p)
                .toList();

        var edited = letters.edit(draft, paragraphs);

        assertThat(edited.blocked()).isTrue();
    }

    @Test
    void aCleanEditKeepsTheDraftExportable() throws IOException {
        var draft = letters.draft(LetterType.MISE_EN_DEMEURE_AUTEUR, LettersFixtures.context(LetterType.MISE_EN_DEMEURE_AUTEUR));
        var paragraphs = new ArrayList<>(draft.paragraphs());
        paragraphs.add(paragraphs.size() - 1, Paragraph.text("Je vous prie de considérer la présente comme une dernière démarche amiable."));

        var edited = letters.edit(draft, paragraphs);

        assertThat(edited.blocked()).as(describe(edited)).isFalse();
        assertThat(edited.missingElements()).isEmpty();
        assertThat(pdfText(letters.pdf(edited))).contains("dernière démarche amiable");
    }

    @Test
    void theOfferToTalkRefusesADemandOrAThreat() {
        var draft = letters.draft(LetterType.PROPOSITION_ECHANGE, LettersFixtures.context(LetterType.PROPOSITION_ECHANGE));
        var paragraphs = new ArrayList<>(draft.paragraphs());
        paragraphs.add(1, Paragraph.text("Je vous demande de retirer votre avis, faute de quoi mon avocat engagera une procédure."));

        var edited = letters.edit(draft, paragraphs);

        assertThat(edited.blocked()).isTrue();
        assertThat(edited.findings()).extracting(f -> f.finding().motif()).contains("pression");
        assertThat(edited.missingElements()).extracting(MandatoryElement::code).contains("I4");
        assertThat(edited.blockedMessage()).contains("reformuler");
    }

    @Test
    void theOfferToTalkNeverSpeaksOfCareNorOfRemoval() {
        var draft = letters.draft(LetterType.PROPOSITION_ECHANGE, LettersFixtures.context(LetterType.PROPOSITION_ECHANGE));

        var text = draft.text().toLowerCase();

        assertThat(text).doesNotContain("patient", "supprim", "retir", "avocat", "diffamation", "mise en demeure", "soins",
                "consultation");
        assertThat(draft.registeredMail()).isEqualTo("Personnel et confidentiel");
    }

    @Test
    void theInsurerLetterGoesToTheInsurerAndShowsTheUrgency() {
        var draft = letters.draft(LetterType.DECLARATION_ASSUREUR, LettersFixtures.context(LetterType.DECLARATION_ASSUREUR));

        assertThat(draft.recipient()).containsExactly("Mutuelle des Praticiens Assurances");
        assertThat(draft.text()).contains("4 février 2027", "5 jours ouvrés", "RCP-2026-004512", "27 novembre 2026", "5 novembre 2026");
    }

    @Test
    void theRightOfReplyWarnsWhereReadersCanReplyDirectly() {
        var draft = letters.draft(LetterType.DROIT_DE_REPONSE, LettersFixtures.context(LetterType.DROIT_DE_REPONSE));

        assertThat(draft.warnings()).extracting(LetterWarning::code).containsExactly("DROIT_DE_REPONSE_EXCLU_SI_REPONSE_DIRECTE");
    }

    @Test
    void accentsAndFrenchTypographyComeOutRightInThePdf() throws IOException {
        var draft = letters.draft(LetterType.OPPOSITION_RGPD, LettersFixtures.context(LetterType.OPPOSITION_RGPD));

        var text = pdfText(letters.pdf(draft));

        assertThat(text).contains("Opposition au traitement de mes données à caractère personnel", "cour d'appel de Chambéry",
                "Commission nationale de l'informatique et des libertés", "préjudice", "« Avis et notations en ligne");
        assertThat(text).doesNotContain("?»", "� ");
    }

    @Test
    void theDsaNoticeUsesAnA4Page() throws IOException {
        var pdf = letters.pdf(letters.draft(LetterType.SIGNALEMENT_PLATEFORME, LettersFixtures.context(LetterType.SIGNALEMENT_PLATEFORME)));

        try (var document = Loader.loadPDF(pdf)) {
            var box = document.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isBetween(594f, 596f);
            assertThat(box.getHeight()).isBetween(841f, 843f);
        }
    }

    private static List<String> textMarkers(MandatoryElement element) {
        return element.markers().stream().filter(m -> !m.startsWith("@")).toList();
    }

    /** The PDF's text, white space (line breaks and the non-breaking spaces of French typography included) as single spaces. */
    static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("[\\s\\u00A0\\u202F]+", " ");
        }
    }

    private static String describe(LetterDraft draft) {
        var out = new StringBuilder(draft.type() + "\n");
        draft.findings().forEach(f -> out.append("  finding ").append(f.paragraph()).append(' ').append(f.field()).append(' ')
                .append(f.finding().motif()).append(' ').append(f.finding().spans()).append(" in: ")
                .append(f.paragraph() >= 0 ? draft.paragraphs().get(f.paragraph()).text() : "").append('\n'));
        draft.missingElements().forEach(e -> out.append("  missing ").append(e.code()).append(' ').append(e.markers()).append('\n'));
        return out.toString();
    }

}
