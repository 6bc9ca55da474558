package fr.egide.analysis;

import java.util.List;

/** A theme the text talks about, whether it praises or criticises it, and the words about it. */
public record ThemeScore(Theme theme, Polarity polarity, List<Span> spans) {
}
