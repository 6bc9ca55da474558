package fr.egide.compliance;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.engine.LanguageToolSpelling;
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
 * Time to lint one reply, as a distribution (JMH sample time gives the median, p0.50). Targets: under 1 ms
 * median without LanguageTool, under 100 ms median with it after warm-up. Run with {@code bench/lint.sh};
 * figures in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@Fork(1)
public class ReplyLinterBenchmark {

    static final List<String[]> PAIRS = List.of(
            new String[] { ReplyLinterUnitTests.GOOD_SEED, "Attente interminable et secrétaire désagréable." },
            new String[] { ReplyLinterUnitTests.BAD_SEED, "Médecin odieux, je ne reviendrai pas." },
            new String[] { "Bonjour, Merci pour votre message. Nous avons renforcé l'accueil téléphonique et ajouté une plage de rappel "
                    + "chaque matin. Je vous invite à contacter le secrétariat du cabinet si vous souhaitez en parler. Bien cordialement,",
                    "Impossible de joindre le cabinet par téléphone, trois jours d'essais." },
            new String[] { "Madame, Lors de votre consultation du 12 mars, le Doliprane prescrit était adapté à votre fils. "
                    + "N'hésitez pas à nous laisser 5 étoiles !!! Cordialement,", "Mon fils asthmatique a été mal soigné." },
            new String[] { "Bonjour, Je vous remerci pour votre commentaire. Nous avons renforcé l'acceuil du cabinet. Le secrétariat "
                    + "reste joignable par téléphone pour en parler. Bien à vous,", null });

    ReplyLinter plain;

    ReplyLinter spelled;

    int next;

    @Setup
    public void prepare() {
        plain = ReplyLinter.standard(ReviewAnalyzer.standard());
        spelled = plain.withSpelling(new LanguageToolSpelling(List.of()));
    }

    @Benchmark
    public LintResult withoutLanguageTool() {
        next = (next + 1) % PAIRS.size();
        return plain.lint(PAIRS.get(next)[0], PAIRS.get(next)[1]);
    }

    @Benchmark
    public LintResult withLanguageTool() {
        next = (next + 1) % PAIRS.size();
        return spelled.lint(PAIRS.get(next)[0], PAIRS.get(next)[1]);
    }

}
