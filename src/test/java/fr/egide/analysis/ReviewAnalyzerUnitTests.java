package fr.egide.analysis;

import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The analyser on the real cases from the issue, on tricky French, and on bad input. */
class ReviewAnalyzerUnitTests {

    static final ReviewAnalyzer analyzer = ReviewAnalyzer.standard();

    static Indicator only(Analysis analysis, IndicatorType type) {
        assertThat(analysis.indicators()).extracting(Indicator::type).contains(type);
        return analysis.indicators().stream().filter(i -> i.type() == type).findFirst().orElseThrow();
    }

    @Test
    void flagsTheFactualAllegationsOfTheDosageReviewAsDiffamation() {
        var text = "Ce médecin s'est trompé dans les dosages du médicament. Ce médecin s'est trompé dans le diagnostic "
                + "et n'a pas voulu prendre ma carte vitale…";
        var analysis = analyzer.analyze(AnalysisRequest.of(text, 1, "Google"));
        var diffamation = only(analysis, IndicatorType.DIFFAMATION);
        assertThat(diffamation.spans()).extracting(Span::text)
            .contains("s'est trompé dans les dosages", "s'est trompé dans le diagnostic",
                    "n'a pas voulu prendre ma carte vitale");
        assertThat(diffamation.spans()).allSatisfy(span -> assertThat(text.substring(span.start(), span.end())).isEqualTo(span.text()));
        assertThat(diffamation.legalBasis()).contains("29 juillet 1881");
        assertThat(diffamation.reason()).contains("fait précis");
        assertThat(analysis.qualification()).isEqualTo(Qualification.ILLICITE_PROBABLE);
        assertThat(analysis.strategy().kind()).isEqualTo(StrategyKind.OFFENSIVE);
        assertThat(analysis.strategy().deadlines()).extracting(Deadline::months).containsExactly(3);
    }

    @Test
    void practisingWithoutADiplomaIsDiffamation() {
        var analysis = analyzer.analyze("Dr. X exerce sans diplôme");
        assertThat(only(analysis, IndicatorType.DIFFAMATION).spans()).extracting(Span::text).containsExactly("sans diplôme");
    }

    @Test
    void calledAConIsInjure() {
        var analysis = analyzer.analyze("Le Dr. X est un con");
        var injure = only(analysis, IndicatorType.INJURE);
        assertThat(injure.spans()).extracting(Span::text).containsExactly("un con");
        assertThat(injure.confidence()).isGreaterThanOrEqualTo(0.7);
        assertThat(analysis.qualification()).isEqualTo(Qualification.ILLICITE_PROBABLE);
    }

    @Test
    void shabbyTreatmentRoomsAreDenigrement() {
        var analysis = analyzer.analyze("Des salles de soins minables dans cet établissement");
        assertThat(only(analysis, IndicatorType.DENIGREMENT).spans()).extracting(Span::text)
            .containsExactly("salles de soins minables");
        assertThat(analysis.qualification()).isEqualTo(Qualification.A_EXAMINER);
    }

    @Test
    void ordinaryHarshCriticismStaysLawful() {
        var analysis = analyzer.analyze(AnalysisRequest.of(
                "Elle n'était pas agréable, passait son temps au téléphone… Je déconseille fortement cette femme !!", 1, null));
        assertThat(analysis.indicators()).isEmpty();
        assertThat(analysis.qualification()).isEqualTo(Qualification.LICITE_PROBABLE);
        assertThat(analysis.sentiment().label()).isEqualTo(Polarity.NEGATIVE);
        assertThat(analysis.strategy().kind()).isEqualTo(StrategyKind.DEFENSIVE);
    }

    @Test
    void aNegatedInsultIsNotAnInsult() {
        var analysis = analyzer.analyze("Il n'est pas un charlatan, juste débordé.");
        assertThat(analysis.indicators()).extracting(Indicator::type).doesNotContain(IndicatorType.INJURE);
    }

