package fr.egide;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.egide.evidence.LocalTimestampAuthority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Égide used as a practitioner uses it, in Debian's Chromium driven by Debian's chromedriver, on a database of its
 * own: the first-run installation, sign-in, the dashboard, a cabinet and its practitioner, a mention entered by hand
 * and its analysis with the words highlighted, a reply drafted and checked as it is typed, a dossier opened from the
 * mention with a sealed capture of the page (a fictional review served by WireMock) whose bundle is downloaded, a
 * letter drafted, the alert settings changed. Every page visited is photographed into target/e2e-screenshots and
 * checked for the accessibility basics: French language, a main landmark, a first-level title, labelled form
 * controls, images with a text alternative, named buttons and links.
 */
// Closed after the class: its background jobs (the captures) must not run on in the context cache.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "egide.db.embedded-database=browser_journey", "egide.jobs.enabled=true", "egide.jobs.polling=1s",
        "egide.evidence.allow-hosts=127.0.0.1" })
class BrowserJourneyTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

    static final int WIDTH = 1280;

    static final String REVIEW = "Le Dr Laurent est un incompétent et un escroc, il a falsifié mon dossier pour toucher plus de "
            + "la sécurité sociale.";

    /**
     * Checks run in the page: every problem found, in French, for the page's report. A message key Thymeleaf did not
     * find (shown as ??key_fr??) is reported too.
     */
    static final String ACCESSIBILITY = """
            const problems = [];
            const lang = document.documentElement.getAttribute('lang');
            if (lang !== 'fr') problems.push('html lang="' + lang + '" au lieu de "fr"');
            if (document.querySelectorAll('main').length !== 1) problems.push(document.querySelectorAll('main').length + ' éléments <main>');
            if (!document.querySelector('h1')) problems.push('pas de titre <h1>');
            const short = e => e.outerHTML.slice(0, 160);
            for (const img of document.querySelectorAll('img')) {
              if (!img.hasAttribute('alt')) problems.push('image sans alt : ' + short(img));
            }
            for (const c of document.querySelectorAll('input, select, textarea')) {
              const type = (c.getAttribute('type') || '').toLowerCase();
              if (['hidden', 'submit', 'button', 'reset'].includes(type)) continue;
              const byFor = c.id && document.querySelector('label[for="' + CSS.escape(c.id) + '"]');
              const byAria = (c.getAttribute('aria-label') || '').trim()
                  || (c.getAttribute('aria-labelledby') || '').split(/\\s+/).some(id => id && document.getElementById(id));
              if (!byFor && !byAria && !c.closest('label')) problems.push('champ sans étiquette : ' + short(c));
            }
            const ids = new Map();
            for (const e of document.querySelectorAll('[id]')) ids.set(e.id, (ids.get(e.id) || 0) + 1);
            for (const [id, n] of ids) if (n > 1) problems.push('identifiant « ' + id + ' » présent ' + n + ' fois');
            for (const b of document.querySelectorAll('button, a[href]')) {
              const named = b.textContent.trim() || (b.getAttribute('aria-label') || '').trim() || b.getAttribute('aria-labelledby')
                  || b.querySelector('img[alt]:not([alt=""])');
              if (!named) problems.push('bouton ou lien sans nom : ' + short(b));
            }
            const missing = document.body.innerText.match(/\\?\\?[\\w.-]+_fr(_FR)?\\?\\?/g);
            if (missing) problems.push('message absent du bundle : ' + missing.join(', '));
            return problems;
            """;

    static WireMockServer site;

    static LocalTimestampAuthority authority;

    @TempDir
    static Path storage;

    @TempDir
    Path downloads;

    @TempDir
    Path uploads;

    @LocalServerPort
    int port;

    ChromeDriver driver;

    WebDriverWait wait;

    int shots;

    final Map<String, List<String>> accessibility = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium et chromedriver de Debian absents (apt-get install chromium chromium-driver)");
        // Only this run's pages: a reviewer must not look at an older run's screenshots.
        if (Files.isDirectory(SCREENSHOTS)) {
            try (var old = Files.list(SCREENSHOTS)) {
                for (var file : old.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(file);
                }
            }
        }
        authority = new LocalTimestampAuthority("TSA parcours");
        site = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        site.start();
        site.stubFor(get(urlPathMatching("/avis/.*")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "text/html; charset=utf-8")
            .withBody("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Avis sur le Dr Laurent</title></head>"
                    + "<body><h1>Avis sur le Dr Paul Laurent</h1><article><p>Jean D. — 1 étoile sur 5</p><p>" + REVIEW
                    + "</p></article></body></html>")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) {
            site.stop();
        }
        if (authority != null) {
            authority.close();
        }
    }

    @DynamicPropertySource
    static void evidence(DynamicPropertyRegistry registry) {
        registry.add("egide.evidence.tsa", () -> authority.uri().toString());
        registry.add("egide.evidence.storage", () -> storage.toString());
    }

    /** Debian's driver and browser, named explicitly: nothing is looked up or downloaded. */
    ChromeDriver browser() {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=fr-FR",
                "--window-size=" + WIDTH + ",900", "--no-first-run", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "intl.accept_languages", "fr-FR"));
        var chrome = new ChromeDriver(service, options);
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return chrome;
    }

    /** A wait that looks again when the page was replaced under it (a form posted, htmx swapping a panel). */
    WebDriverWait waitUpTo(int seconds) {
        var w = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The page is loaded and no htmx request is under way. */
    void settled() {
        wait.until(d -> Boolean.TRUE.equals(js("return document.readyState === 'complete' && !!window.htmx"
                + " && document.querySelector('.htmx-request') === null")));
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Clicks the button or link whose text is given, inside the element matched by css. */
    void clickText(String css, String text) {
        wait.until(d -> d.findElements(By.cssSelector(css + " button, " + css + " a")).stream()
            .filter(e -> e.getText().strip().equals(text) && e.isDisplayed()).findFirst().orElse(null)).click();
    }

    void type(String css, String text) {
        var field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    void time(String css, String value) {
        js("const f = arguments[0]; f.value = arguments[1]; f.dispatchEvent(new Event('input', {bubbles: true}));"
                + " f.dispatchEvent(new Event('change', {bubbles: true}));", visible(css), value);
        assertThat(visible(css).getAttribute("value")).isEqualTo(value);
    }

    String text() {
        return (String) js("return document.body.innerText");
    }

    /** The page as it is now: checked for the accessibility basics and photographed, full height, 1280 wide. */
    void page(String name) throws IOException {
        settled();
        @SuppressWarnings("unchecked")
        var problems = (List<String>) js(ACCESSIBILITY);
        var label = String.format("%02d-%s", ++shots, name);
        if (!problems.isEmpty()) {
            accessibility.put(label + " (" + path() + ")", problems);
        }
        var height = ((Number) js("return Math.ceil(Math.max(document.documentElement.scrollHeight, document.body.scrollHeight))"))
            .intValue();
        var shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", WIDTH, "height", height, "scale", 1)));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(label + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Test
    void aPractitionerGoesFromTheInstallationToALetterAndAnEvidenceBundle() throws Exception {
        driver = browser();
        wait = waitUpTo(30);
        try {
            journey();
        }
        catch (Exception | AssertionError e) {
            // The page where the journey stopped, for whoever reads the failure.
            try {
                page("echec");
            }
            catch (Exception | AssertionError screenshot) {
                e.addSuppressed(screenshot);
            }
            throw e;
        }
        finally {
            driver.quit();
        }
        assertThat(accessibility).as("problèmes d'accessibilité par page").isEmpty();
    }

    /** The checks themselves find what they look for, on a page built to fail every one of them. */
    void accessibilityChecksFindProblems() {
        driver.get("data:text/html;charset=utf-8,<html lang=en><body><h2>Sans titre</h2><img src=x.png>"
                + "<input id=nom><label for=autre>Autre</label><select aria-labelledby=absent></select>"
                + "<textarea aria-label=Texte></textarea><label>Prénom <input></label><button></button><p id=double></p><p id=double></p>");
        @SuppressWarnings("unchecked")
        var problems = (List<String>) js(ACCESSIBILITY);
        assertThat(problems).hasSize(8).anyMatch(p -> p.startsWith("html lang=\"en\""))
            .contains("0 éléments <main>", "pas de titre <h1>", "identifiant « double » présent 2 fois")
            .anyMatch(p -> p.startsWith("image sans alt"))
            .anyMatch(p -> p.startsWith("champ sans étiquette : <input id=\"nom\""))
            .anyMatch(p -> p.startsWith("champ sans étiquette : <select"))
            .anyMatch(p -> p.startsWith("bouton ou lien sans nom"));
        driver.get("data:text/html;charset=utf-8,<html lang=fr><body><main><h1>??tableau.inconnu_fr??</h1></main>");
        @SuppressWarnings("unchecked")
        var untranslated = (List<String>) js(ACCESSIBILITY);
        assertThat(untranslated).containsExactly("message absent du bundle : ??tableau.inconnu_fr??");
    }

    void journey() throws Exception {
        accessibilityChecksFindProblems();

        // First run: every page leads to the installation until the administrator exists.
        driver.get(url("/"));
        wait.until(d -> path().equals("/installation"));
        page("installation");
        type("#email", "titulaire@example.org");
        type("#displayName", "Dr Paul Laurent");
        type("#password", "une phrase de passe solide");
        type("#passwordConfirmation", "une phrase de passe solide");
        click("main button[type=submit]");
        wait.until(d -> path().equals("/connexion"));
        assertThat(visible("main .flash.info").getText()).contains("Le compte administrateur est créé");
        page("connexion");

        type("#email", "titulaire@example.org");
        type("#motDePasse", "une phrase de passe solide");
        click("main button[type=submit]");
        wait.until(d -> path().equals("/"));
        assertThat(visible("h1").getText()).isEqualTo("Tableau de bord");
        page("tableau-de-bord-vide");

        // The cabinet and its practitioner.
        clickText("main", "Créer mon cabinet");
        wait.until(d -> path().equals("/cabinets"));
        type("#name", "Cabinet du Dr Laurent");
        type("#street", "4 place Bellecour");
        type("#postalCode", "69002");
        type("#city", "Lyon");
        page("cabinets");
        click("main form button[type=submit]");
        wait.until(d -> path().matches("/cabinets/[0-9a-f-]{36}"));
        var cabinet = path().substring("/cabinets/".length());
        assertThat(visible("h1").getText()).isEqualTo("Cabinet du Dr Laurent");
        clickText("main", "Ajouter un praticien");
        wait.until(d -> path().endsWith("/praticiens/nouveau"));
        type("#firstName", "Paul");
        type("#lastName", "Laurent");
        type("#rpps", "10101010101");
        page("praticien");
        click("main form button[type=submit]");
        wait.until(d -> path().equals("/cabinets/" + cabinet) && text().contains("Laurent"));
        page("cabinet");

        // A mention entered by hand, then opened: the analysis highlights the words behind its indicators.
        driver.get(url("/mentions/nouvelle"));
        type("#source", "Google");
        type("#url", "http://127.0.0.1:" + site.port() + "/avis/dr-paul-laurent");
        type("#author", "Jean D.");
        new Select(visible("#rating")).selectByValue("1");
        type("#date", "2026-11-20");
        type("#text", REVIEW);
        page("saisie-mention");
        click("main form button[type=submit]");
        wait.until(d -> path().equals("/mentions"));
        assertThat(visible("main .flash.info").getText()).contains("Mention enregistrée");
        page("mentions");
        click("main a.title");
        wait.until(d -> path().matches("/mentions/[0-9a-f-]{36}"));
        var mention = path().substring("/mentions/".length());
        // The analysis runs after the mention's commit: the user reloads until it is there.
        waitUpTo(60).until(d -> {
            settled();
            if (!d.findElements(By.cssSelector("#analyse")).isEmpty()) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        var marks = driver.findElements(By.cssSelector("#analyse blockquote.highlighted mark"));
        assertThat(marks).isNotEmpty();
        assertThat(marks).extracting(WebElement::getText).anyMatch(t -> t.contains("escroc") || t.contains("falsifié"));
        assertThat(driver.findElements(By.cssSelector("#analyse ul.indicators li"))).isNotEmpty();
        visible("#reponse");
        visible("#preuves");
        visible("#dossiers");
        page("mention-analyse");

        // A reply drafted in the panel: checked while typed, then saved as a draft.
        type("#reponse-texte", "Merci pour votre avis. Votre traitement pour le diabète était pourtant adapté, laissez-nous 5 étoiles !");
        wait.until(d -> d.findElements(By.cssSelector("#verification .verdict")).size() == 1);
        settled();
        assertThat(visible("#verification .verdict").getAttribute("class")).contains("v-BLOQUANT");
        assertThat(visible("#verification .verdict").getText()).startsWith("Bloquant");
        assertThat(driver.findElements(By.cssSelector("#verification li.finding"))).isNotEmpty();
        page("reponse-verification");
        type("#reponse-texte", "Merci d'avoir pris le temps d'écrire. Nous ne pouvons pas en parler ici ; le cabinet reste à votre "
                + "disposition pour en échanger.");
        wait.until(d -> d.findElements(By.cssSelector("#verification .verdict")).size() == 1
                && !d.findElement(By.cssSelector("#verification .verdict")).getAttribute("class").contains("v-BLOQUANT"));
        clickText("#reponse", "Enregistrer le brouillon");
        visible("#reponse-version");
        settled();
        assertThat(visible("#reponse").getText()).contains("Réponse en cours", "Brouillon");
        page("reponse-brouillon");
        driver.get(url("/reponses/reglages/" + cabinet));
        visible("h1");
        page("reglages-reponses");

        // A dossier opened from the mention; the page captured and sealed; the bundle downloaded.
        driver.get(url("/mentions/" + mention));
        clickText("#dossiers", "Ouvrir un dossier");
        wait.until(d -> path().matches("/dossiers/[0-9a-f-]{36}"));
        var dossier = path();
        clickText("main", "Capturer la page maintenant");
        wait.until(d -> path().equals(dossier) && !d.findElements(By.cssSelector("main a[href^='/preuves/']")).isEmpty());
        page("dossier");
        click("main a[href^='/preuves/']");
        wait.until(d -> path().matches("/preuves/[^/]+"));
        waitUpTo(120).until(d -> !d.findElements(By.cssSelector("#statut .status-SCELLEE")).isEmpty()
                || !d.findElements(By.cssSelector("#statut .status-ECHEC")).isEmpty());
        assertThat(visible("#statut").getText()).as("capture").doesNotContain("Échec");
        clickText("#statut", "Afficher le détail");
        click("main a[href$='/lot']");
        var bundle = waitUpTo(30).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(".zip")).findFirst().orElse(null);
            }
            catch (IOException e) {
                return null;
            }
        });
        try (var zip = new ZipFile(bundle.toFile())) {
            var names = zip.stream().map(java.util.zip.ZipEntry::getName).toList();
            assertThat(names).anyMatch(n -> n.startsWith("manifest")).contains("custody.jsonl");
        }
        // The download is in the chain of custody.
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("main table tbody td")).stream().anyMatch(td -> td.getText().equals("Export")));
        page("preuve-capture");
        driver.get(url("/preuves"));
        visible("main table");
        page("preuves");

        // Back to the dossier: qualification and strategy as suggested, then the platform notice.
        driver.get(url(dossier));
        clickText("main", "Retenir cette qualification");
        wait.until(d -> text().contains("Choisir cette stratégie"));
        clickText("main", "Choisir cette stratégie");
        wait.until(d -> !d.findElements(By.cssSelector("#letter-type")).isEmpty());
        clickText("main", "Rédiger le courrier");
        wait.until(d -> text().contains("Courrier rédigé"));
        page("dossier-courrier");
        click("main ul a[href*='/courriers/']");
        wait.until(d -> path().matches(".*/courriers/[^/]+"));
        assertThat(text()).contains("Éléments obligatoires");
        page("courrier");
        driver.get(url("/dossiers"));
        visible("h1");
        page("dossiers");

        // An export of another site imported: one review recorded, one line refused and said why.
        var csv = uploads.resolve("avis-pagesjaunes.csv");
        Files.writeString(csv, "source;auteur;note;texte;date\n"
                + "PagesJaunes;Marie L.;5;Médecin attentif et ponctuel, merci.;2026-11-02\n"
                + "PagesJaunes;Luc B.;9;Une note qui n'existe pas.;2026-11-03\n");
        driver.get(url("/import"));
        visible("#file").sendKeys(csv.toAbsolutePath().toString());
        page("import");
        clickText("main", "Importer");
        wait.until(d -> path().matches("/import/[0-9a-f-]{36}"));
        var figures = driver.findElements(By.cssSelector("main .cards .figure")).stream().map(WebElement::getText).toList();
        assertThat(figures).containsExactly("1", "0", "0", "0", "1");
        assertThat(text()).contains("Lignes non enregistrées");
        page("rapport-import");

        // The alert settings: the digest for new negative mentions, quiet hours at night.
        driver.get(url("/alertes/preferences"));
        var modes = driver.findElements(By.cssSelector("main select")).stream().filter(WebElement::isEnabled).toList();
        assertThat(modes).isNotEmpty();
        var first = modes.get(0);
        var id = first.getAttribute("id");
        var choice = new Select(first);
        var other = choice.getOptions().stream().filter(o -> !o.isSelected()).findFirst().orElseThrow().getAttribute("value");
        choice.selectByValue(other);
        // Debian's Chromium without chromium-l10n has only its en-US locale, whose time fields take a 12-hour clock:
        // the hours are set as the field's own picker would set them.
        time("#quietFrom", "22:00");
        time("#quietTo", "07:30");
        page("alertes-preferences");
        clickText("main", "Enregistrer");
        wait.until(d -> text().contains("Vos réglages d'alerte sont enregistrés."));
        assertThat(new Select(visible("#" + id)).getFirstSelectedOption().getAttribute("value")).isEqualTo(other);
        assertThat(visible("#quietFrom").getAttribute("value")).isEqualTo("22:00");
        assertThat(visible("#quietTo").getAttribute("value")).isEqualTo("07:30");
        page("alertes-enregistrees");
        driver.get(url("/alertes"));
        visible("h1");
        page("alertes");

        // The dashboard now counts the mention under its source.
        driver.get(url("/"));
        assertThat(visible("h1").getText()).isEqualTo("Tableau de bord");
        assertThat(text()).contains("Google");
        page("tableau-de-bord");
    }

}
