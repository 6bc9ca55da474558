package fr.egide.letters;

/** One block of a letter's body. */
public record Paragraph(ParagraphKind kind, String text) {

    public Paragraph {
        if (kind == null || text == null) {
            throw new IllegalArgumentException("Un paragraphe a un genre et un texte.");
        }
    }

    public static Paragraph text(String text) {
        return new Paragraph(ParagraphKind.TEXT, text);
    }

}
