package fr.egide.evidence;

import fr.egide.evidence.engine.CaptureReport;
import fr.egide.evidence.engine.CaptureReport.Content;
import fr.egide.evidence.engine.CaptureReport.FileDigest;
import fr.egide.evidence.engine.CaptureReport.Image;
import fr.egide.evidence.engine.CaptureReport.Token;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The French report of a capture: every section in order, the digests and the limits as stated, characters the
 * Standard 14 fonts lack replaced rather than fatal, a tall screenshot sliced over pages, a page budget for
 * screenshots that names what it leaves out, and a report without screenshots that says so.
 */
class CaptureReportTests {

    static final String MANIFEST = "5f2b8c0d9e1a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4";

    static final String PAGE_HASH = "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    static final List<String> HEADINGS = List.of("Rapport de capture de page web", "1. Demande",
            "2. Environnement de capture", "3. Déroulé des opérations", "4. Fichiers et empreintes", "5. Horodatages",
            "6. Limites", "7. Comment vérifier");

    @TempDir
    Path work;

    @Test
    void reportStatesEverySectionAndSlicesTheTallScreenshot() throws Exception {
        var small = png("consentement.png", 1280, 720);
        var tall = png("page.png", 1280, 6000);
        var content = content(List.of(new Image(small, "Bandeau de consentement avant le clic"),
                new Image(tall, "Page entière \uD83D\uDE00 après défilement")),
                List.of("Défilement plafonné à 20\u202F000\u00A0px → la suite de la page n'est pas rendue",
                        "Fenêtre de 1280 × 720 px"));

        var text = write(content);

        assertThat(text).containsSubsequence(HEADINGS);
        assertThat(text).contains("Établi par Égide dev", "Capture CAP-2026-0042",
                "https://avis.example/cabinet-des-tilleuls?tri=recent", "Demandée par : Dr Camille Exemple");
        assertThat(text).contains("debut : 25/11/2026 15:07:24 (heure de Paris) — 2026-11-25T14:07:24Z",
                "reseau.dns : 192.0.2.53, 192.0.2.54", "reseau.proxy : non");
        assertThat(text).contains("15:07:26 — navigation");
        assertThat(text).contains(MANIFEST, PAGE_HASH, "6000");
        assertThat(text).contains("TSA Exemple", "04A1F3", "25/11/2026 15:07:31 (heure de Paris) — 2026-11-25T14:07:31Z");
        assertThat(text).contains("Cette capture est un élément de fait soumis à l'appréciation du juge ; "
                + "un constat établi par un commissaire de justice reste la référence.");
        // Characters WinAnsi lacks are replaced, those it has are kept.
        assertThat(text).contains("Défilement plafonné à 20 000 px -> la suite de la page n'est pas rendue",
                "Fenêtre de 1280 × 720 px", "Page entière ? après défilement");
        assertThat(text).contains("Rendu 2, lignes 1 à ", " sur 6000 px");
        assertThat(text).contains("java -jar egide.jar evidence verify <preuve.zip>", "sha256sum",
                "openssl ts -verify -data manifest.json -in horodatages/jeton-1.tst -token_in -CAfile ca.pem -untrusted tsa.pem",
                "https://replayweb.page");
        assertThat(text).doesNotContain("non reproduits");
        try (var pdf = Loader.loadPDF(work.resolve("report.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            assertThat(text).contains("Capture CAP-2026-0042 — page 1 / " + pdf.getNumberOfPages(),
                    "page " + pdf.getNumberOfPages() + " / " + pdf.getNumberOfPages());
            // The small screenshot whole, the tall one in several slices.
            assertThat(images(pdf)).isGreaterThan(3);
        }
    }

    @Test
    void withoutScreenshotsTheReportSaysTheRenderingsAreAbsent() throws Exception {
        var content = content(List.of(), List.of("Chromium introuvable : texte obtenu sans navigateur"));

        var text = write(content);

        assertThat(text).containsSubsequence(HEADINGS);
        assertThat(text).contains("Aucun rendu", "Chromium introuvable : texte obtenu sans navigateur");
        try (var pdf = Loader.loadPDF(work.resolve("report.pdf").toFile())) {
            assertThat(images(pdf)).isZero();
        }
    }

    @Test
    void screenshotsBeyondTwelvePagesAreNamedAndLeftInTheBundle() throws Exception {
        // 400 px wide, drawn at one point per pixel: each screenshot takes about nine pages.
        var images = new ArrayList<Image>();
        for (int i = 1; i <= 3; i++) {
            images.add(new Image(png("defilement-" + i + ".png", 400, 6000), "Partie " + i));
        }
        var content = content(images, List.of());

        var text = write(content);

        assertThat(text).contains("Rendu 2 reproduit en partie seulement : lignes 1 à ",
                "Rendus non reproduits dans ce rapport (au-delà de 12 pages d'images) : rendu 2 (defilement-2.png), lignes",
                "rendu 3 (defilement-3.png). Ils figurent en entier dans le lot de preuve.");
        // Stated again among the limits.
        assertThat(text.substring(text.indexOf("6. Limites"))).contains("Rendus non reproduits");
        try (var pdf = Loader.loadPDF(work.resolve("report.pdf").toFile())) {
            var pagesWithImages = 0;
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        pagesWithImages++;
                        break;
                    }
                }
            }
            assertThat(pagesWithImages).isEqualTo(CaptureReport.MAX_IMAGE_PAGES);
        }
    }

    String write(Content content) throws Exception {
        var report = work.resolve("report.pdf");
        new CaptureReport().write(content, report);
        try (var pdf = Loader.loadPDF(report.toFile())) {
            // Lines are joined: a sentence may be wrapped anywhere.
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    static int images(PDDocument pdf) throws Exception {
        var count = 0;
        for (var page : pdf.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                    count++;
                }
            }
        }
        return count;
    }

    Path png(String name, int width, int height) throws Exception {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var row = new int[width];
        for (int y = 0; y < height; y++) {
            // Bands every 100 rows, so that a slice shows where it starts.
            Arrays.fill(row, (y / 100) % 2 == 0 ? 0xF4F1EA : 0x2E5C8A);
            Arrays.fill(row, 0, Math.min(20, width), 0xC0392B);
            image.getRaster().setDataElements(0, y, width, 1, row);
        }
        var file = work.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    static Content content(List<Image> images, List<String> limits) {
        var environment = new LinkedHashMap<String, Object>();
        environment.put("debut", "2026-11-25T14:07:24Z");
        environment.put("fin", "2026-11-25T14:07:30.250Z");
        environment.put("navigateur", "Chromium 156.0");
        environment.put("egide", "dev");
        environment.put("reseau", Map.of("dns", List.of("192.0.2.53", "192.0.2.54"), "proxy", false));
        environment.put("fuseauHoraire", "Europe/Paris");
        var steps = List.<Map<String, Object>>of(
                Map.of("heure", "2026-11-25T14:07:24Z", "etape", "démarrage", "detail", "profil neuf, cache vide"),
                Map.of("heure", "2026-11-25T14:07:26Z", "etape", "navigation", "detail",
                        "https://avis.example/cabinet-des-tilleuls?tri=recent&page=1&" + "x".repeat(150)),
                Map.of("heure", "2026-11-25T14:07:29Z", "etape", "rendus", "detail", "PNG pleine page 1280 × 6000 px"));
        var files = List.of(new FileDigest("rendus/page.png", PAGE_HASH, 1_234_567),
                new FileDigest("environment.json", "b".repeat(64), 412),
                new FileDigest("archive.wacz", "c".repeat(64), 98_765));
        return new Content("CAP-2026-0042", "https://avis.example/cabinet-des-tilleuls?tri=recent",
                "https://avis.example/cabinet-des-tilleuls?tri=recent", "Dr Camille Exemple",
                "Avis injurieux publié sur la fiche du cabinet", Instant.parse("2026-11-25T14:07:24Z"),
                Instant.parse("2026-11-25T14:07:30.250Z"), environment, steps, images, files, MANIFEST,
                List.of(new Token("horodatages/jeton-1.tst", "TSA Exemple", Instant.parse("2026-11-25T14:07:31Z"), "04A1F3")),
                limits);
    }

}
