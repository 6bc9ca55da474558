package fr.egide.reporting;

import fr.egide.Browser;
import fr.egide.EgideApplication;
import fr.egide.analysis.AnalysisFigures;
import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.analysis.Polarity;
import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.cases.DossierFigures;
import fr.egide.cases.Dossiers;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.FrenchDates;
import fr.egide.monitoring.MentionFigures;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.Mentions;
import fr.egide.replies.ReplyFigures;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark command (not a test): the dashboard of one cabinet among 10,000 holding 1,000,000 mentions. Seeds a fresh
 * embedded PostgreSQL in SQL (generate_series, not through the import): cabinets, five sources each (three review
 * sites, a search on the name, a feed), mentions with their analysis (themes in the stored result), replies to a third
 * of the negative mentions, dossiers with a mention and thirty scans per feed and six per search, with ten search results per search scan;
 * the analyses are the analyser's own for the six texts used. A tenth of the mentions go to a hundred large cabinets (about 1,100 mentions each, the others about 90).
 * Then, for a random sample of cabinets, measures (1) the dashboard's queries as the page calls them (every root-API
 * method, the security check included) and (2) the whole page over HTTP, signed in, rendered by Thymeleaf; prints
 * p50, p95, p99 and the slowest, for ordinary and large cabinets. Run with {@code bench/dashboard.sh [mentions]
 * [cabinets] [sample]}; figures in docs/BENCHMARKS.md.
 */
public final class DashboardBenchmark {

