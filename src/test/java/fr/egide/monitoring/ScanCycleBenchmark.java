package fr.egide.monitoring;

import com.sun.net.httpserver.HttpServer;
import fr.egide.EgideApplication;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark command (not a test): the scheduler and ingestion overhead of one cycle over many sources. N feed
 * sources (10,000 by default) are made due at once; the application's own jobs (due-source lease, one scan job per
 * source, fetch from a local fake feed, ingestion of its entries, scan record, next run) run until every source has
 * been scanned. Reports the wall time per source. Target: under 10 ms per source. Run with
 * {@code bench/scan.sh [sources]}; figures in docs/BENCHMARKS.md.
 */
public final class ScanCycleBenchmark {

    public static void main(String[] args) throws Exception {
        var sources = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        var feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><id>tag:exemple,2026:banc</id><title>Banc d'essai</title>
                <updated>2026-03-02T10:00:00Z</updated>
                <entry><id>tag:exemple,2026:1</id><title>Le Dr Claire Martin au salon</title>
                <link href="https://journal-exemple.fr/1"/><updated>2026-03-01T08:00:00Z</updated>
                <content>Le Dr Claire Martin présente la maison de santé.</content></entry></feed>
                """.getBytes(StandardCharsets.UTF_8);
        var site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        // Its threads are not daemons: the pool is shut down at the end, or the command would never exit.
        var siteThreads = java.util.concurrent.Executors.newFixedThreadPool(4);
        site.setExecutor(siteThreads);
        site.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/atom+xml");
            exchange.sendResponseHeaders(200, feed.length);
            exchange.getResponseBody().write(feed);
            exchange.close();
        });
        site.start();
        var context = new SpringApplicationBuilder(EgideApplication.class).web(WebApplicationType.NONE)
            .run("--egide.db.embedded-ephemeral=true", "--egide.db.embedded-database=benchmark_scans",
                    "--logging.level.root=warn", "--logging.level.fr.egide=warn", "--egide.jobs.enabled=true", "--egide.jobs.threads=" + System.getProperty("threads", "8"),
                    "--egide.jobs.polling=1s", "--egide.monitoring.due-poll=1s", "--egide.evidence.automatic=false",
                    // Every fake source is on the loopback host: the per-host pace would measure the pace, not the overhead.
                    "--egide.monitoring.politeness.min-interval=0s", "--egide.monitoring.politeness.max-concurrent=64");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var cabinet = UUID.randomUUID();
            jdbc.sql("""
                    insert into practice_cabinet (id, name) values (?, 'Cabinet de banc d''essai')
                    """).param(cabinet).update();
            var base = "http://127.0.0.1:" + site.getAddress().getPort() + "/flux/";
            jdbc.sql("""
                    insert into monitoring_source (id, cabinet_id, kind, name, settings, next_run_at)
                    select gen_random_uuid(), ?, 'FLUX', 'Flux ' || i, jsonb_build_object('url', ? || i), null
                    from generate_series(1, ?) i
                    """).params(cabinet, base, sources).update();
            // Cycle 1: every feed's entry is new (stored, analysed). Cycle 2: the steady state, nothing new.
            for (int cycle = 1; cycle <= 2; cycle++) {
                var start = Instant.now();
                jdbc.sql("update monitoring_source set next_run_at = now() where cabinet_id = ?").param(cabinet).update();
                long done = 0;
                long ticks = 0;
                while (done < sources) {
                    Thread.sleep(250);
                    done = jdbc.sql("select count(*) from monitoring_source where cabinet_id = ? and last_success_at >= ?")
                        .params(cabinet, java.sql.Timestamp.from(start)).query(Long.class).single();
                    if (++ticks % 40 == 0) {
                        System.out.printf("… cycle %d: %d / %d after %d s%n", cycle, done, sources,
                                Duration.between(start, Instant.now()).toSeconds());
                    }
                    var failed = jdbc.sql("select count(*) from monitoring_source where cabinet_id = ? and consecutive_failures > 0")
                        .param(cabinet).query(Long.class).single();
                    if (failed > 0) {
                        throw new IllegalStateException(failed + " relevés en échec : " + jdbc.sql(
                                "select last_error from monitoring_source where cabinet_id = ? and last_error is not null limit 1")
                            .param(cabinet).query(String.class).single());
                    }
                }
                var elapsed = Duration.between(start, Instant.now());
                var mentions = jdbc.sql("select count(*) from monitoring_mention where cabinet_id = ?").param(cabinet).query(Long.class).single();
                System.out.printf("cycle %d (%s): %d sources scanned in %.1f s: %.2f ms per source (%d mentions stored), %s%n", cycle,
                        cycle == 1 ? "new items" : "nothing new", sources, elapsed.toMillis() / 1000.0,
                        elapsed.toMillis() / (double) sources, mentions, Instant.now());
            }
        }
        finally {
            context.close();
            site.stop(0);
            siteThreads.shutdownNow();
        }
    }

}
