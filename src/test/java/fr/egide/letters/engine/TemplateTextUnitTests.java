package fr.egide.letters.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.egide.letters.LetterType;
import fr.egide.letters.ParagraphKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The letters' placeholders, the templates' format and the body's blocks. */
class TemplateTextUnitTests {

    @Test
    void fillsValuesSectionsListsAndInvertedSections() {
        var model = new HashMap<String, Object>();
        model.put("nom", "Dr Claire Martin");
        model.put("contenus", List.of(Map.of("url", "https://a.example"), Map.of("url", "https://b.example")));
        model.put("avocat", null);
        model.put("expediteur", Map.of("email", "c@example.org"));

        var text = TemplateText.parse("{{nom}} ; {{#contenus}}[{{url}}]{{/contenus}} ; {{#avocat}}avocat {{avocat}}{{/avocat}}"
                + "{{^avocat}}sans avocat{{/avocat}} ; {{#expediteur.email}}{{expediteur.email}}{{/expediteur.email}}").render(model);

        assertThat(text).isEqualTo("Dr Claire Martin ; [https://a.example][https://b.example] ; sans avocat ; c@example.org");
    }

    @Test
    void anUnknownNameIsAnErrorNotABlank() {
        var template = TemplateText.parse("{{expediteur.nomm}}");

        assertThatThrownBy(() -> template.render(Map.of("expediteur", Map.of("nom", "Martin"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expediteur.nomm");
    }

    @Test
    void refusesUnbalancedSections() {
        assertThatThrownBy(() -> TemplateText.parse("{{#a}}texte")).hasMessageContaining("jamais fermée");
        assertThatThrownBy(() -> TemplateText.parse("{{#a}}texte{{/b}}")).hasMessageContaining("ne ferme rien");
    }

    @Test
    void cutsTheBodyIntoHeadingsParagraphsItemsAndQuotations() {
        var blocks = LetterEngine.blocks("## Titre\n\nUn paragraphe\nsur deux lignes.\n\n- premier\n- second\n  suite\n\n> cité\n");

        assertThat(blocks).extracting(p -> p.kind() + ":" + p.text()).containsExactly("HEADING:Titre",
                "TEXT:Un paragraphe sur deux lignes.", "ITEM:premier", "ITEM:second suite", "QUOTE:cité");
    }

    @ParameterizedTest
    @EnumSource(LetterType.class)
    void everyTemplateParsesWithElementsAndLegalCitations(LetterType type) {
        var template = LetterTemplate.load(type.template());

        assertThat(template.elements).hasSizeGreaterThanOrEqualTo(5);
        assertThat(template.elements).extracting(LetterTemplate.Element::code).doesNotHaveDuplicates();
        var source = new String(readAll(type.template()), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(source).containsPattern("(?i)articles? [LR]?\\d");
        assertThat(LetterEngine.blocks(source.substring(source.indexOf("\n---\n") + 5))).extracting(p -> p.kind())
                .contains(ParagraphKind.TEXT);
    }

    private static byte[] readAll(String resource) {
        try (var in = TemplateTextUnitTests.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

}
