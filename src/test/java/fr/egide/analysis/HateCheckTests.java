package fr.egide.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Non-regression on the French Multilingual HateCheck functional tests (../shared/data/hatecheck-fr, CC BY 4.0).
 * Égide is a review analyser, not a hate-speech classifier: what matters most is that texts which only look
 * hateful — negations, counter-speech quoting hate, neutral or positive statements about groups — are not
 * flagged as hate. A non-hateful case is "flagged" when it gets a HAINE or MENACE indicator; an INJURE
 * indicator on a plain insult ("Tu es une pourriture") is right for Égide even where HateCheck says
 * "not hateful". A hateful case is "caught" by any HAINE, INJURE or MENACE indicator.
 */
class HateCheckTests {

    static final Path CASES = Path.of("..", "shared", "data", "hatecheck-fr", "hatecheck_cases_final_french.csv");

    @Test
    void nonHatefulFunctionalitiesAreNotFlaggedAndTheCatchRateIsReported() throws IOException {
        assertThat(CASES).as("the HateCheck data set lies beside the project, in ../shared").exists();
        var analyzer = ReviewAnalyzer.standard();
        Map<String, int[]> byFunctionality = new TreeMap<>();
        int hateful = 0;
        int caught = 0;
        int nonHateful = 0;
        int flagged = 0;
        try (Reader reader = Files.newBufferedReader(CASES, StandardCharsets.UTF_8);
                var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (var record : parser) {
                var analysis = analyzer.analyze(record.get("test_case"));
                var types = analysis.indicators().stream().map(Indicator::type).toList();
                var counts = byFunctionality.computeIfAbsent(record.get("functionality"), key -> new int[2]);
                counts[1]++;
                if (record.get("label_gold").equals("hateful")) {
                    hateful++;
                    if (types.contains(IndicatorType.HAINE) || types.contains(IndicatorType.INJURE)
                            || types.contains(IndicatorType.MENACE)) {
                        caught++;
                        counts[0]++;
                    }
                }
                else {
                    nonHateful++;
                    if (types.contains(IndicatorType.HAINE) || types.contains(IndicatorType.MENACE)) {
                        flagged++;
                        counts[0]++;
                    }
                }
            }
        }
        System.out.println("HateCheck-fr, par fonctionnalité (cas signalés / cas) :");
        byFunctionality.forEach((name, counts) -> System.out.printf("  %-22s %4d / %4d%n", name, counts[0], counts[1]));
        var notFlagged = 1 - (double) flagged / nonHateful;
        System.out.printf("HateCheck-fr : cas haineux détectés %.1f %% (%d/%d) ; cas non haineux non signalés %.1f %% (%d/%d)%n",
                100.0 * caught / hateful, caught, hateful, 100 * notFlagged, nonHateful - flagged, nonHateful);
        assertThat(hateful).isGreaterThan(2000);
        assertThat(notFlagged).as("non-hateful cases not flagged as hate or threat").isGreaterThanOrEqualTo(0.90);
        byFunctionality.forEach((name, counts) -> {
            if (name.endsWith("_nh")) {
                assertThat(1 - (double) counts[0] / counts[1]).as(name).isGreaterThanOrEqualTo(0.85);
            }
        });
    }

}
