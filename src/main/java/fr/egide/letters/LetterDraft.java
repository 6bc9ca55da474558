package fr.egide.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A letter ready to be read, edited ({@link Letters#edit}) and exported ({@link Letters#pdf}, {@link Letters#docx}).
 *
 * <p>A draft whose wording reveals a care relationship or a health detail is {@linkplain #blocked() blocked}: it
 * carries the findings, with their words, so the user can fix them, and it cannot be exported.
 *
 * @param registeredMail « Lettre recommandée avec accusé de réception » (or the like) when the letter needs one, or null
 * @param sender the sender block (top left), one line each
 * @param recipient the recipient block (right), one line each
 * @param placeAndDate « Lyon, le 3 décembre 2026 »
 * @param signature the signature block, one line each
 * @param elements the letter type's mandatory elements and whether each is in the text
 * @param findings medical-secrecy problems; not empty means blocked
 * @param quotes the quotations generated from the public texts, left out of the secrecy check while unchanged
 */
public record LetterDraft(LetterType type, String title, String subject, String registeredMail, List<String> sender,
        List<String> recipient, String placeAndDate, List<Paragraph> paragraphs, List<String> signature,
        List<MandatoryElement> elements, List<LetterWarning> warnings, List<LetterFinding> findings, Set<String> quotes) {

    public LetterDraft {
        sender = List.copyOf(sender);
        recipient = List.copyOf(recipient);
        paragraphs = List.copyOf(paragraphs);
        signature = List.copyOf(signature);
        elements = List.copyOf(elements);
        warnings = List.copyOf(warnings);
        findings = List.copyOf(findings);
        quotes = Set.copyOf(quotes);
    }

    /** True when a medical-secrecy finding stops the export. */
    public boolean blocked() {
        return !findings.isEmpty();
    }

    /** The French message for a blocked draft, naming the words; null when not blocked. */
    public String blockedMessage() {
        if (!blocked()) {
            return null;
        }
        var words = findings.stream()
                .flatMap(f -> f.finding().spans().stream().map(span -> "« " + span.text() + " »"))
                .distinct().limit(8).collect(Collectors.joining(", "));
        if (findings.stream().allMatch(LetterFinding::secrecy)) {
            return "Ce courrier révèle une relation de soins ou une information de santé" + (words.isEmpty() ? "" : " (" + words + ")")
                    + " : le secret médical l'interdit (code de la santé publique, art. L1110-4 ; code pénal, art. 226-13)."
                    + " Reformulez ces passages avant d'exporter le courrier.";
        }
        return "Ce courrier contient des passages à reformuler" + (words.isEmpty() ? "" : " (" + words + ")") + " : "
                + findings.stream().map(f -> f.finding().message()).distinct().collect(Collectors.joining(" "));
    }

    /** True when a warning asks the user to confirm before sending (e.g. notifying probably lawful content). */
    public boolean confirmationRequired() {
        return warnings.stream().anyMatch(LetterWarning::confirmationRequired);
    }

    public List<MandatoryElement> missingElements() {
        return elements.stream().filter(element -> !element.present()).toList();
    }

    /** The whole letter as plain text, in reading order (what the PDF and the DOCX show). */
    public String text() {
        var lines = new ArrayList<String>();
        lines.addAll(sender);
        lines.add("");
        lines.addAll(recipient);
        lines.add("");
        lines.add(placeAndDate);
        if (registeredMail != null) {
            lines.add(registeredMail);
        }
        lines.add("Objet : " + subject);
        lines.add("");
        for (var paragraph : paragraphs) {
            lines.add(switch (paragraph.kind()) {
                case ITEM -> "– " + paragraph.text();
                case QUOTE -> "« " + paragraph.text() + " »";
                default -> paragraph.text();
            });
            lines.add("");
        }
        lines.addAll(signature);
        return String.join("\n", lines);
    }

}
