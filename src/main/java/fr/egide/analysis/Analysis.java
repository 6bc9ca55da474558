package fr.egide.analysis;

import java.util.List;

/**
 * Everything the analyser says about one text. It shows indicators with their words, reasons and legal
 * basis; the user decides.
 *
 * @param language "fr", "en" or "other"; only French is analysed for legal risks
 * @param indicators signals of confidence 0.5 or more, strongest first
 * @param analyzerVersion changes whenever the rules or lexicons change, so stored analyses can be redone
 * @param notes what the user should know about the analysis itself (text cut, language not analysed…)
 */
public record Analysis(String language, Sentiment sentiment, List<ThemeScore> themes, List<Indicator> indicators,
        Qualification qualification, Impact impact, Strategy strategy, String analyzerVersion, List<String> notes) {
}
