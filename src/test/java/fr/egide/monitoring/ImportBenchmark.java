package fr.egide.monitoring;

import fr.egide.EgideApplication;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long importing 100,000 reviews from a CSV file takes, end to end: encoding check, parsing,
 * validation and date parsing of every line, COPY into staging, merge into mentions with their first
 * version and French full-text index, in one transaction. Each measured import goes into a new, empty
 * cabinet. Run with {@code bench/import.sh}; figures in docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class ImportBenchmark {

    static final int REVIEWS = 100_000;

    ConfigurableApplicationContext context;

    MentionImports imports;

    PracticeManagement practice;

    Path file;

    UUID cabinet;

    @Setup(Level.Trial)
    public void start() throws IOException {
        context = new SpringApplicationBuilder(EgideApplication.class).web(WebApplicationType.NONE)
            .properties("egide.db.embedded-ephemeral=true", "egide.db.embedded-database=benchmark",
                    "logging.level.root=warn")
            .run();
        imports = context.getBean(MentionImports.class);
        practice = context.getBean(PracticeManagement.class);
        TestAccounts.signIn(context, TestAccounts.create(context, "Dr Banc d'essai"));
        file = Files.createTempFile("egide-bench-", ".csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("source;external_id;url;author;rating;text;date\n");
            for (int i = 1; i <= REVIEWS; i++) {
                out.write("Source " + (i % 4) + ";bench-" + i + ";https://avis.example.org/" + i + ";Patient "
                        + (i % 997) + ";" + (1 + i % 5) + ";\"Avis " + i + " : accueil " + (i % 2 == 0 ? "chaleureux" : "froid")
                        + ", attente de " + (i % 60) + " minutes, médecin à l'écoute ; explications claires et "
                        + "cabinet propre, je recommande.\";il y a " + (1 + i % 11) + " mois\n");
            }
        }
    }

    @Setup(Level.Invocation)
    public void newCabinet() {
        cabinet = practice.createCabinet(new CabinetForm("Cabinet de banc d'essai " + UUID.randomUUID(), null, null, null))
            .id();
    }

    @Benchmark
    public ImportReport import100kReviews() {
        var report = imports.importFile(cabinet, "bench.csv", () -> {
            try {
                return Files.newInputStream(file);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, null);
        if (report.created() != REVIEWS) {
            throw new IllegalStateException("import incomplet : " + report);
        }
        return report;
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        context.close();
        Files.deleteIfExists(file);
    }

}
