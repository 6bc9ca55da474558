package fr.egide.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reviews analysed per second on one thread, for texts of about 300 characters mixing praise, ordinary
 * criticism and illicit-risk content. Target: at least 20,000 per second. Run with {@code bench/analyze.sh};
 * figures in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@Fork(1)
public class AnalyzerBenchmark {

    static final String[] OPENINGS = { "Très bonne expérience avec ce médecin, à l'écoute et rassurant. ",
            "Attente interminable, plus d'une heure en salle d'attente malgré le rendez-vous. ",
            "Le Dr Martin est un vrai boucher, il s'est trompé dans le diagnostic de mon fils. ",
            "Secrétaire désagréable au téléphone, impossible d'avoir un créneau avant trois semaines. ",
            "Dentiste compétente et douce, les soins sont expliqués clairement, je recommande. ",
            "Des salles de soins minables et une hygiène douteuse, je ne reviendrai plus jamais. " };

    static final String[] ENDINGS = { "Les tarifs sont corrects et le tiers payant est appliqué sans souci. ",
            "Dépassements d'honoraires excessifs pour une consultation de dix minutes à peine. ",
            "Je suis diabétique depuis dix ans et le suivi de mes résultats est sérieux. ",
            "Parking difficile mais cabinet accessible en tram, locaux propres et modernes. ",
            "Il ne m'a même pas examinée et m'a prescrit des antibiotiques sans explication. ",
            "Merci à toute l'équipe pour sa gentillesse et sa disponibilité pendant ma grossesse. " };

    List<AnalysisRequest> reviews;

    ReviewAnalyzer analyzer;

    int next;

    @Setup
    public void prepare() {
        analyzer = ReviewAnalyzer.standard();
        reviews = new ArrayList<>();
        for (int i = 0; i < OPENINGS.length; i++) {
            for (int j = 0; j < ENDINGS.length; j++) {
                var text = OPENINGS[i] + ENDINGS[j] + OPENINGS[(i + j + 1) % OPENINGS.length]
                        + ENDINGS[(i + 2 * j + 1) % ENDINGS.length];
                reviews.add(AnalysisRequest.of(text.substring(0, Math.min(300, text.length())), 1 + (i + j) % 5, "Google"));
            }
        }
    }

    @Benchmark
    public Analysis analyzeOneReview() {
        next = (next + 1) % reviews.size();
        return analyzer.analyze(reviews.get(next));
    }

}
