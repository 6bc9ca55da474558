package fr.egide.analysis;

/** Words of the analysed text: {@code text} is exactly {@code original.substring(start, end)}. */
public record Span(int start, int end, String text) {
}
