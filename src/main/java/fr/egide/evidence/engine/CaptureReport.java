package fr.egide.evidence.engine;

import fr.egide.system.EgideVersion;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;

/**
 * The French report of a web-page capture ({@code report.pdf}), laid out like a constat: the request, the capture
 * environment, the steps and the screenshots, the files with their SHA-256 digests, the timestamps, the limits and
 * how anyone can check the bundle. Times are shown in Paris time and in UTC, because the bundle's files are in UTC
 * and a reader thinks in Paris time.
 * <p>
 * Only the Standard 14 fonts are used (WinAnsi encoding, no font file to embed or trust): a character they cannot
 * show is replaced by a close equivalent ("→" by "->") or by "?", never an exception. A screenshot is scaled down to
 * the printable width and sliced over as many pages as it needs, each slice naming the rows it shows; beyond
 * {@value #MAX_IMAGE_PAGES} pages of screenshots the rest is named as not reproduced, here and among the limits.
 */
public final class CaptureReport {

    /** Pages of screenshots at most: a 40,000 px page would otherwise make a report nobody prints. */
    public static final int MAX_IMAGE_PAGES = 12;

    /** One file of the bundle: its path (with "/"), SHA-256 in lower-case hex, size in bytes. */
    public record FileDigest(String path, String sha256, long size) {
    }

    /** One RFC 3161 token over the manifest: its file in the bundle, the authority, its time and serial number. */
    public record Token(String file, String authority, Instant time, String serial) {
    }

    /** One screenshot (PNG) and what it shows. */
    public record Image(Path png, String caption) {
    }

    /**
     * What the report states.
     *
     * @param environment content of environment.json: nested maps, lists, strings, numbers and booleans
     * @param steps each with "heure" (ISO instant), "etape" and "detail"
     * @param images screenshots in order; empty when there are none
     * @param limits stated limits of this capture, shown as given
     */
    public record Content(String captureId, String url, String finalUrl, String requestedBy, String reason,
            Instant startedAt, Instant endedAt, Map<String, Object> environment, List<Map<String, Object>> steps,
            List<Image> images, List<FileDigest> files, String manifestSha256, List<Token> tokens,
            List<String> limits) {
    }

    static final String CAVEAT = "Cette capture est un élément de fait soumis à l'appréciation du juge ; "
            + "un constat établi par un commissaire de justice reste la référence.";

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*");

    public void write(Content content, Path pdf) throws IOException {
        Objects.requireNonNull(content, "content");
        // Screenshots are compressed into temporary files rather than kept in memory until the save.
        try (var document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            new Composer(document, content).compose();
            var info = document.getDocumentInformation();
            info.setTitle(Composer.clean("Rapport de capture " + text(content.captureId())));
            info.setCreator("Égide " + EgideVersion.current());
            document.getDocumentCatalog().setLanguage("fr-FR");
            try (var out = new BufferedOutputStream(Files.newOutputStream(pdf))) {
                document.save(out);
            }
        }
    }

    /** "25/11/2026 15:07:24 (heure de Paris) — 2026-11-25T14:07:24Z" */
    static String both(Instant time) {
        if (time == null) {
            return "non enregistrée";
        }
        return DATE_TIME.format(time.atZone(PARIS)) + " (heure de Paris) — " + time;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? "non précisé" : value;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (!(value instanceof String string) || !ISO_DATE.matcher(string).matches()) {
            return null;
        }
        try {
            return Instant.parse(string);
        }
        catch (DateTimeParseException ex) {
            try {
                return OffsetDateTime.parse(string).toInstant();
            }
            catch (DateTimeParseException again) {
                try {
                    return ZonedDateTime.parse(string).toInstant();
                }
                catch (DateTimeParseException last) {
                    return null;
                }
            }
        }
    }

    /** A value of environment.json as a reader should see it: dates in both zones, booleans in French. */
    private static String value(Object value) {
        if (value == null) {
            return "(vide)";
        }
        if (value instanceof Boolean bool) {
            return bool ? "oui" : "non";
        }
        var time = instant(value);
        return time != null ? both(time) : String.valueOf(value);
    }

