package fr.egide;

import fr.egide.identity.EgideUser;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.MentionImports;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The reply panel as a secretary and a practitioner use it on a mention's page, over HTTP with htmx requests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepliesPageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    MentionImports imports;

    @Autowired
    Mentions mentions;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void adviseDraftCheckSubmitAndMeetTheReflectionDelay() throws Exception {
        EgideUser user = TestAccounts.create(context, "Dr Panneau");
        TestAccounts.signIn(context, user);
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet du panneau " + UUID.randomUUID(), null, null, null)).id();
        var file = "source;external_id;rating;text\nGoogle;p-1;2;Attente interminable, plus d'une heure, et aucune excuse.\n";
        imports.importFile(cabinet, "p.csv", () -> new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null);
        var mention = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 1).items().get(0).id();
        var browser = new Browser(port);
        browser.signIn(user);
        var page = browser.get("/mentions/" + mention);
        assertThat(Jsoup.parse(page.body()).select("[hx-get=/reponses/mentions/" + mention + "]")).hasSize(1);

        var panel = Jsoup.parse(browser.get("/reponses/mentions/" + mention, "HX-Request", "true").body());
        assertThat(panel.select("#reponse h2").text()).isEqualTo("Répondre ?");
        assertThat(panel.select(".advice strong").text()).startsWith("Conseil");
        assertThat(panel.select(".proposals li")).isNotEmpty();
        assertThat(panel.text()).contains("Avis lu pour la première fois");
        var proposal = panel.select(".proposals li blockquote").first().text();

        var check = Jsoup.parse(browser.htmxPost("/reponses/verifier", "text", "Vous mentez, laissez-nous 5 étoiles !!!",
                "mentionId", mention.toString()).body());
        assertThat(check.select(".verdict").text()).isEqualTo("Bloquant : ne pas publier en l'état");
        assertThat(check.select(".finding strong").eachText()).anyMatch(t -> t.startsWith("Publicité"))
            .anyMatch(t -> t.startsWith("Ton"));
        assertThat(check.select(".finding mark").eachText()).contains("Vous mentez");

        var created = Jsoup.parse(browser.htmxPost("/reponses/mentions/" + mention + "/brouillon", "text", proposal, "origin", "MODELE").body());
        assertThat(created.select(".flash.info").text()).isEqualTo("Brouillon enregistré.");
        assertThat(created.select(".badge.state-BROUILLON").text()).isEqualTo("Brouillon");
        assertThat(created.select(".verdict").text()).isEqualTo("Publiable");
        var draftAction = created.select("form[hx-post$=/action]").attr("hx-post");

        var submitted = Jsoup.parse(browser.htmxPost(draftAction, "action", "soumettre", "text", proposal).body());
        assertThat(submitted.select(".badge.state-EN_RELECTURE").text()).isEqualTo("En relecture");
        var refused = Jsoup.parse(browser.htmxPost(draftAction, "action", "approuver", "overrideReason", "").body());
        assertThat(refused.select(".flash.error").text()).contains("Délai de réflexion en cours");
        assertThat(refused.select(".badge.state-EN_RELECTURE")).hasSize(1);
        assertThat(refused.select("#reponse-raison-delai")).as("the reason field while the délai runs").hasSize(1);
        assertThat(refused.select("#reponse-version")).as("no editable text under review").isEmpty();
        var approved = Jsoup.parse(browser.htmxPost(draftAction, "action", "approuver", "overrideReason",
                "Relu avec mon associée, réponse urgente.").body());
        assertThat(approved.select(".badge.state-APPROUVE").text()).isEqualTo("Approuvée");
        assertThat(approved.select(".history li").eachText()).anyMatch(t -> t.startsWith("Délai de réflexion levé")
                && t.contains("Relu avec mon associée"));
        assertThat(approved.select("button[data-copy=#texte-approuve]")).hasSize(1);
        assertThat(approved.select("#texte-approuve").text()).isEqualTo(proposal);
        var reopened = Jsoup.parse(browser.htmxPost(draftAction, "action", "modifier").body());
        assertThat(reopened.select(".badge.state-BROUILLON")).hasSize(1);
        assertThat(reopened.select("#reponse-version")).hasSize(1);

        var settings = browser.get("/reponses/reglages/" + cabinet);
        assertThat(Jsoup.parse(settings.body()).select("#reflectionHours").val()).isEqualTo("24");
        var saved = browser.post("/reponses/reglages/" + cabinet, false, "reflectionHours", "48", "requirePeerReview", "true");
        assertThat(Jsoup.parse(saved.body()).select(".flash.info").text()).isEqualTo("Règles de réponse enregistrées.");
        assertThat(Jsoup.parse(saved.body()).select("#reflectionHours").val()).isEqualTo("48");
        var wrong = browser.post("/reponses/reglages/" + cabinet, false, "reflectionHours", "1000");
        assertThat(Jsoup.parse(wrong.body()).select(".flash.error").text()).contains("0 à 720 heures");
    }

}
