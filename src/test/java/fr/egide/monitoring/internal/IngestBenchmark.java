package fr.egide.monitoring.internal;

import fr.egide.EgideApplication;
import fr.egide.monitoring.MentionImports;
import fr.egide.monitoring.connectors.FetchedItem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark command (not a test): reviews ingested per second, analysis included. Generates fictional French
 * reviews (praise, ordinary criticism, some insults, allegations and health details; ratings; relative and absolute
 * dates; four sources; 100 cabinets) and ingests them through the import engine in pages, as connector scans do
 * ({@code connecteur}, the default) or as files through {@link MentionImports} ({@code fichier}). The application
 * analyses them as in production: the {@code MentionsImported} event through the event publication registry, the
 * analysis jobs, the analyses, labels and flags. The time runs from the first page until every mention has its
 * analysis committed and no event publication is left incomplete. Run with
 * {@code bench/ingest.sh [count] [page] [connecteur|fichier]} ({@code JAVA_OPTS=-Ddurable=true} for a server with the
 * application's durability settings); figures in docs/BENCHMARKS.md.
 */
public final class IngestBenchmark {

    static final String[] SOURCES = { "Google", "Pages Jaunes", "Forum Santé Lyon", "Avis Patients" };

    static final String[] PRAISE = { "Très bonne expérience avec ce médecin, à l'écoute et rassurant.",
            "Dentiste compétente et douce, les soins sont expliqués clairement, je recommande.",
            "Accueil chaleureux, secrétaire aimable et ponctuelle, rien à redire.",
            "Le docteur prend le temps d'expliquer et de répondre à toutes nos questions.",
            "Merci à toute l'équipe pour sa gentillesse et sa disponibilité.",
            "Cabinet propre et moderne, rendez-vous obtenu rapidement en ligne.",
            "Praticien sérieux et attentif, je viens depuis des années avec mes enfants.",
            "Excellent suivi, des conseils clairs et un vrai professionnalisme.",
            "Kiné formidable, mon dos va beaucoup mieux après six séances.",
            "Très humaine, elle a su rassurer ma fille qui avait peur des piqûres." };

    static final String[] CRITICISM = { "Attente interminable, plus d'une heure en salle d'attente malgré le rendez-vous.",
            "Secrétaire désagréable au téléphone, impossible d'avoir un créneau avant trois semaines.",
            "Dépassements d'honoraires excessifs pour une consultation de dix minutes à peine.",
            "Consultation expédiée, je suis reparti sans vraiment comprendre le traitement.",
            "Parking difficile et salle d'attente bondée, peu d'intimité à l'accueil.",
            "Rendez-vous annulé la veille sans explication, c'est la deuxième fois.",
            "Pas très aimable ce jour-là, j'ai eu l'impression de déranger." };

    static final String[] INSULTS = { "Le Dr Martin est un con et un incapable.",
            "Quelle conne cette secrétaire, une vraie idiote.", "Ce charlatan devrait être radié, quel abruti.",
            "Un boucher, un vrai connard qui se moque des patients." };

    static final String[] ALLEGATIONS = { "Il s'est trompé dans le diagnostic de mon fils et a refusé de l'admettre.",
            "Ce médecin exerce sans diplôme, tout le monde le sait dans le quartier.",
            "Il ne m'a même pas examinée et m'a prescrit des antibiotiques sans explication.",
            "Elle fait payer des actes qu'elle ne réalise pas, c'est de l'escroquerie.",
            "Il s'est trompé dans les dosages du médicament, ma mère a été hospitalisée." };

    static final String[] HEALTH = { "Je suis diabétique depuis dix ans et le suivi de mes résultats est sérieux.",
            "Suivie pour une dépression, j'ai trouvé une vraie écoute.",
            "Ma grossesse s'est bien passée grâce à son suivi.",
            "Après ma chimiothérapie il a su adapter le traitement de mes douleurs.",
            "Mon fils autiste a été reçu avec beaucoup de patience." };

    static final String[] ENDINGS = { "", " Je recommande.", " Je ne reviendrai pas.", " À éviter.",
            " Merci encore.", " Bonne continuation à l'équipe.", " Bref, décevant." };

    static final String[] RELATIVE = { "il y a 2 jours", "il y a une semaine", "il y a 3 semaines", "il y a un mois",
            "il y a 5 mois", "il y a 11 mois", "hier", "il y a un an" };

    static final String[] FIRST_NAMES = { "Marie", "Jean", "Sophie", "Luc", "Nadia", "Karim", "Élodie", "Paul",
            "Chloé", "Hugo", "Inès", "Yann" };

    public static void main(String[] args) throws Exception {
        var count = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        var page = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        var mode = args.length > 2 ? args[2] : "connecteur";
        var cabinets = Integer.getInteger("cabinets", 100);
        // -Ddurable=true: a server as the application runs it (fsync, synchronous commits, full-page writes) in a
        // fresh temporary directory, deleted at the end; by default the tests' throw-away server, without them.
        var durable = Boolean.getBoolean("durable");
        var dataDir = durable ? java.nio.file.Files.createTempDirectory("egide-bench-pg") : null;
        var options = new ArrayList<>(List.of("--egide.db.embedded-database=benchmark_ingest",
                "--logging.level.root=warn", "--logging.level.fr.egide=warn", "--egide.jobs.enabled=false",
                "--egide.evidence.automatic=false", "--egide.replies.spelling=false"));
        options.add(durable ? "--egide.db.embedded-data-dir=" + dataDir : "--egide.db.embedded-ephemeral=true");
        System.out.println(durable ? "PostgreSQL durable (fsync, validations synchrones) dans " + dataDir
                : "PostgreSQL jetable des tests (sans fsync ni validations synchrones)");
        var context = new SpringApplicationBuilder(EgideApplication.class).web(WebApplicationType.NONE)
            .run(options.toArray(String[]::new));
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var engine = context.getBean(ImportEngine.class);
            var imports = context.getBean(MentionImports.class);
            var cabinetIds = new ArrayList<UUID>();
            for (int c = 0; c < cabinets; c++) {
                var id = UUID.randomUUID();
                jdbc.sql("insert into practice_cabinet (id, name) values (?, ?)").params(id, "Cabinet de banc d'essai " + c)
                    .update();
                cabinetIds.add(id);
            }
            var random = new SplittableRandom(20261203);
            var warmCabinets = new ArrayList<UUID>();
            var now = Instant.now();
            System.out.printf("Ingestion de %,d avis par pages de %,d (%s), %d cabinets, %s%n", count, page, mode,
                    cabinets, now);
            // Optional warm-up (-Dwarmup=N): N reviews into ten other cabinets, analysed, before the clock starts, so
            // that the JIT compilers' work (a third of Java's CPU in a cold 100,000 run) is not in the measurement.
            var warmup = Integer.getInteger("warmup", 0);
            if (warmup > 0) {
                var warmRandom = new SplittableRandom(1);
                for (int from = 0, n = 0; from < warmup; from += page, n++) {
                    var cabinet = UUID.randomUUID();
                    if (n < 10) {
                        jdbc.sql("insert into practice_cabinet (id, name) values (?, ?)")
                            .params(cabinet, "Cabinet de mise en train " + n).update();
                        warmCabinets.add(cabinet);
                    }
                    var items = new ArrayList<FetchedItem>();
                    for (int i = 0; i < Math.min(page, warmup - from); i++) {
                        items.add(review(warmRandom, from + i, now));
                    }
                    engine.ingest(warmCabinets.get(n % warmCabinets.size()), SOURCES[n % SOURCES.length], "mise en train", items,
                            importId -> { });
                }
                while (count(jdbc, "select count(*) from event_publication where completion_date is null") > 0
                        || count(jdbc, "select count(*) from analysis_mention") < warmup) {
                    Thread.sleep(100);
                }
                System.out.printf("Mise en train : %,d avis ingérés et analysés avant la mesure%n", warmup);
            }
            var statistics = Boolean.getBoolean("egide.db.statement-statistics");
            if (statistics) {
                jdbc.sql("create extension if not exists pg_stat_statements").update();
                jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
            }
            var javaCpu0 = javaCpuSeconds();
            var postgresCpu0 = postgresCpuSeconds();
            var start = System.nanoTime();
            long generating = 0;
            for (int from = 0, n = 0; from < count; from += page, n++) {
                var size = Math.min(page, count - from);
                var cabinet = cabinetIds.get(n % cabinets);
                var source = SOURCES[n % SOURCES.length];
                var g0 = System.nanoTime();
                var items = new ArrayList<FetchedItem>(size);
                for (int i = 0; i < size; i++) {
                    items.add(review(random, from + i, now));
                }
                generating += System.nanoTime() - g0;
                if (mode.equals("fichier")) {
                    var csv = csv(items);
                    var report = imports.importFileAsSystem(cabinet, "banc-" + n + ".csv",
                            () -> new ByteArrayInputStream(csv), source);
                    if (report.created() != size) {
                        throw new IllegalStateException("import incomplet : " + report);
                    }
                }
                else {
                    var counts = engine.ingest(cabinet, source, "banc d'essai (page " + (n + 1) + ")", items, importId -> {
                    });
                    if (counts.created() != size) {
                        throw new IllegalStateException("page incomplète : " + counts);
                    }
                }
                if ((n + 1) % Math.max(1, 100_000 / page) == 0) {
                    progress(jdbc, from + size, start);
                }
            }
            var ingested = System.nanoTime() - start;
            System.out.printf("… %,d avis enregistrés en %.1f s (%,.0f par seconde, dont %.1f s de génération)%n", count,
                    ingested / 1e9, count / (ingested / 1e9), generating / 1e9);
            long analysed = 0;
            long ticks = 0;
            // The cheap check first: counting the analyses costs PostgreSQL a scan, which the measurement would include.
            while (count(jdbc, "select count(*) from event_publication where completion_date is null") > 0
                    || (analysed = count(jdbc, "select count(*) from analysis_mention") - warmup) < count) {
                Thread.sleep(100);
                if (++ticks % 50 == 0) {
                    progress(jdbc, count, start);
                }
            }
            var elapsed = System.nanoTime() - start;
            System.out.printf("%,d avis ingérés et analysés en %.1f s : %,.0f avis par seconde (génération comprise : "
                    + "%.1f s)%n", count, elapsed / 1e9, count / (elapsed / 1e9), generating / 1e9);
            System.out.printf("Temps processeur pendant la mesure : Java %.1f s, PostgreSQL %.1f s (%.2f ms par avis au "
                    + "total)%n", javaCpuSeconds() - javaCpu0, postgresCpuSeconds() - postgresCpu0,
                    (javaCpuSeconds() - javaCpu0 + postgresCpuSeconds() - postgresCpu0) * 1000 / count);
            if (statistics) {
                jdbc.sql("""
                        select calls, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
                        from pg_stat_statements order by total_exec_time desc limit 30
                        """)
                    .query((rs, row) -> String.format("  %,9d appels %,10.0f ms %,10d lignes  %s", rs.getLong(1),
                            rs.getDouble(2), rs.getLong(3), left(rs.getString(4), 150)))
                    .list()
                    .forEach(System.out::println);
            }
            if (warmup > 0) {
                System.out.printf("(Les comptes ci-dessous comprennent les %,d avis de mise en train.)%n", warmup);
            }
            System.out.printf("Vérification : %,d mentions, %,d versions, %,d analyses, %,d mentions étiquetées, "
                    + "%,d signalées (publications d'événements : %,d, %,d non terminées)%n",
                    count(jdbc, "select count(*) from monitoring_mention"),
                    count(jdbc, "select count(*) from monitoring_mention_version"), analysed + warmup,
                    count(jdbc, "select count(distinct mention_id) from monitoring_mention_label"),
                    count(jdbc, "select count(*) from analysis_mention where qualification <> 'LICITE_PROBABLE' or impact >= 60"),
                    count(jdbc, "select count(*) from event_publication"),
                    count(jdbc, "select count(*) from event_publication where completion_date is null"));
            jdbc.sql("select event_type, count(*) as n from event_publication group by 1 order by 2 desc")
                .query((rs, row) -> rs.getString(1).replaceAll(".*\\.", "") + " " + rs.getLong(2))
                .list()
                .forEach(line -> System.out.println("  publications " + line));
            System.out.printf("  alertes : %,d (dont %,d menaces)%n", count(jdbc, "select count(*) from alerts_alert"),
                    count(jdbc, "select count(*) from alerts_alert where trigger = 'MENACE'"));
            jdbc.sql("select avg(length(result)), avg(pg_column_size(t.*)), pg_total_relation_size('analysis_mention') from analysis_mention t")
                .query((rs, row) -> String.format("  analyses stockées : %.0f caractères de JSON, %.0f octets par ligne, table et index %,d Mo",
                        rs.getDouble(1), rs.getDouble(2), rs.getLong(3) / (1024 * 1024)))
                .list()
                .forEach(System.out::println);
            jdbc.sql("select qualification, count(*) as n from analysis_mention group by 1 order by 2 desc")
                .query((rs, row) -> rs.getString(1) + " " + rs.getLong(2))
                .list()
                .forEach(line -> System.out.println("  " + line));
        }
        finally {
            context.close();
            if (dataDir != null) {
                try (var paths = java.nio.file.Files.walk(dataDir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    private static String left(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "…";
    }

    private static double javaCpuSeconds() {
        var bean = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /**
     * CPU time of every PostgreSQL process of this machine (user + system, and the children it has reaped), from
     * /proc: run the benchmark with no other PostgreSQL busy.
     */
    private static double postgresCpuSeconds() {
        double ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var dir : (Iterable<java.nio.file.Path>) processes::iterator) {
                if (!dir.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    var stat = java.nio.file.Files.readString(dir.resolve("stat"));
                    var name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (!name.startsWith("postgres")) {
                        continue;
                    }
                    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // fields[11..14] = utime, stime, cutime, cstime (proc(5), counted from the state field)
                    for (int i = 11; i <= 14; i++) {
                        ticks += Long.parseLong(fields[i]);
                    }
                }
                catch (java.io.IOException | RuntimeException ex) {
                    // the process ended meanwhile
                }
            }
        }
        catch (java.io.IOException ex) {
            return Double.NaN;
        }
        return ticks / 100.0;
    }

    private static void progress(JdbcClient jdbc, long stored, long start) {
        // Not a count of the analyses: on a million rows it would cost PostgreSQL seconds inside the measurement.
        System.out.printf("… %.0f s : %,d enregistrés, %,d publications d'événements en cours%n",
                (System.nanoTime() - start) / 1e9, stored,
                count(jdbc, "select count(*) from event_publication where completion_date is null"));
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** One fictional review: mostly praise and ordinary criticism, about one in six with illicit-risk content. */
    static FetchedItem review(SplittableRandom random, int n, Instant now) {
        var text = new StringBuilder(320);
        int kind = random.nextInt(100);
        int rating;
        if (kind < 55) {
            rating = 4 + random.nextInt(2);
            text.append(pick(random, PRAISE)).append(' ').append(pick(random, PRAISE));
            if (random.nextInt(5) == 0) {
                text.append(' ').append(pick(random, HEALTH));
            }
        }
        else if (kind < 83) {
            rating = 1 + random.nextInt(3);
            text.append(pick(random, CRITICISM)).append(' ').append(pick(random, CRITICISM));
        }
        else if (kind < 89) {
            rating = 1;
            text.append(pick(random, CRITICISM)).append(' ').append(pick(random, INSULTS));
        }
        else if (kind < 95) {
            rating = 1 + random.nextInt(2);
            text.append(pick(random, ALLEGATIONS)).append(' ').append(pick(random, CRITICISM));
        }
        else {
            rating = 3 + random.nextInt(3);
            text.append(pick(random, HEALTH)).append(' ').append(pick(random, PRAISE));
        }
        text.append(pick(random, ENDINGS)).append(" (avis n° ").append(n).append(')');
        var author = random.nextInt(10) == 0 ? null
                : pick(random, FIRST_NAMES) + " " + (char) ('A' + random.nextInt(26)) + ".";
        String raw = null;
        Instant at = null;
        if (random.nextBoolean()) {
            raw = pick(random, RELATIVE);
        }
        else {
            at = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(random.nextInt(700)).atTime(9 + random.nextInt(10), 0)
                .toInstant(ZoneOffset.UTC);
        }
        var id = "banc-" + n;
        var payload = "{\"reviewId\":\"" + id + "\",\"starRating\":" + rating + ",\"comment\":\"" + text.length()
                + " caractères\"}";
        return new FetchedItem(id, "https://avis.example.org/" + n, author, random.nextInt(20) == 0 ? null : rating,
                text.toString(), null, "fr", raw, at, null, Map.of(), payload);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** The same reviews as a CSV export: source;external_id;url;author;rating;text;date. */
    static byte[] csv(List<FetchedItem> items) {
        var out = new StringBuilder(items.size() * 320);
        out.append("external_id;url;author;rating;text;date\n");
        for (var item : items) {
            out.append(item.externalId()).append(';').append(item.url()).append(';')
                .append(item.author() == null ? "" : item.author()).append(';')
                .append(item.rating() == null ? "" : item.rating()).append(";\"")
                .append(item.text().replace("\"", "\"\"")).append("\";")
                .append(item.publishedAt() != null ? item.publishedAt().toString() : item.publishedRaw()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

}