    /** Nested maps become "clé.sous-clé", lists of plain values are joined, lists of structures are numbered. */
    private static void flatten(String key, Object value, Map<String, String> lines) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(key.isEmpty() ? String.valueOf(k) : key + "." + k, v, lines));
        }
        else if (value instanceof Collection<?> || value instanceof Object[]) {
            List<Object> items = value instanceof Collection<?> collection ? new ArrayList<>(collection)
                    : Arrays.asList((Object[]) value);
            var plain = items.stream()
                .noneMatch(item -> item instanceof Map<?, ?> || item instanceof Collection<?> || item instanceof Object[]);
            if (plain) {
                lines.put(key, items.isEmpty() ? "(vide)"
                        : String.join(", ", items.stream().map(CaptureReport::value).toList()));
            }
            else {
                for (int i = 0; i < items.size(); i++) {
                    flatten(key + "[" + (i + 1) + "]", items.get(i), lines);
                }
            }
        }
        else {
            lines.put(key, value instanceof Map<?, ?> ? "(vide)" : value(value));
        }
    }

    /** A value on one line: "clé : valeur ; clé : valeur" for a structure. */
    private static String inline(Object value) {
        var lines = new LinkedHashMap<String, String>();
        flatten("", value, lines);
        var parts = new ArrayList<String>();
        lines.forEach((key, text) -> parts.add(key.isEmpty() ? text : key + " : " + text));
        return String.join(" ; ", parts);
    }

    /** Text in one font and size; pieces of a line may differ. */
    private record Run(PDFont font, float size, String text) {
    }

    private record Piece(PDFont font, float size, String text, float width) {
    }

    private record Line(List<Piece> pieces, float width, float height) {
    }

    /** Lays the report out page by page: a cursor going down, a new page when the next block does not fit. */
    private static final class Composer {

        private static final PDRectangle A4 = PDRectangle.A4;

        private static final float MARGIN = 56.7f;

        private static final float TOP = 56.7f;

        private static final float BOTTOM = 62f;

        private static final float LEADING = 1.3f;

        private static final float BODY = 10f;

        private static final float SMALL = 8f;

        private static final float HASH = 7f;

        private static final float MIN_SLICE = 120f;

        private static final float SLICE_LABEL = SMALL * LEADING + 1;

        private static final Pattern TOKEN = Pattern.compile("\\S+ *| +");

        private static final Pattern MARKS = Pattern.compile("\\p{M}+");

        private static final Map<Integer, String> REPLACEMENTS = replacements();

        private static final Map<Integer, Boolean> ENCODABLE = new ConcurrentHashMap<>();

        /** Used only to ask what the fonts can encode, never added to a document. */
        private static final PDFont[] CHECKED = { new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD),
                new PDType1Font(Standard14Fonts.FontName.COURIER) };

        private final PDDocument document;

        private final Content content;

        private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

        private final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER);

        private final Set<Integer> imagePages = new HashSet<>();

        private final List<String> limits;

        private PDPageContentStream out;

        private float y;

        private int pageIndex = -1;

        private boolean headingPending;

        Composer(PDDocument document, Content content) {
            this.document = document;
            this.content = content;
            this.limits = new ArrayList<>(orEmpty(content.limits()));
        }

        void compose() throws IOException {
            newPage();
            title();
            request();
            environment();
            steps();
            images();
            files();
            tokens();
            limits();
            verification();
            out.close();
            out = null;
            footers();
        }

        private void title() throws IOException {
            paragraph(List.of(new Run(bold, 18f, "Rapport de capture de page web")), 0);
            y -= 4;
            paragraph(List.of(new Run(bold, 12f, "Capture "), new Run(regular, 12f, text(content.captureId()))), 0);
            paragraph(List.of(new Run(regular, BODY, "Établi par Égide " + EgideVersion.current())), 0);
            y -= 4;
            out.setStrokingColor(0.6f);
            out.setLineWidth(0.6f);
            out.moveTo(MARGIN, y);
            out.lineTo(A4.getWidth() - MARGIN, y);
            out.stroke();
        }

        private void request() throws IOException {
            heading("1. Demande");
            field("Demandée par", text(content.requestedBy()));
            field("Motif", text(content.reason()));
            field("Adresse demandée", text(content.url()));
            var finalUrl = content.finalUrl();
            field("Adresse finale (après redirections)", finalUrl == null || finalUrl.isBlank() ? "non enregistrée"
                    : finalUrl.equals(content.url()) ? finalUrl + " (identique)" : finalUrl);
            field("Début de la capture", both(content.startedAt()));
            field("Fin de la capture", both(content.endedAt()));
        }

        private void environment() throws IOException {
            heading("2. Environnement de capture");
            var environment = content.environment();
            if (environment == null || environment.isEmpty()) {
                paragraph(List.of(new Run(regular, BODY, "Aucune information d'environnement n'a été enregistrée.")), 0);
                return;
            }
            var lines = new LinkedHashMap<String, String>();
            flatten("", environment, lines);
            for (var line : lines.entrySet()) {
                field(line.getKey(), line.getValue());
            }
        }

        private void steps() throws IOException {
            heading("3. Déroulé des opérations");
            paragraph(List.of(new Run(regular, BODY, "Heures de Paris. La capture a commencé le "
                    + both(content.startedAt()) + " et s'est terminée le " + both(content.endedAt()) + ".")), 0);
            y -= 3;
            var steps = orEmpty(content.steps());
            if (steps.isEmpty()) {
                paragraph(List.of(new Run(regular, BODY, "Aucune étape enregistrée.")), 0);
            }
            var day = content.startedAt() == null ? null : content.startedAt().atZone(PARIS).toLocalDate();
            for (var step : steps) {
                if (step == null) {
                    continue;
                }
                var time = instant(step.get("heure"));
                var when = time == null ? String.valueOf(step.getOrDefault("heure", "heure inconnue"))
                        : time.atZone(PARIS).toLocalDate().equals(day) ? TIME.format(time.atZone(PARIS))
                                : DATE_TIME.format(time.atZone(PARIS));
                var runs = new ArrayList<Run>();
                runs.add(new Run(bold, BODY, when));
                runs.add(new Run(regular, BODY, " — "));
                runs.add(new Run(bold, BODY, String.valueOf(step.getOrDefault("etape", "étape"))));
                var detail = step.get("detail");
                var rest = new StringBuilder();
                if (detail != null && !String.valueOf(detail).isBlank()) {
                    rest.append(" : ").append(inline(detail));
                }
                // Whatever else a step recorded is shown too: a report that drops fields is not a faithful one.
                for (var entry : step.entrySet()) {
                    if (!List.of("heure", "etape", "detail").contains(entry.getKey())) {
                        var extra = new LinkedHashMap<String, Object>();
                        extra.put(entry.getKey(), entry.getValue());
                        rest.append(" ; ").append(inline(extra));
                    }
                }
                runs.add(new Run(regular, BODY, rest.toString()));
                paragraph(runs, 0);
                y -= 2;
            }
        }

        /** The image without its alpha channel (a screenshot is opaque), as JPEG needs. */
        private static java.awt.image.BufferedImage opaque(java.awt.image.BufferedImage image) {
            if (!image.getColorModel().hasAlpha()) {
                return image;
            }
            var rgb = new java.awt.image.BufferedImage(image.getWidth(), image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
            var graphics = rgb.createGraphics();
            try {
                graphics.setColor(java.awt.Color.WHITE);
                graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
                graphics.drawImage(image, 0, 0, null);
            }
            finally {
                graphics.dispose();
            }
            return rgb;
        }

        private void images() throws IOException {
            var images = orEmpty(content.images());
            if (images.isEmpty()) {
                subheading("Rendus");
                paragraph(List.of(new Run(regular, BODY, "Aucun rendu : les rendus (captures d'écran) sont absents de "
                        + "cette capture ; seuls les fichiers du lot en témoignent.")), 0);
                limits.add("Aucun rendu (capture d'écran) n'accompagne cette capture.");
                return;
            }
            var notShown = new ArrayList<String>();
            var exhausted = false;
            // Drawn with the first screenshot, so that it does not stay alone at the bottom of a page.
            headingPending = true;
            for (int n = 1; n <= images.size(); n++) {
                var image = images.get(n - 1);
                var file = image == null || image.png() == null ? "fichier inconnu"
                        : String.valueOf(image.png().getFileName());
                var name = "rendu " + n + " (" + file + ")";
                if (exhausted) {
                    notShown.add(name);
                    continue;
                }
                BufferedImage picture = null;
                String problem = null;
                try {
                    picture = image == null || image.png() == null ? null : ImageIO.read(image.png().toFile());
                }
                catch (IOException | RuntimeException ex) {
                    problem = ex.getMessage();
                }
                if (picture == null) {
                    if (headingPending) {
                        subheading("Rendus");
                        headingPending = false;
                    }
                    paragraph(List.of(new Run(bold, BODY, "Rendu " + n + " — "), new Run(regular, BODY, file
                            + " : image illisible" + (problem == null ? "" : " (" + problem + ")")
                            + " ; le fichier est dans le lot de preuve.")), 0);
                    limits.add("Le " + name + " n'a pas pu être lu pour ce rapport ; il est dans le lot de preuve.");
                    continue;
                }
                exhausted = !picture(n, file, image.caption(), picture, name, notShown);
            }
            if (headingPending) {
                subheading("Rendus");
                headingPending = false;
            }
            paragraph(List.of(new Run(regular, SMALL, "Les images ci-dessus reproduisent (en JPEG) les captures d'écran ; "
                    + "les originaux PNG, dont les empreintes figurent à la section 4, sont dans le lot.")), 0);
            if (!notShown.isEmpty()) {
                var line = "Rendus non reproduits dans ce rapport (au-delà de " + MAX_IMAGE_PAGES
                        + " pages d'images) : " + String.join(", ", notShown)
                        + ". Ils figurent en entier dans le lot de preuve.";
                paragraph(List.of(new Run(bold, BODY, line)), 0);
                limits.add(line);
            }
        }

        /** Draws one screenshot, sliced if needed; false when the page budget ran out before its end. */
        private boolean picture(int n, String file, String caption, BufferedImage picture, String name,
                List<String> notShown) throws IOException {
            int width = picture.getWidth();
            int height = picture.getHeight();
            // Scaled down to the printable width, never enlarged: a small image stays at one point per pixel.
            var scale = Math.min(1f, printable() / width);
            var drawnWidth = width * scale;
            var x = MARGIN + (printable() - drawnWidth) / 2;
            var captionLines = wrap(List.of(new Run(bold, BODY, "Rendu " + n + " — "), new Run(regular, BODY,
                    (caption == null || caption.isBlank() ? "sans légende" : caption) + " (" + file + ", " + width
                            + " × " + height + " px)")), printable());
            var captionHeight = height(captionLines) + 3;
            var headingHeight = headingPending ? 8 + 11f * LEADING + 2 : 0;
            var whole = headingHeight + captionHeight + height * scale <= usable();
            if (remaining() < headingHeight + captionHeight + (whole ? height * scale : MIN_SLICE + SLICE_LABEL)) {
                newPage();
            }
            if (headingPending) {
                subheading("Rendus");
                headingPending = false;
            }
            if (!imagePages.contains(pageIndex) && imagePages.size() >= MAX_IMAGE_PAGES) {
                notShown.add(name);
                return false;
            }
            draw(captionLines, 0);
            y -= 3;
            var sliced = height * scale > remaining();
            int top = 0;
            while (top < height) {
                var label = sliced ? SLICE_LABEL : 0;
                if (remaining() - label < Math.min(MIN_SLICE, (height - top) * scale)) {
                    newPage();
                }
                if (!imagePages.contains(pageIndex) && imagePages.size() >= MAX_IMAGE_PAGES) {
                    if (top == 0) {
                        notShown.add(name);
                        return false;
                    }
                    paragraph(List.of(new Run(bold, BODY, "Rendu " + n + " reproduit en partie seulement : lignes 1 à "
                            + top + " sur " + height + " px. L'image entière est dans le lot de preuve.")), 0);
                    notShown.add(name + ", lignes " + (top + 1) + " à " + height);
                    return false;
                }
                int rows = Math.min(height - top, Math.max(1, (int) Math.floor((remaining() - label) / scale)));
                var slice = rows == height ? picture : slice(picture, top, rows);
                // JPEG: ten times faster to write than a lossless copy, and the PNG originals are in the bundle.
                var xobject = JPEGFactory.createFromImage(document, opaque(slice), 0.9f);
                var drawnHeight = rows * scale;
                out.drawImage(xobject, x, y - drawnHeight, drawnWidth, drawnHeight);
                y -= drawnHeight;
                imagePages.add(pageIndex);
                if (sliced) {
                    // In the room kept under the slice, so it stays on the slice's page.
                    var rowsShown = wrap(List.of(new Run(regular, SMALL, "Rendu " + n + ", lignes " + (top + 1) + " à "
                            + (top + rows) + " sur " + height + " px")), printable()).get(0);
                    y -= 1 + rowsShown.height();
                    out.setNonStrokingColor(0.35f);
                    line(rowsShown, x, y);
                    out.setNonStrokingColor(0f);
                }
                top += rows;
            }
            y -= 8;
            return true;
        }

        /** A compact copy of some rows: a sub-image shares its parent's raster, which encoders may read whole. */
        private static BufferedImage slice(BufferedImage picture, int top, int rows) {
            var part = picture.getSubimage(0, top, picture.getWidth(), rows);
            var model = picture.getColorModel();
            var copy = new BufferedImage(model, model.createCompatibleWritableRaster(picture.getWidth(), rows),
                    model.isAlphaPremultiplied(), null);
            part.copyData(copy.getRaster());
            return copy;
        }

        private void files() throws IOException {
            heading("4. Fichiers et empreintes");
            var files = orEmpty(content.files());
            if (files.isEmpty()) {
                paragraph(List.of(new Run(regular, BODY, "Aucun fichier.")), 0);
            }
            else {
                paragraph(List.of(new Run(regular, BODY, "Chaque fichier du lot, sa taille en octets et son empreinte "
                        + "SHA-256 (hexadécimal), telles qu'inscrites dans manifest.json.")), 0);
                y -= 3;
                var hashWidth = width(mono, HASH, "0".repeat(64)) + 1;
                var sizeWidth = 62f;
                var gap = 8f;
                var pathWidth = printable() - hashWidth - sizeWidth - 2 * gap;
                float[] columns = { MARGIN, MARGIN + pathWidth + gap, MARGIN + pathWidth + gap + sizeWidth + gap };
                float[] widths = { pathWidth, sizeWidth, hashWidth };
                row(columns, widths, List.of(new Run(bold, SMALL, "Fichier")), List.of(new Run(bold, SMALL, "Taille (octets)")),
                        List.of(new Run(bold, SMALL, "SHA-256")), true);
                long total = 0;
                for (var file : files) {
                    if (file == null) {
                        continue;
                    }
                    total += file.size();
                    if (row(columns, widths, List.of(new Run(regular, SMALL, text(file.path()))),
                            List.of(new Run(regular, SMALL, Long.toString(file.size()))),
                            List.of(new Run(mono, HASH, text(file.sha256()))), false)) {
                        row(columns, widths, List.of(new Run(bold, SMALL, "Fichier (suite du tableau)")),
                                List.of(new Run(bold, SMALL, "Taille (octets)")), List.of(new Run(bold, SMALL, "SHA-256")),
                                true);
                        row(columns, widths, List.of(new Run(regular, SMALL, text(file.path()))),
                                List.of(new Run(regular, SMALL, Long.toString(file.size()))),
                                List.of(new Run(mono, HASH, text(file.sha256()))), false);
                    }
                }
                y -= 4;
                paragraph(List.of(new Run(regular, BODY, files.size() + (files.size() > 1 ? " fichiers, " : " fichier, ")
                        + total + " octets au total.")), 0);
            }
            y -= 4;
            paragraph(List.of(new Run(bold, BODY, "Empreinte SHA-256 du manifeste (manifest.json) :")), 0);
            var manifest = content.manifestSha256();
            paragraph(List.of(manifest == null || manifest.isBlank() ? new Run(regular, BODY, "non calculée")
                    : new Run(mono, 9f, manifest)), 0);
        }

        /**
         * One table row; true (and nothing drawn) when it does not fit on this page, after which the caller repeats
         * the header on a new page and draws the row again.
         */
        private boolean row(float[] columns, float[] widths, List<Run> path, List<Run> size, List<Run> hash,
                boolean header) throws IOException {
            var cells = List.of(wrap(path, widths[0]), wrap(size, widths[1]), wrap(hash, widths[2]));
            var rowHeight = 4f;
            for (var cell : cells) {
                rowHeight = Math.max(rowHeight, height(cell) + 4);
            }
            if (remaining() < rowHeight) {
                newPage();
                if (!header) {
                    return true;
                }
            }
            var top = y;
            for (int c = 0; c < 3; c++) {
                var lineY = top - 2;
                for (var line : cells.get(c)) {
                    lineY -= line.height();
                    // Sizes are right-aligned so that digits line up.
                    var x = c == 1 ? columns[c] + widths[c] - line.width() : columns[c];
                    line(line, x, lineY);
                }
            }
            y = top - rowHeight;
            out.setStrokingColor(header ? 0.3f : 0.8f);
            out.setLineWidth(header ? 0.6f : 0.3f);
            out.moveTo(MARGIN, y);
            out.lineTo(A4.getWidth() - MARGIN, y);
            out.stroke();
            return false;
        }

        private void tokens() throws IOException {
            heading("5. Horodatages");
            var tokens = orEmpty(content.tokens());
            if (tokens.isEmpty()) {
                paragraph(List.of(new Run(regular, BODY, "Aucun horodatage : le manifeste n'a pas été horodaté par "
                        + "une autorité d'horodatage.")), 0);
                return;
            }
            paragraph(List.of(new Run(regular, BODY, "Chaque jeton RFC 3161 porte sur l'empreinte SHA-256 de "
                    + "manifest.json, donc sur tous les fichiers qu'il énumère.")), 0);
            int n = 0;
            for (var token : tokens) {
                if (token == null) {
                    continue;
                }
                n++;
                y -= 4;
                keepWith(5 * BODY * LEADING + 4);
                paragraph(List.of(new Run(bold, BODY, "Jeton " + n)), 0);
                field("Fichier", text(token.file()), 10);
                field("Autorité", text(token.authority()), 10);
                field("Date", both(token.time()), 10);
                field("Numéro de série", text(token.serial()), 10);
            }
        }

        private void limits() throws IOException {
            heading("6. Limites");
            paragraph(List.of(new Run(regular, BODY, CAVEAT)), 0);
            y -= 3;
            for (var limit : limits) {
                if (limit != null && !limit.isBlank()) {
                    bullet(List.of(new Run(regular, BODY, limit)));
                }
            }
        }

        private void verification() throws IOException {
            heading("7. Comment vérifier");
            var token = orEmpty(content.tokens()).stream()
                .filter(t -> t != null && t.file() != null && !t.file().isBlank())
                .map(Token::file)
                .findFirst()
                .orElse("horodatages/jeton-1.tst");
            bullet(List.of(new Run(regular, BODY, "Avec Égide, hors ligne : "),
                    new Run(mono, 9f, "java -jar egide.jar evidence verify <preuve.zip>")));
            bullet(List.of(new Run(regular, BODY, "Sans Égide : calculer l'empreinte de chaque fichier avec "),
                    new Run(mono, 9f, "sha256sum <fichier>"),
                    new Run(regular, BODY, " et la comparer à celle inscrite dans manifest.json (et au tableau de la "
                            + "section 4).")));
            bullet(List.of(new Run(regular, BODY, "Horodatage, pour chaque jeton : "),
                    new Run(mono, 9f, "openssl ts -verify -data manifest.json -in " + token
                            + " -token_in -CAfile ca.pem -untrusted tsa.pem"),
                    new Run(regular, BODY, " (ca.pem : certificat racine de l'autorité ; tsa.pem : son certificat "
                            + "d'horodatage).")));
            bullet(List.of(new Run(regular, BODY, "Page rejouée : ouvrir archive.wacz dans ReplayWeb.page "
                    + "(https://replayweb.page), qui fonctionne hors ligne une fois chargé.")));
        }

        private void footers() throws IOException {
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                var page = document.getPage(i);
                try (var footer = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true,
                        true)) {
                    var line = wrap(List.of(new Run(regular, SMALL, "Capture " + text(content.captureId()) + " — page "
                            + (i + 1) + " / " + total)), printable()).get(0);
                    out = footer;
                    footer.setNonStrokingColor(0.35f);
                    line(line, Math.max(MARGIN, (A4.getWidth() - line.width()) / 2), 28f);
                }
                finally {
                    out = null;
                }
            }
        }

        private void heading(String title) throws IOException {
            y -= 12;
            keepWith(13f * LEADING + 3 * BODY * LEADING);
            paragraph(List.of(new Run(bold, 13f, title)), 0);
            y -= 3;
        }

        private void subheading(String title) throws IOException {
            y -= 8;
            keepWith(11f * LEADING + 2 * BODY * LEADING);
            paragraph(List.of(new Run(bold, 11f, title)), 0);
            y -= 2;
        }

        private void field(String label, String value) throws IOException {
            field(label, value, 0);
        }

        private void field(String label, String value, float indent) throws IOException {
            paragraph(List.of(new Run(bold, BODY, label + " : "), new Run(regular, BODY, value)), indent);
        }

        private void bullet(List<Run> runs) throws IOException {
            var lines = wrap(runs, printable() - 12);
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                space(line.height());
                y -= line.height();
                if (i == 0) {
                    line(new Line(List.of(new Piece(regular, BODY, "•", 0)), 0, line.height()), MARGIN + 2, y);
                }
                line(line, MARGIN + 12, y);
            }
            y -= 2;
        }

        private void paragraph(List<Run> runs, float indent) throws IOException {
            draw(wrap(runs, printable() - indent), indent);
        }

        private void draw(List<Line> lines, float indent) throws IOException {
            for (var line : lines) {
                space(line.height());
                y -= line.height();
                line(line, MARGIN + indent, y);
            }
        }

        /** Draws a line whose box has its bottom at this height. */
        private void line(Line line, float x, float bottom) throws IOException {
            if (line.pieces().isEmpty()) {
                return;
            }
            out.beginText();
            out.newLineAtOffset(x, bottom + line.height() * 0.25f);
            for (var piece : line.pieces()) {
                out.setFont(piece.font(), piece.size());
                out.showText(piece.text());
            }
            out.endText();
        }

        /** Text cut into lines of at most this width: at spaces, or inside a word (a URL) when it is too long. */
        private List<Line> wrap(List<Run> runs, float maxWidth) throws IOException {
            var lines = new ArrayList<Line>();
            var current = new ArrayList<Piece>();
            var width = 0f;
            var lastSize = runs.isEmpty() ? BODY : runs.get(0).size();
            for (var run : runs) {
                lastSize = run.size();
                var paragraphs = clean(run.text()).split("\n", -1);
                for (int p = 0; p < paragraphs.length; p++) {
                    if (p > 0) {
                        lines.add(line(current, lastSize));
                        current = new ArrayList<>();
                        width = 0f;
                    }
                    var matcher = TOKEN.matcher(paragraphs[p]);
                    while (matcher.find()) {
                        var token = matcher.group();
                        var word = token.stripTrailing();
                        if (word.isEmpty()) {
                            if (!current.isEmpty()) {
                                var w = width(run.font(), run.size(), token);
                                current.add(new Piece(run.font(), run.size(), token, w));
                                width += w;
                            }
                            continue;
                        }
                        var wordWidth = width(run.font(), run.size(), word);
                        if (width + wordWidth <= maxWidth) {
                            var w = width(run.font(), run.size(), token);
                            current.add(new Piece(run.font(), run.size(), token, w));
                            width += w;
                            continue;
                        }
                        if (!current.isEmpty() && wordWidth <= maxWidth) {
                            lines.add(line(current, lastSize));
                            current = new ArrayList<>();
                            var w = width(run.font(), run.size(), token);
                            current.add(new Piece(run.font(), run.size(), token, w));
                            width = w;
                            continue;
                        }
                        // Longer than a line: fill this line and go on with the rest.
                        var rest = token;
                        while (!rest.isEmpty()) {
                            var fits = fitting(run.font(), run.size(), rest, maxWidth - width);
                            if (fits == rest.length()) {
                                var w = width(run.font(), run.size(), rest);
                                current.add(new Piece(run.font(), run.size(), rest, w));
                                width += w;
                                break;
                            }
                            fits = preferredBreak(rest, fits);
                            if (fits == 0) {
                                if (current.isEmpty()) {
                                    fits = 1;
                                }
                                else {
                                    lines.add(line(current, lastSize));
                                    current = new ArrayList<>();
                                    width = 0f;
                                    continue;
                                }
                            }
                            var head = rest.substring(0, fits);
                            current.add(new Piece(run.font(), run.size(), head, width(run.font(), run.size(), head)));
                            lines.add(line(current, lastSize));
                            current = new ArrayList<>();
                            width = 0f;
                            rest = rest.substring(fits);
                        }
                    }
                }
            }
            if (!current.isEmpty() || lines.isEmpty()) {
                lines.add(line(current, lastSize));
            }
            return lines;
        }

        /** A line without its trailing spaces. */
        private Line line(List<Piece> pieces, float defaultSize) throws IOException {
            var kept = new ArrayList<>(pieces);
            while (!kept.isEmpty()) {
                var last = kept.get(kept.size() - 1);
                var stripped = last.text().stripTrailing();
                if (stripped.equals(last.text())) {
                    break;
                }
                kept.remove(kept.size() - 1);
                if (!stripped.isEmpty()) {
                    kept.add(new Piece(last.font(), last.size(), stripped, width(last.font(), last.size(), stripped)));
                    break;
                }
            }
            var size = kept.isEmpty() ? defaultSize : 0f;
            var width = 0f;
            for (var piece : kept) {
                size = Math.max(size, piece.size());
                width += piece.width();
            }
            return new Line(List.copyOf(kept), width, size * LEADING);
        }

        /** How many characters fit in this width; widths simply add up, as PDFBox applies no kerning here. */
        private static int fitting(PDFont font, float size, String text, float room) throws IOException {
            var width = 0f;
            for (int i = 0; i < text.length(); i++) {
                width += width(font, size, text.substring(i, i + 1));
                if (width > room) {
                    return i;
                }
            }
            return text.length();
        }

        /** Cuts a URL after a separator rather than in the middle of a name, when that does not waste half the line. */
        private static int preferredBreak(String text, int fits) {
            for (int i = fits; i > fits / 2 && i > 0; i--) {
                if ("/?&=-_.,;:#".indexOf(text.charAt(i - 1)) >= 0) {
                    return i;
                }
            }
            return fits;
        }

        private static float width(PDFont font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000f * size;
        }

        private static float height(List<Line> lines) {
            var height = 0f;
            for (var line : lines) {
                height += line.height();
            }
            return height;
        }

        private float printable() {
            return A4.getWidth() - 2 * MARGIN;
        }

        private float usable() {
            return A4.getHeight() - TOP - BOTTOM;
        }

        private float remaining() {
            return y - BOTTOM;
        }

        private void space(float height) throws IOException {
            if (remaining() < height) {
                newPage();
            }
        }

        /** A heading is not left alone at the bottom of a page. */
        private void keepWith(float height) throws IOException {
            if (remaining() < height) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            var page = new PDPage(A4);
            document.addPage(page);
            pageIndex++;
            out = new PDPageContentStream(document, page);
            y = A4.getHeight() - TOP;
        }

        /**
         * Text the Standard 14 fonts can show in WinAnsi: line breaks as "\n", other control characters and
         * invisible ones removed, special spaces as spaces, common symbols as ASCII, accented letters outside
         * WinAnsi without their accent, anything else as "?".
         */
        static String clean(String text) {
            if (text == null) {
                return "";
            }
            var normalized = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
            var cleaned = new StringBuilder(normalized.length());
            normalized.codePoints().forEach(cp -> cleaned.append(character(cp)));
            return cleaned.toString();
        }

        private static String character(int cp) {
            if (cp == '\n') {
                return "\n";
            }
            var replacement = REPLACEMENTS.get(cp);
            if (replacement != null) {
                return replacement;
            }
            var type = Character.getType(cp);
            // Invisible characters and combining marks left over by NFC (no precomposed letter) add nothing legible.
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK) {
                return "";
            }
            var single = new String(Character.toChars(cp));
            if (encodable(single)) {
                return single;
            }
            var compatible = Normalizer.normalize(single, Normalizer.Form.NFKC);
            if (!compatible.equals(single) && encodable(compatible)) {
                return compatible;
            }
            var bare = MARKS.matcher(Normalizer.normalize(single, Normalizer.Form.NFKD)).replaceAll("");
            if (!bare.isEmpty() && !bare.equals(single) && encodable(bare)) {
                return bare;
            }
            return "?";
        }

        private static boolean encodable(String text) {
            return text.codePoints().allMatch(cp -> ENCODABLE.computeIfAbsent(cp, Composer::encodable));
        }

        private static boolean encodable(int cp) {
            if (cp > 0xFFFF || Character.isISOControl(cp)) {
                return false;
            }
            var text = new String(Character.toChars(cp));
            synchronized (CHECKED) {
                for (var font : CHECKED) {
                    try {
                        if (font.encode(text).length == 0) {
                            return false;
                        }
                    }
                    catch (IOException | IllegalArgumentException ex) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static Map<Integer, String> replacements() {
            var map = new HashMap<Integer, String>();
            for (int space : new int[] { 0x00A0, 0x202F, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
                    0x2008, 0x2009, 0x200A, 0x205F, 0x3000, '\t' }) {
                map.put(space, " ");
            }
            for (int invisible : new int[] { 0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF }) {
                map.put(invisible, "");
            }
            for (int dash : new int[] { 0x2010, 0x2011, 0x2012, 0x2212, 0x2043 }) {
                map.put(dash, "-");
            }
            map.put(0x2015, "—");
            map.put(0x2192, "->");
            map.put(0x2190, "<-");
            map.put(0x2194, "<->");
            map.put(0x21D2, "=>");
            map.put(0x21D0, "<=");
            map.put(0x27F6, "->");
            map.put(0x2264, "<=");
            map.put(0x2265, ">=");
            map.put(0x2260, "!=");
            map.put(0x2248, "~");
            map.put(0x2713, "v");
            map.put(0x2714, "v");
            map.put(0x2717, "x");
            map.put(0x2718, "x");
            map.put(0x2715, "x");
            map.put(0x2032, "'");
            map.put(0x2033, "\"");
            map.put(0x2605, "*");
            map.put(0x2606, "*");
            map.put(0x2B50, "*");
            map.put(0x2116, "No");
            // Letters NFKD does not decompose.
            map.put(0x0141, "L");
            map.put(0x0142, "l");
            map.put(0x0110, "D");
            map.put(0x0111, "d");
            map.put(0x0131, "i");
            return Map.copyOf(map);
        }

    }

}