    public static void main(String[] args) throws Exception {
        var mentions = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        var cabinets = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        var sample = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        var large = Math.min(100, cabinets / 10);
        var context = new SpringApplicationBuilder(EgideApplication.class)
            .run("--server.port=0", "--egide.db.embedded-ephemeral=true", "--egide.db.embedded-database=benchmark_dashboard",
                    "--logging.level.root=warn", "--logging.level.fr.egide=warn", "--egide.jobs.enabled=false",
                    "--egide.evidence.automatic=false", "--egide.replies.spelling=false", "--spring.thymeleaf.cache=true");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            System.out.printf("Tableau de bord : %,d mentions, %,d cabinets (%d grands), échantillon de %d%n", mentions, cabinets, large,
                    sample);
            seed(jdbc, context.getBean(ReviewAnalyzer.class), context.getBean(JsonMapper.class), mentions, cabinets, large);

            var user = TestAccounts.create(context, "Dr Banc d'essai");
            // The sample: ordinary cabinets drawn at random, and large ones.
            var drawn = jdbc.sql("select id from practice_cabinet where name like 'Cabinet %' and not name like '%grand%' "
                    + "order by md5(id::text) limit ?").param(sample + 60).query(UUID.class).list();
            var warmUp = drawn.subList(0, 60);
            var ordinary = drawn.subList(60, drawn.size());
            var big = jdbc.sql("select id from practice_cabinet where name like '%grand%' order by md5(id::text) limit ?")
                .param(Math.max(10, sample / 10)).query(UUID.class).list();
            for (var id : concat(drawn, big)) {
                jdbc.sql("insert into identity_membership (user_id, cabinet_id, role) values (?, ?, 'TITULAIRE')").params(user.id(), id)
                    .update();
            }

            TestAccounts.signIn(context, user);
            var mentionFigures = context.getBean(MentionFigures.class);
            var analysisFigures = context.getBean(AnalysisFigures.class);
            var replyFigures = context.getBean(ReplyFigures.class);
            var dossierFigures = context.getBean(DossierFigures.class);
            var dossiers = context.getBean(Dossiers.class);
            var analyses = context.getBean(MentionAnalyses.class);
            var mentionList = context.getBean(Mentions.class);
            var today = LocalDate.now(FrenchDates.PARIS);
            var since = YearMonth.from(today).minusMonths(11);
            var parts = new LinkedHashMap<String, Consumer<UUID>>();
            parts.put("counts", mentionFigures::counts);
            parts.put("monthly", id -> mentionFigures.monthly(id, since));
            parts.put("tone", id -> {
                analysisFigures.tone(id, since);
                analysisFigures.toneOverall(id);
            });
            parts.put("themes", id -> analysisFigures.themes(id, since));
            parts.put("replies", replyFigures::ofNegativeMentions);
            parts.put("stages", dossierFigures::openByStage);
            parts.put("reminders", id -> dossiers.reminders(id, today, today.plusDays(30)));
            parts.put("search", mentionFigures::searchFirstPage);
            parts.put("health", mentionFigures::health);
            parts.put("waves", analyses::waves);
            parts.put("latest", id -> mentionList.search(new MentionFilter(id, null, null, null, null, null, null, null), 0, 8));

            // Warm-up: the JIT and PostgreSQL's caches, on cabinets outside the sample's first pass.
            for (int round = 0; round < 2; round++) {
                for (var id : warmUp) {
                    parts.values().forEach(part -> part.accept(id));
                }
            }
            for (var group : Map.of("ordinaires", ordinary, "grands", big).entrySet()) {
                var totals = new long[group.getValue().size()];
                var byPart = new LinkedHashMap<String, long[]>();
                parts.keySet().forEach(name -> byPart.put(name, new long[group.getValue().size()]));
                for (int i = 0; i < group.getValue().size(); i++) {
                    var id = group.getValue().get(i);
                    var start = System.nanoTime();
                    for (var part : parts.entrySet()) {
                        var t0 = System.nanoTime();
                        part.getValue().accept(id);
                        byPart.get(part.getKey())[i] = System.nanoTime() - t0;
                    }
                    totals[i] = System.nanoTime() - start;
                }
                System.out.printf("Requêtes du tableau de bord, cabinets %s (%d) : %s%n", group.getKey(), totals.length, stats(totals));
                byPart.forEach((name, times) -> System.out.printf("    %-10s %s%n", name, stats(times)));
            }
            TestAccounts.signOut();

            var port = ((WebServerApplicationContext) context).getWebServer().getPort();
            var browser = new Browser(port);
            browser.signIn(user);
            for (var id : warmUp) {
                page(browser, id);
            }
            for (var group : Map.of("ordinaires", ordinary, "grands", big).entrySet()) {
                var times = new long[group.getValue().size()];
                for (int i = 0; i < times.length; i++) {
                    var start = System.nanoTime();
                    page(browser, group.getValue().get(i));
                    times[i] = System.nanoTime() - start;
                }
                System.out.printf("Page / complète (HTTP, rendu compris), cabinets %s (%d) : %s%n", group.getKey(), times.length,
                        stats(times));
            }
            // For comparison, a simple page of the application (a form and the cabinet's list) through the same client.
            var times = new long[ordinary.size()];
            for (int i = 0; i < times.length; i++) {
                var start = System.nanoTime();
                if (browser.get("/import").statusCode() != 200) {
                    throw new IllegalStateException("page /import inattendue");
                }
                times[i] = System.nanoTime() - start;
            }
            System.out.printf("Pour comparaison, page /import (HTTP) : %s%n", stats(times));
        }
        finally {
            context.close();
        }
    }

    static void page(Browser browser, UUID cabinet) throws Exception {
        var response = browser.get("/?cabinet=" + cabinet);
        if (response.statusCode() != 200 || !response.body().contains("Note moyenne par source")) {
            throw new IllegalStateException("page inattendue (" + response.statusCode() + ") pour " + cabinet);
        }
    }

    static List<UUID> concat(List<UUID> a, List<UUID> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static String stats(long[] nanos) {
        var sorted = nanos.clone();
        Arrays.sort(sorted);
        return "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sorted, int p) {
        var rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    static void step(JdbcClient jdbc, String what, String sql) {
        var start = System.nanoTime();
        var rows = jdbc.sql(sql).update();
        System.out.printf("  %-48s %,10d lignes en %6.1f s%n", what, rows, (System.nanoTime() - start) / 1e9);
    }

    /** Praise and criticism, alternately: mention i has text i % 6 (its rating agrees: 4–5 stars, 1–2 stars). */
    static final String[] TEXTS = { "Accueil chaleureux, secrétaire aimable et ponctuelle, je recommande.",
            "Attente interminable, plus d'une heure en salle d'attente malgré le rendez-vous.",
            "Le docteur prend le temps d'expliquer et de répondre à toutes nos questions, très à l'écoute.",
            "Dépassements d'honoraires excessifs pour une consultation de dix minutes à peine.",
            "Cabinet propre et moderne, rendez-vous obtenu rapidement en ligne.",
            "Secrétaire désagréable au téléphone, impossible d'avoir un créneau avant trois semaines." };

    /**
     * Everything in SQL but the six analyses: deterministic ids (md5 of a name) so that the tables point at each other
     * without lookups.
     */
    static void seed(JdbcClient jdbc, ReviewAnalyzer analyzer, JsonMapper json, int mentions, int cabinets, int large) {
        var start = System.nanoTime();
        jdbc.sql("set maintenance_work_mem = '256MB'").update();
        step(jdbc, "cabinets", """
                insert into practice_cabinet (id, name)
                select md5('c' || c)::uuid, case when c < %d then 'Cabinet grand ' else 'Cabinet ' end || c
                from generate_series(0, %d) c
                """.formatted(large, cabinets - 1));
        step(jdbc, "sources (3 sites d'avis, 1 recherche, 1 flux)", """
                insert into monitoring_source (id, cabinet_id, kind, name, state, last_error, last_run_at, last_success_at,
                    next_run_at, consecutive_failures)
                select md5('s' || c || '-' || k)::uuid, md5('c' || c)::uuid,
                       (array['IMPORT', 'IMPORT', 'MANUAL', 'RECHERCHE', 'FLUX'])[k + 1],
                       (array['Google', 'PagesJaunes', 'Saisie', 'Nom sur SearXNG', 'Alerte Google'])[k + 1],
                       case when k = 4 and c %% 20 = 0 then 'EN_ERREUR' else 'ACTIVE' end,
                       case when k = 4 and c %% 20 = 0 then 'Le flux répond 500' end,
                       case when k >= 3 then now() - interval '2 hours' end,
                       case when k >= 3 then now() - interval '2 hours' - (c %% 20 = 0)::int * interval '3 days' end,
                       case when k >= 3 then now() + interval '22 hours' end,
                       case when k = 4 and c %% 20 = 0 then 3 else 0 end
                from generate_series(0, %d) c cross join generate_series(0, 4) k
                """.formatted(cabinets - 1));
        // A tenth of the mentions on the large cabinets, the rest spread over all; dates over the last 18 months.
        step(jdbc, "mentions", """
                insert into monitoring_mention (id, cabinet_id, source_id, external_id, fingerprint, url, author, rating, text,
                    published_raw, published_earliest, published_latest, first_seen, last_seen, status)
                select md5('m' || i)::uuid, md5('c' || c)::uuid, md5('s' || c || '-' || (i %% 3))::uuid, 'b' || i, md5('f' || i),
                       'https://avis.example.org/' || i, 'Patient ' || (i %% 997), case when i %% 9 = 0 then null when i %% 2 = 0 then 4 + (i / 6) %% 2 else 1 + (i / 6) %% 2 end,
                       (array[%s])[1 + i %% 6] || ' Avis ' || i,
                       'il y a ' || (d / 30 + 1) || ' mois', now() - (d + 15) * interval '1 day', now() - d * interval '1 day',
                       now() - d * interval '1 day' + interval '2 days', now() - interval '1 day',
                       case when i %% 4 = 0 then 'NOUVEAU' else 'LU' end
                from (select i, case when i %% 10 = 0 then (i / 10) %% %d else (i * 7919) %% %d end as c, (i * 31) %% 540 as d
                      from generate_series(1::bigint, %d) i) g
                """.formatted(String.join(", ", Arrays.stream(TEXTS).map(t -> "'" + t.replace("'", "''") + "'").toList()), large,
                cabinets, mentions));
        // The six texts' real analyses (themes, sentiment, impact: the stored JSON as the analyser writes it), one per text.
        jdbc.sql("create table bench_analysis (t integer primary key, result text, sentiment text, negative boolean, "
                + "qualification text, impact integer, strategy text, themes text[])").update();
        for (int t = 0; t < TEXTS.length; t++) {
            var analysis = analyzer.analyze(AnalysisRequest.of(TEXTS[t], t % 2 == 0 ? 5 : 1, "Google"));
            jdbc.sql("insert into bench_analysis values (?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','))")
                .params(t, json.writeValueAsString(analysis), analysis.sentiment().label().name(),
                        analysis.sentiment().label() == Polarity.NEGATIVE, analysis.qualification().name(), analysis.impact().score(),
                        analysis.strategy().kind().name(), String.join(",", analysis.themes().stream()
                            .map(theme -> theme.theme().name() + ":" + theme.polarity().name()).distinct().toList()))
                .update();
        }
        step(jdbc, "analyses", """
                insert into analysis_mention (mention_id, cabinet_id, analyzer_version, text_versions, language, sentiment,
                    qualification, impact, strategy, indicator_types, result, author, published_earliest, published_latest, negative,
                    themes)
                select m.id, m.cabinet_id, 'banc', 1, 'fr', b.sentiment, b.qualification, b.impact, b.strategy, '{}', b.result,
                       m.author, m.published_earliest, m.published_latest, b.negative, b.themes
                from monitoring_mention m join bench_analysis b on b.t = substr(m.external_id, 2)::int % 6
                """);
        step(jdbc, "réponses (un tiers des mentions négatives)", """
                insert into replies_draft (id, mention_id, cabinet_id, state, created_by, published_at)
                select md5('r' || a.mention_id)::uuid, a.mention_id, a.cabinet_id,
                       (array['BROUILLON', 'EN_RELECTURE', 'APPROUVE', 'PUBLIE', 'PUBLIE', 'ABANDONNE'])[1 + abs(hashtext(a.mention_id::text)) % 6],
                       md5('u')::uuid, now()
                from analysis_mention a where a.negative and abs(hashtext(a.mention_id::text)) % 3 = 0
                """);
        step(jdbc, "dossiers (2 par cabinet en moyenne)", """
                insert into cases_dossier (id, cabinet_id, reference, title, stage)
                select md5('d' || c || '-' || k)::uuid, md5('c' || c)::uuid, 'D-2026-' || lpad(k::text, 4, '0'), 'Dossier ' || k,
                       (array['OUVERT', 'PREUVES', 'QUALIFIE', 'STRATEGIE', 'ACTIONS', 'CLOS'])[1 + (c + k) %% 6]
                from generate_series(0, %d) c cross join generate_series(1, 1 + c %% 3) k
                """.formatted(cabinets - 1));
        step(jdbc, "mentions des dossiers", """
                insert into cases_dossier_mention (dossier_id, mention_id)
                select d.id, (select m.id from monitoring_mention m where m.cabinet_id = d.cabinet_id and m.rating = 1
                              order by m.id limit 1)
                from cases_dossier d
                where exists (select 1 from monitoring_mention m where m.cabinet_id = d.cabinet_id and m.rating = 1)
                """);
        step(jdbc, "relevés (30 par flux, 6 par recherche)", """
                insert into monitoring_scan (id, source_id, started_at, finished_at, status, error, items)
                select md5('x' || s.id || '-' || n)::uuid, s.id, now() - interval '2 hours' - n * interval '1 day',
                       now() - interval '2 hours' - n * interval '1 day' + interval '30 seconds',
                       case when s.state = 'EN_ERREUR' and n < 3 then 'ECHEC' else 'TERMINE' end,
                       case when s.state = 'EN_ERREUR' and n < 3 then 'Le flux répond 500' end, 10
                from monitoring_source s cross join generate_series(0, 29) n
                where s.kind = 'FLUX' or (s.kind = 'RECHERCHE' and n < 6)
                """);
        step(jdbc, "résultats de recherche (10 par relevé)", """
                insert into monitoring_search_result (scan_id, source_id, scanned_at, query, engines, url_key, url, title, position,
                    first_page, classement, rule)
                select c.id, c.source_id, c.started_at, '"Dr Martin" médecin', 'duckduckgo',
                       'www.exemple-' || ((p + n) % 14) || '.fr/martin', 'https://www.exemple-' || ((p + n) % 14) || '.fr/martin',
                       'Résultat ' || ((p + n) % 14), p, true, case when (p + n) % 4 = 0 then 'PERSO' else 'PRO' end, 'règle'
                from (select s.id, s.source_id, s.started_at, row_number() over (partition by s.source_id order by s.started_at) as n
                      from monitoring_scan s join monitoring_source o on o.id = s.source_id and o.kind = 'RECHERCHE') c
                cross join generate_series(1, 10) p
                """);
        var analyse = System.nanoTime();
        jdbc.sql("vacuum analyze").update();
        System.out.printf("  %-48s %17s %6.1f s%n", "vacuum analyze", "", (System.nanoTime() - analyse) / 1e9);
        System.out.printf("Données prêtes en %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

}
