package fr.egide.reporting;

import fr.egide.Browser;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.analysis.Polarity;
import fr.egide.analysis.Theme;
import fr.egide.cases.Dossiers;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.FrenchDates;
import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import fr.egide.replies.Replies;
import fr.egide.replies.ReplyOrigin;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard of a cabinet seeded through the application (mentions typed in on two sources over three months and
 * analysed, replies drafted and published, a dossier), with search results and a failing source as the watch records
 * them: the page shows the rating per source and month, the share of negative mentions, the replies' status, the
 * themes, the dossiers by stage, the first page of the name's search with its labels and changes and the sources'
 * health, each chart with its figures in a table; another cabinet's data never shows, and its id is "not found".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardIntegrationTests {

    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    static final String REPLY = "Bonjour, merci d'avoir pris le temps de nous écrire. Nous sommes désolés de votre attente et "
            + "revoyons l'organisation des rendez-vous. N'hésitez pas à appeler le cabinet pour en parler.";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    Mentions mentions;

    @Autowired
    MentionAnalyses analyses;

    @Autowired
    Replies replies;

    @Autowired
    Dossiers dossiers;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    record Seeded(UUID id, String text, int rating, String source, LocalDate date) {
    }

    UUID mention(UUID cabinet, String source, int rating, String text, LocalDate date) throws InterruptedException {
        mentions.addManual(cabinet, new ManualMention(source, "https://avis.example.org/" + UUID.randomUUID(), "Patient "
                + rating, rating, text, date.toString()));
        var id = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and text = ?").params(cabinet, text).query(UUID.class)
            .single();
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                analyses.ofMention(id);
                return id;
            }
            catch (fr.egide.system.NotFoundException notYet) {
                assertThat(System.nanoTime()).as("analyse jamais faite").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    UUID scan(UUID source, Instant at, String status, String error) {
        var id = UUID.randomUUID();
        jdbc.sql("insert into monitoring_scan (id, source_id, started_at, finished_at, status, error) values (?, ?, ?, ?, ?, ?)")
            .params(id, source, Timestamp.from(at), Timestamp.from(at.plusSeconds(20)), status, error).update();
        return id;
    }

    void result(UUID scan, UUID source, Instant at, String url, String title, int position, String classement, String rule) {
        jdbc.sql("""
                insert into monitoring_search_result (scan_id, source_id, scanned_at, query, engines, url_key, url, title, position,
                    first_page, classement, rule)
                values (?, ?, ?, '"Dr Claire Martin" médecin', 'duckduckgo', ?, ?, ?, ?, ?, ?, ?)
                """).params(scan, source, Timestamp.from(at), url.replace("https://", ""), url, title, position, position <= 10,
                classement, rule).update();
    }

    @Test
    void showsTheCabinetsFiguresAndNeverAnotherCabinets() throws Exception {
        var user = TestAccounts.create(context, "Dr Claire Martin");
        TestAccounts.signIn(context, user);
        var cabinet = practice.createCabinet(new CabinetForm("A — Cabinet du tableau " + UUID.randomUUID(), null, null, null)).id();
        var second = practice.createCabinet(new CabinetForm("B — Cabinet annexe " + UUID.randomUUID(), null, null, null)).id();

        var today = LocalDate.now(FrenchDates.PARIS);
        var twoMonths = YearMonth.from(today).minusMonths(2).atDay(10);
        var lastMonth = YearMonth.from(today).minusMonths(1).atDay(12);
        var seeded = new ArrayList<Seeded>();
        for (var m : List.of(
                new Seeded(null, "Accueil chaleureux, secrétaire aimable et ponctuelle, rien à redire.", 5, "Google", twoMonths),
                new Seeded(null, "Attente interminable, plus d'une heure en salle d'attente malgré le rendez-vous. Je ne reviendrai pas.",
                        1, "Google", twoMonths),
                new Seeded(null, "Le docteur prend le temps d'expliquer et de répondre à toutes nos questions, très à l'écoute.", 4,
                        "Google", lastMonth),
                new Seeded(null, "Secrétaire désagréable au téléphone, impossible d'avoir un rendez-vous avant trois semaines.", 2,
                        "PagesJaunes", lastMonth),
                new Seeded(null, "Consultation expédiée, attente de quarante minutes et je suis reparti sans rien comprendre. À éviter.",
                        1, "PagesJaunes", today))) {
            seeded.add(new Seeded(mention(cabinet, m.source(), m.rating(), m.text(), m.date()), m.text(), m.rating(), m.source(),
                    m.date()));
        }
        var secret = mention(second, "Forum confidentiel", 3, "Un avis du cabinet annexe, rendez-vous correct.", lastMonth);

        // What the analyser made of them: the page must show the same.
        var negative = new ArrayList<UUID>();
        var praised = new EnumMap<Theme, Integer>(Theme.class);
        var criticised = new EnumMap<Theme, Integer>(Theme.class);
        for (var m : seeded) {
            var analysis = analyses.ofMention(m.id());
            if (analysis.sentiment().label() == Polarity.NEGATIVE) {
                negative.add(m.id());
            }
            analysis.themes().stream().filter(t -> t.polarity() == Polarity.POSITIVE).map(t -> t.theme()).distinct()
                .forEach(t -> praised.merge(t, 1, Integer::sum));
            analysis.themes().stream().filter(t -> t.polarity() == Polarity.NEGATIVE).map(t -> t.theme()).distinct()
                .forEach(t -> criticised.merge(t, 1, Integer::sum));
        }
        assertThat(negative).as("the fixture needs negative mentions").hasSizeGreaterThanOrEqualTo(3);
        assertThat(criticised).as("the fixture needs criticised themes").isNotEmpty();

        // Replies: one draft, one published; the others have none.
        replies.changeSettings(cabinet, 0, false);
        replies.create(negative.get(0), REPLY, ReplyOrigin.MANUEL);
        var published = replies.create(negative.get(1), REPLY, ReplyOrigin.MANUEL);
        replies.submit(published.id());
        replies.approve(published.id(), null);
        replies.publish(published.id(), "https://avis.example.org/reponse/1");

        dossiers.open(cabinet, List.of(seeded.get(4).id()), null, "Consultation expédiée");

        // The watch's records: two scans of a search on the name, and a feed that fails.
        var search = UUID.randomUUID();
        jdbc.sql("insert into monitoring_source (id, cabinet_id, kind, name) values (?, ?, 'RECHERCHE', 'Nom sur SearXNG')")
            .params(search, cabinet).update();
        var before = Instant.now().minus(Duration.ofDays(7));
        var now = Instant.now().minus(Duration.ofHours(1));
        var first = scan(search, before, "TERMINE", null);
        result(first, search, before, "https://www.doctolib.fr/claire-martin", "Dr Claire Martin - Doctolib", 1, "PRO", "annuaire de soins");
        result(first, search, before, "https://www.strava.com/claire-martin", "Claire Martin | Strava", 2, "PERSO", "réseau de sport");
        var latest = scan(search, now, "TERMINE", null);
        result(latest, search, now, "https://www.strava.com/claire-martin", "Claire Martin | Strava", 1, "PERSO", "réseau de sport");
        result(latest, search, now, "https://www.facebook.com/claire.martin", "Claire Martin | Facebook", 2, "PERSO", "réseau social");
        result(latest, search, now, "https://www.doctolib.fr/claire-martin", "Dr Claire Martin - Doctolib", 3, "PRO", "annuaire de soins");
        var feed = UUID.randomUUID();
        jdbc.sql("""
                insert into monitoring_source (id, cabinet_id, kind, name, state, last_error, last_run_at, consecutive_failures)
                values (?, ?, 'FLUX', 'Alerte Google sur le nom', 'EN_ERREUR', 'Le flux répond 500 : erreur du serveur', ?, 3)
                """).params(feed, cabinet, Timestamp.from(now)).update();
        scan(feed, now, "ECHEC", "Le flux répond 500 : erreur du serveur");
        TestAccounts.signOut();

        var browser = new Browser(port);
        browser.signIn(user);
        var response = browser.get("/?cabinet=" + cabinet);
        assertThat(response.statusCode()).isEqualTo(200);
        var page = Jsoup.parse(response.body());
        var text = page.text();

        // The selector lists both cabinets, this one chosen.
        assertThat(page.select("select#choix-cabinet option")).hasSize(2);
        assertThat(page.selectFirst("select#choix-cabinet option[selected]").val()).isEqualTo(cabinet.toString());
        assertThat(page.selectFirst("label[for=choix-cabinet]")).isNotNull();

        // Cards: 5 mentions, the share of negative ones per the analysis.
        var figures = page.select(".card .figure").eachText();
        assertThat(figures.get(0)).isEqualTo("5");
        assertThat(page.selectFirst(".card.part-negative").text())
            .contains(Math.round(100.0 * negative.size() / 5) + " %").contains(negative.size() + " sur 5");

        // Rating per source and month: the chart's data and its table.
        var notes = page.getElementById("notes");
        var chart = JsonMapper.builder().build().readTree(notes.selectFirst("[data-chart]").attr("data-chart"));
        assertThat(chart.get("kind").asString()).isEqualTo("line");
        assertThat(chart.get("categories")).hasSize(12);
        assertThat(chart.get("series")).hasSize(2);
        var table = notes.selectFirst("table");
        assertThat(table.select("caption").text()).isNotBlank();
        assertThat(table.select("thead th").eachText()).containsExactly("Mois", "Google", "PagesJaunes");
        assertThat(row(table, MONTH.format(twoMonths))).containsExactly("3,0 (2)", "—");
        assertThat(row(table, MONTH.format(lastMonth))).containsExactly("4,0 (1)", "2,0 (1)");
        assertThat(row(table, MONTH.format(today))).containsExactly("—", "1,0 (1)");

        // Volume and negative share per month.
        var volume = page.getElementById("volume");
        assertThat(volume.selectFirst("[data-chart]").attr("role")).isEqualTo("img");
        assertThat(volume.selectFirst("[data-chart]").attr("aria-label")).isNotBlank();
        var volumeTable = volume.selectFirst("table");
        var lastMonthNegative = seeded.stream().filter(m -> m.date().equals(lastMonth) && negative.contains(m.id())).count();
        assertThat(row(volumeTable, MONTH.format(lastMonth))).containsExactly("2", "2", String.valueOf(lastMonthNegative),
                Math.round(100.0 * lastMonthNegative / 2) + " %");
        assertThat(row(volumeTable, MONTH.format(today.minusMonths(5)))).containsExactly("0", "0", "0", "—");

        // Replies to the negative mentions.
        var status = page.getElementById("reponses").select("dl div").eachText();
        assertThat(status).containsExactly("Sans réponse " + (negative.size() - 2), "Réponse en brouillon ou en relecture 1",
                "Réponse approuvée, à publier 0", "Réponse publiée 1");

        // Themes praised and criticised: the same counts as the analyses'.
        var themes = page.getElementById("themes").selectFirst("table");
        for (var theme : Theme.values()) {
            if (praised.containsKey(theme) || criticised.containsKey(theme)) {
                var name = context.getBean(org.springframework.context.MessageSource.class).getMessage("theme." + theme.name(), null,
                        Locale.FRENCH);
                assertThat(row(themes, name)).as(name).startsWith(String.valueOf(praised.getOrDefault(theme, 0)),
                        String.valueOf(criticised.getOrDefault(theme, 0)));
            }
        }
        assertThat(page.getElementById("themes").text()).contains("À améliorer en priorité");

        // Dossiers by stage.
        var stages = page.getElementById("dossiers").selectFirst("table");
        assertThat(row(stages, "Ouvert")).containsExactly("1");
        assertThat(row(stages, "Qualifié")).containsExactly("0");

        // The name's first page with labels and changes.
        var searchTable = page.getElementById("recherche").selectFirst("table");
        assertThat(searchTable.select("caption").text()).contains("Dr Claire Martin").contains("Nom sur SearXNG")
            .contains("1 nouveau(x) résultat(s)").contains("2 résultat(s) sur la vie personnelle");
        var lines = searchTable.select("tbody tr").eachText();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("1", "Claire Martin | Strava", "Personnel", "monte de 1 place(s), était n° 2");
        assertThat(lines.get(1)).contains("2", "Claire Martin | Facebook", "Personnel", "Nouveau");
        assertThat(lines.get(2)).contains("3", "Dr Claire Martin - Doctolib", "Professionnel", "descend de 2 place(s), était n° 1");

        // Sources' health: the failing feed first, with its error.
        var sources = page.getElementById("sources").select("tbody tr").eachText();
        assertThat(sources.get(0)).contains("Alerte Google sur le nom", "Flux RSS/Atom", "En erreur", "Le flux répond 500");
        assertThat(String.join("\n", sources)).contains("Nom sur SearXNG").contains("Google").contains("PagesJaunes");

        // Local scripts only, no inline script.
        assertThat(page.select("script").eachAttr("src")).contains("/webjars/echarts/5.3.1/dist/echarts.min.js", "/js/tableau-de-bord.js");
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(browser.get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(browser.get("/js/tableau-de-bord.js").statusCode()).isEqualTo(200);

        // The other cabinet of the same user is on its own page; nothing of it on this one.
        assertThat(text).doesNotContain("Forum confidentiel").doesNotContain("cabinet annexe, rendez-vous");
        var other = Browser.text(browser.get("/?cabinet=" + second));
        assertThat(other).contains("Forum confidentiel").doesNotContain("PagesJaunes").doesNotContain("Nom sur SearXNG")
            .doesNotContain("Claire Martin | Strava");
        assertThat(secret).isNotNull();

        // A stranger sees neither cabinet, and asking for one by its id is "not found".
        var stranger = TestAccounts.create(context, "Dr Ailleurs");
        TestAccounts.signIn(context, stranger);
        var own = practice.createCabinet(new CabinetForm("Cabinet d'ailleurs " + UUID.randomUUID(), null, null, null)).id();
        TestAccounts.signOut();
        var outsider = new Browser(port);
        outsider.signIn(stranger);
        var home = Jsoup.parse(outsider.get("/").body());
        assertThat(home.select("select#choix-cabinet")).as("one cabinet: no selector").isEmpty();
        assertThat(home.text()).doesNotContain("PagesJaunes").doesNotContain("Forum confidentiel").doesNotContain("Nom sur SearXNG")
            .doesNotContain("Alerte Google sur le nom").contains("Aucun avis noté sur les douze derniers mois")
            .contains("Aucun dossier en cours").contains("Pas encore de relevé terminé").contains("Aucune source de veille");
        assertThat(own).isNotNull();
        assertThat(outsider.get("/?cabinet=" + cabinet).statusCode()).isEqualTo(404);
        assertThat(outsider.get("/?cabinet=" + second).statusCode()).isEqualTo(404);
    }

    /** The cells of the table's row headed by the given text. */
    static List<String> row(Element table, String heading) {
        for (var row : table.select("tbody tr")) {
            var th = row.selectFirst("th");
            if (th != null && th.text().equals(heading)) {
                return row.select("td").eachText();
            }
        }
        throw new AssertionError("pas de ligne « " + heading + " » dans " + table.text());
    }

}