    @Test
    void anInsultWrittenToDodgeFiltersIsStillFound() {
        assertThat(analyzer.analyze("Quel C O N N A R D ce docteur").indicators()).extracting(Indicator::type)
            .contains(IndicatorType.INJURE);
        assertThat(analyzer.analyze("ce medecin est un c0nnard").indicators()).extracting(Indicator::type)
            .contains(IndicatorType.INJURE);
        assertThat(analyzer.analyze("ce medecin est un connaaaard").indicators()).extracting(Indicator::type)
            .contains(IndicatorType.INJURE);
    }

    @Test
    void wordsAreMatchedWholeNeverInsideAnotherWord() {
        var analysis = analyzer.analyze("Consultation rapide, médecin consciencieux et bon conseil.");
        assertThat(analysis.indicators()).isEmpty();
        assertThat(analysis.sentiment().label()).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void announcingAComplaintToTheOrdreIsNotAThreat() {
        var analysis = analyzer.analyze("Je vais porter plainte et saisir l'Ordre des médecins, c'est inadmissible.");
        assertThat(analysis.indicators()).extracting(Indicator::type).doesNotContain(IndicatorType.MENACE);
    }

    @Test
    void aThreatIsAlwaysOffensive() {
        var analysis = analyzer.analyze("Je sais où il habite, il va le payer.");
        assertThat(only(analysis, IndicatorType.MENACE).confidence()).isGreaterThanOrEqualTo(0.9);
        assertThat(analysis.strategy().kind()).isEqualTo(StrategyKind.OFFENSIVE);
        assertThat(analysis.strategy().nextSteps()).anySatisfy(step -> assertThat(step).contains("forces de l'ordre"));
    }

    @Test
    void healthDetailsOfTheAuthorAreFlaggedForRepliesButStayLawful() {
        var analysis = analyzer.analyze(AnalysisRequest.of("Super pédiatre, mon fils asthmatique va beaucoup mieux !", 5, null));
        assertThat(only(analysis, IndicatorType.DONNEES_SANTE).spans()).extracting(Span::text).containsExactly("mon fils asthmatique");
        assertThat(analysis.qualification()).isEqualTo(Qualification.LICITE_PROBABLE);
        assertThat(analysis.sentiment().label()).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void fiveStarsWithAnInsultContradictEachOther() {
        var analysis = analyzer.analyze(AnalysisRequest.of("Ce dentiste est un vrai boucher.", 5, "Google"));
        assertThat(analysis.sentiment().contradiction()).isTrue();
        assertThat(analysis.sentiment().contradictionReason()).contains("5 étoiles");
    }

    @Test
    void oneStarWithPraiseContradictsToo() {
        var analysis = analyzer.analyze(AnalysisRequest.of("Médecin excellent, très à l'écoute, je recommande vivement !", 1, null));
        assertThat(analysis.sentiment().contradiction()).isTrue();
    }

    @Test
    void themesCarryTheirPolarity() {
        var analysis = analyzer.analyze("Secrétaire très désagréable au téléphone. Mais le médecin est excellent et à l'écoute.");
        assertThat(analysis.themes()).anySatisfy(theme -> {
            assertThat(theme.theme()).isEqualTo(Theme.ACCUEIL_SECRETARIAT);
            assertThat(theme.polarity()).isEqualTo(Polarity.NEGATIVE);
        });
        assertThat(analysis.themes()).anySatisfy(theme -> {
            assertThat(theme.theme()).isEqualTo(Theme.RELATIONNEL_ECOUTE);
            assertThat(theme.polarity()).isEqualTo(Polarity.POSITIVE);
        });
    }

    @Test
    void anotherLanguageIsReportedNotAnalysed() {
        var analysis = analyzer.analyze(AnalysisRequest.of("Great doctor, very patient with my kids, I recommend.", 5, null));
        assertThat(analysis.language()).isEqualTo("en");
        assertThat(analysis.indicators()).isEmpty();
        assertThat(analysis.notes()).anySatisfy(note -> assertThat(note).contains("français"));
        assertThat(analysis.sentiment().label()).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void deadlinesCountFromTheEarliestPublication() {
        var request = new AnalysisRequest("Ce médecin est un con.", 1, "Google", null, null, null,
                java.time.Instant.parse("2026-01-31T10:00:00Z"), 0, java.time.Instant.parse("2026-02-10T10:00:00Z"));
        var deadline = analyzer.analyze(request).strategy().deadlines().get(0);
        assertThat(deadline.type()).isEqualTo(IndicatorType.INJURE);
        assertThat(deadline.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 4, 29));
        assertThat(deadline.legalBasis()).contains("art. 65");
    }

    @Test
    void impactShowsItsFourCriteria() {
        var request = new AnalysisRequest("Ce médecin est un charlatan.", 1, "Google", null, "FIRST_PAGE", "JOURNALISTE", null, 3, null);
        var impact = analyzer.analyze(request).impact();
        assertThat(impact.factors()).extracting(ImpactFactor::criterion).containsExactly("POSITION", "AUDIENCE", "AUTEUR", "RISQUE");
        assertThat(impact.score()).isBetween(70, 100);
        var quiet = analyzer.analyze(AnalysisRequest.of("Très bon médecin.", 5, "petit blog")).impact();
        assertThat(quiet.score()).isLessThan(impact.score());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "🙂🙂🙂", "\u0000\u0001\u0002 ���", "!!!???...", "1234567890" })
    void oddInputGivesAResultNotACrash(String text) {
        var analysis = analyzer.analyze(text);
        assertThat(analysis.qualification()).isEqualTo(Qualification.LICITE_PROBABLE);
        assertThat(analysis.analyzerVersion()).isNotBlank();
    }

    @Test
    void aMegabyteOfTextIsCutAndSaysSo() {
        var text = "Le médecin est gentil mais l'attente est longue. ".repeat(21_000);
        assertThat(text.length()).isGreaterThan(1_000_000);
        var analysis = analyzer.analyze(text);
        assertThat(analysis.notes()).anySatisfy(note -> assertThat(note).contains("premiers caractères"));
    }

    @Test
    void randomBinaryJunkNeverCrashes() {
        var random = new Random(42);
        for (int i = 0; i < 200; i++) {
            var junk = random.ints(random.nextInt(400), 0, 0x3000)
                .mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining());
            assertThat(analyzer.analyze(junk)).isNotNull();
        }
    }

