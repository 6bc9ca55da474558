package fr.egide.letters;

/** How a paragraph of a letter is shown. */
public enum ParagraphKind {
    /** A section title. */
    HEADING,
    /** Ordinary text. */
    TEXT,
    /** An item of a list. */
    ITEM,
    /** The author's public words, verbatim: not linted while unchanged (they are not the practitioner's words). */
    QUOTE
}
