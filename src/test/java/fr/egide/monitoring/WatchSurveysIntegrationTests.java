package fr.egide.monitoring;

import fr.egide.Browser;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly "état des lieux": the month before computed and kept per cabinet (new, negative, edited and removed
 * mentions, scans and failures, by source), every source then read again in full; the page and the API show it,
 * and a month not begun or unreadable is refused in French.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WatchSurveysIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    Mentions mentions;

    @Autowired
    SourceScans scans;

    @Autowired
    WatchSurveys surveys;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void theMonthBeforeIsComputedKeptAndShownThenEverySourceIsReadAgainInFull() throws Exception {
        var user = TestAccounts.create(context, "Dr État des lieux");
        TestAccounts.signIn(context, user);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet état des lieux " + UUID.randomUUID(), null, null, null)).id();
        var feed = scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.FLUX, "Forum santé Lyon",
                Map.of("url", "https://forum.exemple-sante.fr/flux.atom"), null, null, null)).id();
        for (var review : new String[][] { { "1", "Attente interminable, accueil désagréable." }, { "5", "Très à l'écoute, je recommande." },
                { "2", "Rendez-vous décalé trois fois sans prévenir." } }) {
            mentions.addManual(cabinet, new ManualMention("Saisie", null, "Avis " + UUID.randomUUID(), Integer.valueOf(review[0]),
                    review[1], "2026-11-10"));
        }
        var month = YearMonth.now(WatchSurveys.PARIS).minusMonths(1);
        var middle = month.atDay(15).atTime(10, 0).atZone(WatchSurveys.PARIS).toOffsetDateTime();
        // The mentions were first seen last month; one was edited and one removed during it; the feed failed once.
        jdbc.sql("update monitoring_mention set first_seen = ? where cabinet_id = ?").params(middle, cabinet).update();
        var edited = jdbc.sql("select id from monitoring_mention where cabinet_id = ? and rating = 1").param(cabinet).query(UUID.class).single();
        jdbc.sql("""
                insert into monitoring_mention_version (mention_id, version_no, text, rating, seen_at)
                values (?, 2, 'Attente interminable.', 1, ?)
                """).params(edited, middle.plusDays(3)).update();
        jdbc.sql("update monitoring_mention set removed_at = ? where cabinet_id = ? and rating = 2").params(middle.plusDays(5), cabinet).update();
        jdbc.sql("update monitoring_source set created_at = ?, cursor = 'ancien-curseur', next_run_at = now() + interval '1 day' where id = ?")
            .params(middle.minusDays(10), feed).update();
        jdbc.sql("update monitoring_source set created_at = ? where cabinet_id = ?").params(middle.minusDays(10), cabinet).update();
        for (var status : new String[] { "TERMINE", "ECHEC", "PARTIEL" }) {
            jdbc.sql("insert into monitoring_scan (id, source_id, started_at, finished_at, status) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), feed, middle, middle.plusMinutes(1), status).update();
        }

        TestAccounts.signOut();
        assertThat(WatchSurveyJobs.run(surveys, month)).isGreaterThanOrEqualTo(1);

        TestAccounts.signIn(context, user);
        var survey = surveys.of(cabinet, month);
        assertThat(survey.complete()).isTrue();
        assertThat(survey.created()).isEqualTo(3);
        assertThat(survey.negative()).isEqualTo(2);
        assertThat(survey.edited()).isEqualTo(1);
        assertThat(survey.removed()).isEqualTo(1);
        var forum = survey.sources().stream().filter(s -> s.sourceId().equals(feed)).findFirst().orElseThrow();
        assertThat(forum.scans()).isEqualTo(3);
        assertThat(forum.failedScans()).isEqualTo(1);
        assertThat(forum.partialScans()).isEqualTo(1);
        assertThat(surveys.months(cabinet)).containsExactly(month);
        // Kept: the same figures come back from the stored survey, even after the data moves on.
        jdbc.sql("update monitoring_mention set removed_at = null where cabinet_id = ?").param(cabinet).update();
        assertThat(surveys.of(cabinet, month).removed()).isEqualTo(1);
        // The full re-read: cursor reset, due now.
        assertThat(jdbc.sql("select cursor is null and next_run_at <= now() from monitoring_source where id = ?").param(feed)
            .query(Boolean.class).single()).isTrue();

        var browser = new Browser(port);
        browser.signIn(user);
        var page = Browser.text(browser.get("/veille/" + cabinet + "/etat-des-lieux?mois=" + month));
        assertThat(page).contains("État des lieux", month.toString(), "3 nouvelles mentions", "Forum santé Lyon", "1 (+1 partiels)");
        assertThat(Browser.text(browser.get("/veille/" + cabinet + "/etat-des-lieux"))).contains("Mois en cours");
        assertThat(Browser.text(browser.get("/veille/" + cabinet + "/etat-des-lieux?mois=novembre"))).contains("Mois illisible : « novembre »");

        var token = TestAccounts.token(context, user);
        var listed = api(token, "/api/v1/cabinets/" + cabinet + "/watch-surveys");
        assertThat(listed.body()).isEqualTo("[\"" + month + "\"]");
        var one = api(token, "/api/v1/cabinets/" + cabinet + "/watch-surveys/" + month);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"complete\":true", "Forum santé Lyon", "\"failedScans\":1");
        var future = api(token, "/api/v1/cabinets/" + cabinet + "/watch-surveys/" + YearMonth.now(WatchSurveys.PARIS).plusMonths(2));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("n'a pas commencé");
        var stranger = TestAccounts.token(context, TestAccounts.create(context, "Autre cabinet"));
        assertThat(api(stranger, "/api/v1/cabinets/" + cabinet + "/watch-surveys/" + month).statusCode()).isEqualTo(404);
    }

    HttpResponse<String> api(String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
