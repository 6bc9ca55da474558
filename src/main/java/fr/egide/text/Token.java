package fr.egide.text;

/**
 * A word of the original text with its normalised form, used for matching, and its position in the original
 * text, used to show the user exactly which words triggered an indicator.
 *
 * @param norm lower case, accents removed, elisions split ("l'", "qu'"), repeated letters squeezed, SMS and
 * leet spellings mapped ("tjs" → "toujours", "c0nnard" → "connard")
 * @param start offset of the first char in the original text
 * @param end offset after the last char in the original text
 * @param breakBefore a clause boundary (punctuation, "mais") lies between this token and the previous one
 * @param quoted the token lies inside quotation marks
 */
public record Token(String norm, int start, int end, boolean breakBefore, boolean quoted) {
}
