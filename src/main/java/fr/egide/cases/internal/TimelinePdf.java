package fr.egide.cases.internal;

import fr.egide.cases.Dossier;
import fr.egide.system.EgideVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The dossier as a PDF for the lawyer: summary, qualification with its reminder, impact, strategy, the mentions
 * quoted, the deadlines with their bases, the evidence with their digests, and the whole timeline. Standard 14 fonts
 * only (nothing to embed); a character they cannot draw is replaced by its base letter or "?".
 */
final class TimelinePdf implements AutoCloseable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH)
        .withZone(ZoneId.of("Europe/Paris"));

    private static final float MARGIN = 50;

    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();

    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PDPageContentStream out;

    private float y;

    private TimelinePdf() {
    }

    static byte[] of(Dossier dossier, String cabinetName) {
        try (var pdf = new TimelinePdf()) {
            return pdf.write(dossier, cabinetName);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private byte[] write(Dossier d, String cabinetName) throws IOException {
        newPage();
        line(bold, 16, "Dossier " + d.reference() + " — " + d.title());
        line(regular, 10, "Cabinet : " + cabinetName + ". Établi par Égide " + EgideVersion.current() + " le " + WHEN.format(Instant.now()) + ".");
        y -= 8;
        heading("Synthèse");
        field("Étape", d.stage().label() + (d.outcome() == null ? "" : " — issue : " + d.outcome().label()));
        field("Ouvert le", WHEN.format(d.createdAt()));
        if (d.prescribedAt() != null) {
            field("Prescription", "délai de l'action pénale dépassé sans action (constaté le " + WHEN.format(d.prescribedAt()) + ")");
        }
        field("Qualification retenue", d.qualification() == null ? "non choisie"
                : d.qualification().label() + " (" + d.qualification().basis() + ")"
                        + (d.qualificationReason() == null ? "" : " — " + d.qualificationReason()));
        paragraph(regular, 9, "Rappel : seul un juge qualifie un contenu. La diffamation et l'injure (loi du 29 juillet 1881) et le "
                + "dénigrement (code civil, art. 1240) sont des voies exclusives l'une de l'autre pour les mêmes propos.");
        if (d.impact() != null) {
            field("Impact", d.impact().score() + "/100");
            for (var factor : d.impact().factors()) {
                paragraph(regular, 9, "  " + factor.criterion() + " : " + factor.value() + " (" + factor.points() + " pts) — " + factor.explanation());
            }
        }
        field("Stratégie", (d.strategy() == null ? "non choisie" : d.strategy().name())
                + (d.recommendedStrategy() == null ? "" : " (recommandée par l'analyse : " + d.recommendedStrategy() + ")")
                + (d.strategyReason() == null ? "" : " — " + d.strategyReason()));
        heading("Contenus concernés (texte public cité)");
        if (d.mentions().isEmpty()) {
            paragraph(regular, 10, "Aucune mention.");
        }
        for (var m : d.mentions()) {
            field("Source", m.sourceName() + (m.url() == null ? "" : " — " + m.url()));
            field("Auteur (pseudonyme)", m.author() == null ? "non affiché" : m.author());
            field("Publication", (m.publishedRaw() == null ? "date inconnue" : m.publishedRaw())
                    + (m.publishedEarliest() == null ? "" : " (au plus tôt le " + WHEN.format(m.publishedEarliest()) + ")"));
            paragraph(regular, 10, "« " + m.text() + " »");
            y -= 4;
        }
        heading("Délais");
        if (d.deadlines().isEmpty()) {
            paragraph(regular, 10, "Aucun délai : la qualification retenue n'en ouvre pas.");
        }
        for (var deadline : d.deadlines()) {
            paragraph(regular, 10, "• " + deadline.label() + " : " + (deadline.date() == null ? "non calculable — " + deadline.missing()
                    : "dernier jour le " + deadline.date() + (deadline.approximate() ? " (date approchée, côté sûr)" : ""))
                    + (deadline.passed() ? " — DÉPASSÉ" : "") + ". " + deadline.basis() + ". Origine : " + deadline.origin() + ".");
        }
        heading("Preuves");
        if (d.evidence().isEmpty()) {
            paragraph(regular, 10, "Aucune preuve jointe.");
        }
        for (var e : d.evidence()) {
            paragraph(regular, 10, "• " + ("LOT_SCELLE".equals(e.kind()) ? "Capture scellée " + e.captureId() + " (" + e.captureStatus() + ", "
                    + e.url() + ")" : "Capture d'écran " + e.fileName() + " (" + e.size() + " octets)") + ", jointe le " + WHEN.format(e.addedAt())
                    + ". SHA-256 : " + e.sha256());
        }
        heading("Courriers");
        if (d.letters().isEmpty()) {
            paragraph(regular, 10, "Aucun courrier.");
        }
        for (var l : d.letters()) {
            paragraph(regular, 10, "• " + l.title() + ", généré le " + WHEN.format(l.createdAt())
                    + (l.sent() ? ", envoyé le " + l.sentOn() + " (" + l.channel() + (l.registeredNumber() == null ? "" : ", n° " + l.registeredNumber()) + ")"
                            : ", non envoyé"));
        }
        heading("Chronologie");
        for (var entry : d.timeline()) {
            paragraph(regular, 9, WHEN.format(entry.at()) + " — " + (entry.userName() == null ? "Égide" : entry.userName()) + " — " + entry.kind()
                    + " : " + entry.detail());
        }
        out.close();
        var bytes = new ByteArrayOutputStream();
        document.save(bytes);
        return bytes.toByteArray();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        var page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void heading(String text) throws IOException {
        y -= 8;
        line(bold, 12, text);
        y -= 2;
    }

    private void field(String name, String value) throws IOException {
        paragraph(regular, 10, name + " : " + value);
    }

    private void line(PDFont font, float size, String text) throws IOException {
        paragraph(font, size, text);
    }

    private void paragraph(PDFont font, float size, String text) throws IOException {
        for (var row : wrap(font, size, drawable(font, text == null ? "" : text))) {
            if (y < MARGIN + size) {
                newPage();
            }
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y - size);
            out.showText(row);
            out.endText();
            y -= size * 1.35f;
        }
    }

    private List<String> wrap(PDFont font, float size, String text) throws IOException {
        var rows = new ArrayList<String>();
        for (var paragraph : text.split("\\R")) {
            var row = new StringBuilder();
            for (var word : paragraph.split(" ")) {
                var candidate = row.isEmpty() ? word : row + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > WIDTH && !row.isEmpty()) {
                    rows.add(row.toString());
                    row = new StringBuilder(word);
                }
                else {
                    row = new StringBuilder(candidate);
                }
                while (font.getStringWidth(row.toString()) / 1000 * size > WIDTH && row.length() > 1) {
                    var cut = row.length() - 1;
                    while (cut > 1 && font.getStringWidth(row.substring(0, cut)) / 1000 * size > WIDTH) {
                        cut--;
                    }
                    rows.add(row.substring(0, cut));
                    row = new StringBuilder(row.substring(cut));
                }
            }
            rows.add(row.toString());
        }
        return rows;
    }

    /** What WinAnsi cannot encode becomes its base letter (accents stripped) or "?". */
    private static String drawable(PDFont font, String text) {
        var result = new StringBuilder();
        text.codePoints().forEach(cp -> {
            var character = new String(Character.toChars(cp));
            if (cp == '\t') {
                result.append(' ');
                return;
            }
            if (Character.isISOControl(cp)) {
                return;
            }
            if (encodable(font, character)) {
                result.append(character);
                return;
            }
            var base = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            result.append(!base.isEmpty() && encodable(font, base) ? base : switch (cp) {
                case '\u2019', '\u2018' -> "'";
                case '\u201c', '\u201d' -> "\"";
                case '\u202f', '\u00a0' -> " ";
                default -> "?";
            });
        });
        return result.toString();
    }

    private static boolean encodable(PDFont font, String character) {
        try {
            font.encode(character);
            return true;
        }
        catch (IOException | IllegalArgumentException ex) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        document.close();
    }

}