    @Test
    void theVersionChangesWithTheData() {
        assertThat(analyzer.version()).matches("\\d+\\.\\d+\\+[0-9a-f]{12}");
    }


    @Test
    void reassessingForANewContextGivesWhatAFullAnalysisGives() {
        var now = java.time.Instant.parse("2026-12-03T10:00:00Z");
        var published = java.time.Instant.parse("2026-11-20T09:00:00Z");
        String[] texts = { "Le Dr Martin est un con et un incapable. À éviter.",
                "Ce médecin exerce sans diplôme, tout le monde le sait dans le quartier.",
                "Très bonne expérience avec ce médecin, à l'écoute et rassurant.",
                "Attente interminable, plus d'une heure en salle d'attente malgré le rendez-vous.",
                "Je vais te retrouver à la sortie du cabinet, tu vas le regretter.",
                "Great doctor, very kind." };
        for (var text : texts) {
            var first = analyzer.analyze(new AnalysisRequest(text, 1, "Google", null, null, "Marie K.", published, 0, now));
            for (int similar : new int[] { 0, 2, 5, 9 }) {
                var request = new AnalysisRequest(text, 1, "Google", "GENERALISTE", "FIRST_PAGE", "PROFESSIONNEL_CONCURRENT", published,
                        similar, now);
                assertThat(analyzer.reassess(first, request)).as(text + " / " + similar)
                    .isEqualTo(analyzer.analyze(request));
            }
        }
    }

}
