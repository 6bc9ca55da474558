package fr.egide.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A labelled set of reviews (JSON Lines: id, text, rating, indicators, qualification, sentiment) and the
 * analyser's scores on it: per-indicator precision and recall, the "possibly illicit" decision, false alarms on
 * lawful negative criticism, sentiment accuracy.
 */
final class LabelledSet {

    record Case(String id, String text, Integer rating, Set<IndicatorType> indicators, Qualification qualification,
            Polarity sentiment) {
    }

    /** Counts of one indicator: true positives, false positives, false negatives. */
    record Counts(int truePositives, int falsePositives, int falseNegatives) {

        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

    }

    record Scores(int size, Map<IndicatorType, Counts> perType, double precision, double recall, double f1,
            double falseAlarms, int lawfulNegative, int lawfulNegativeFlagged, double sentimentAccuracy,
            List<String> mistakes) {
    }

    private LabelledSet() {
    }

    static List<Case> load(String resource) throws IOException {
        var json = JsonMapper.builder().build();
        var cases = new ArrayList<Case>();
        try (InputStream in = LabelledSet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Jeu introuvable : " + resource);
            }
            for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                var node = json.readTree(line);
                var types = new HashSet<IndicatorType>();
                node.get("indicators").forEach(type -> types.add(IndicatorType.valueOf(type.asString())));
                var rating = node.has("rating") && !node.get("rating").isNull() ? node.get("rating").asInt() : null;
                cases.add(new Case(node.get("id").asString(), node.get("text").asString(), rating, types,
                        Qualification.valueOf(node.get("qualification").asString()),
                        Polarity.valueOf(node.get("sentiment").asString())));
            }
        }
        return cases;
    }

    static Scores evaluate(ReviewAnalyzer analyzer, List<Case> cases) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int lawfulNegative = 0;
        int lawfulNegativeFlagged = 0;
        int sentimentRight = 0;
        var perType = new EnumMap<IndicatorType, int[]>(IndicatorType.class);
        var mistakes = new ArrayList<String>();
        for (var c : cases) {
            var analysis = analyzer.analyze(AnalysisRequest.of(c.text(), c.rating(), null));
            var predicted = analysis.qualification() != Qualification.LICITE_PROBABLE;
            var gold = c.qualification() != Qualification.LICITE_PROBABLE;
            if (predicted && gold) {
                tp++;
            }
            else if (predicted) {
                fp++;
                mistakes.add("fausse alerte " + c.id() + " "
                        + analysis.indicators().stream().map(i -> i.type() + i.spans().toString()).toList() + " : " + c.text());
            }
            else if (gold) {
                fn++;
                mistakes.add("manqué " + c.id() + " " + c.indicators() + " : " + c.text());
            }
            if (c.qualification() == Qualification.LICITE_PROBABLE && c.sentiment() == Polarity.NEGATIVE) {
                lawfulNegative++;
                if (predicted) {
                    lawfulNegativeFlagged++;
                }
            }
            if (analysis.sentiment().label() == c.sentiment()) {
                sentimentRight++;
            }
            var found = analysis.indicators().stream().map(Indicator::type).toList();
            for (var type : IndicatorType.values()) {
                var counts = perType.computeIfAbsent(type, key -> new int[3]);
                var expected = c.indicators().contains(type);
                var got = found.contains(type);
                if (expected && got) {
                    counts[0]++;
                }
                else if (got) {
                    counts[1]++;
                }
                else if (expected) {
                    counts[2]++;
                }
            }
        }
        var counts = new EnumMap<IndicatorType, Counts>(IndicatorType.class);
        perType.forEach((type, c) -> counts.put(type, new Counts(c[0], c[1], c[2])));
        var precision = ratio(tp, tp + fp);
        var recall = ratio(tp, tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Scores(cases.size(), counts, precision, recall, f1, ratio(lawfulNegativeFlagged, lawfulNegative),
                lawfulNegative, lawfulNegativeFlagged, (double) sentimentRight / cases.size(), mistakes);
    }

    static void print(String title, Scores scores) {
        System.out.println(title + " : " + scores.size() + " textes");
        scores.perType().forEach((type, c) -> System.out.printf("  %-14s précision %.2f  rappel %.2f  (VP %d, FP %d, FN %d)%n",
                type, c.precision(), c.recall(), c.truePositives(), c.falsePositives(), c.falseNegatives()));
        System.out.printf("« Possiblement illicite » : précision %.2f, rappel %.2f, F1 %.2f%n", scores.precision(),
                scores.recall(), scores.f1());
        System.out.printf("Critiques négatives licites signalées à tort : %.1f %% (%d/%d)%n", 100 * scores.falseAlarms(),
                scores.lawfulNegativeFlagged(), scores.lawfulNegative());
        System.out.printf("Tonalité juste : %.1f %%%n", 100 * scores.sentimentAccuracy());
        scores.mistakes().forEach(mistake -> System.out.println("  " + mistake));
    }

    static double ratio(int a, int b) {
        return b == 0 ? 1 : (double) a / b;
    }

}
