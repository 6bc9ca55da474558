package fr.egide.letters.engine;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import fr.egide.letters.LetterDraft;
import fr.egide.letters.Paragraph;
import fr.egide.letters.ParagraphKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.util.logging.Level;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/**
 * A draft as a PDF (openhtmltopdf from XHTML, A4, PDF base fonts Times and Helvetica: accented letters, « », €
 * and œ are in their WinAnsi encoding) and as an editable DOCX (POI XWPF, A4, Times New Roman). Both follow the
 * French layout: sender top left, recipient on the right, place and date, means of sending, subject, body,
 * signature. French typography (non-breaking space before « : ; ! ? » and inside « ») is applied here only.
 */
public final class LetterExport {

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    static {
        // openhtmltopdf logs every step of every render at INFO; only its warnings are worth the log.
        for (var logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private LetterExport() {
    }

    public static byte[] pdf(LetterDraft draft) {
        var html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"/><title>").append(xml(draft.title()))
                .append("</title><style>")
                .append("@page { size: A4; margin: 20mm 20mm 22mm 22mm; @bottom-right { content: counter(page) ' / ' counter(pages);"
                        + " font-family: sans-serif; font-size: 8pt; color: #555; } }")
                .append("body { font-family: serif; font-size: 11pt; line-height: 1.35; }")
                .append(".sender { width: 55%; } .sender div, .recipient div { margin: 0; }")
                .append(".recipient { margin-left: 52%; margin-top: 10mm; }")
                .append(".date { text-align: right; margin-top: 10mm; }")
                .append(".sending { font-weight: bold; margin-top: 6mm; }")
                .append(".subject { font-weight: bold; margin-top: 4mm; margin-bottom: 6mm; }")
                .append("p { text-align: justify; margin: 0 0 3mm 0; }")
                .append("h2 { font-family: sans-serif; font-size: 11pt; margin: 5mm 0 2mm 0; }")
                // Lists hold web addresses: justified, a long address would be spread letter by letter.
                .append("ul { margin: 0 0 3mm 0; padding-left: 6mm; } li { margin-bottom: 1.5mm; text-align: left; }")
                .append("blockquote { margin: 0 0 3mm 8mm; padding-left: 3mm; border-left: 1pt solid #777; font-style: italic;"
                        + " word-wrap: break-word; }")
                .append(".signature { margin-left: 52%; margin-top: 10mm; }")
                .append("* { word-wrap: break-word; }")
                .append("</style></head><body>");
        html.append("<div class=\"sender\">");
        draft.sender().forEach(line -> html.append("<div>").append(xml(line)).append("</div>"));
        html.append("</div><div class=\"recipient\">");
        draft.recipient().forEach(line -> html.append("<div>").append(xml(line)).append("</div>"));
        html.append("</div><div class=\"date\">").append(xml(draft.placeAndDate())).append("</div>");
        if (draft.registeredMail() != null) {
            html.append("<div class=\"sending\">").append(xml(draft.registeredMail())).append("</div>");
        }
        html.append("<div class=\"subject\">Objet : ").append(xml(draft.subject())).append("</div>");
        var inList = false;
        for (var paragraph : draft.paragraphs()) {
            if (paragraph.kind() == ParagraphKind.ITEM && !inList) {
                html.append("<ul>");
                inList = true;
            }
            else if (paragraph.kind() != ParagraphKind.ITEM && inList) {
                html.append("</ul>");
                inList = false;
            }
            switch (paragraph.kind()) {
                case HEADING -> html.append("<h2>").append(xml(paragraph.text())).append("</h2>");
                case ITEM -> html.append("<li>").append(xml(paragraph.text())).append("</li>");
                case QUOTE -> html.append("<blockquote>").append(xml("« " + paragraph.text() + " »")).append("</blockquote>");
                case TEXT -> html.append("<p>").append(xml(paragraph.text())).append("</p>");
            }
        }
        if (inList) {
            html.append("</ul>");
        }
        html.append("<div class=\"signature\">");
        draft.signature().forEach(line -> html.append("<div>").append(xml(line)).append("</div>"));
        html.append("</div></body></html>");
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static byte[] docx(LetterDraft draft) {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            var section = document.getDocument().getBody().addNewSectPr();
            var size = section.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            var margins = section.addNewPgMar();
            margins.setTop(BigInteger.valueOf(1134));
            margins.setBottom(BigInteger.valueOf(1247));
            margins.setLeft(BigInteger.valueOf(1247));
            margins.setRight(BigInteger.valueOf(1134));
            var title = document.getProperties().getCoreProperties();
            title.setTitle(draft.title());
            for (var line : draft.sender()) {
                line(document, line, ParagraphAlignment.LEFT, 0, false, false, 0);
            }
            line(document, "", ParagraphAlignment.LEFT, 0, false, false, 0);
            for (var line : draft.recipient()) {
                line(document, line, ParagraphAlignment.LEFT, 5100, false, false, 0);
            }
            line(document, "", ParagraphAlignment.LEFT, 0, false, false, 0);
            line(document, draft.placeAndDate(), ParagraphAlignment.RIGHT, 0, false, false, 240);
            if (draft.registeredMail() != null) {
                line(document, draft.registeredMail(), ParagraphAlignment.LEFT, 0, true, false, 120);
            }
            line(document, "Objet : " + draft.subject(), ParagraphAlignment.LEFT, 0, true, false, 240);
            for (Paragraph paragraph : draft.paragraphs()) {
                switch (paragraph.kind()) {
                    case HEADING -> line(document, paragraph.text(), ParagraphAlignment.LEFT, 0, true, false, 120);
                    case ITEM -> line(document, "– " + paragraph.text(), ParagraphAlignment.BOTH, 340, false, false, 80);
                    case QUOTE -> line(document, "« " + paragraph.text() + " »", ParagraphAlignment.BOTH, 567, false, true, 160);
                    case TEXT -> line(document, paragraph.text(), ParagraphAlignment.BOTH, 0, false, false, 160);
                }
            }
            line(document, "", ParagraphAlignment.LEFT, 0, false, false, 0);
            for (var line : draft.signature()) {
                line(document, line, ParagraphAlignment.LEFT, 5100, false, false, 0);
            }
            document.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void line(XWPFDocument document, String text, ParagraphAlignment alignment, int indentTwips, boolean bold,
            boolean italic, int spacingAfter) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(spacingAfter);
        if (indentTwips > 0) {
            paragraph.setIndentationLeft(indentTwips);
        }
        var run = paragraph.createRun();
        run.setFontFamily("Times New Roman");
        run.setFontSize(11);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(typography(text));
    }

    /** French typography: a non-breaking space before « : ; ! ? », after « and before ». */
    static String typography(String text) {
        return text.replaceAll(" ([:;!?»])", "\u00A0$1").replace("« ", "«\u00A0");
    }

    /** XML-escaped, with French typography, and what the base fonts cannot show replaced by « ? ». */
    static String xml(String text) {
        var typographic = typography(text);
        var out = new StringBuilder(typographic.length() + 16);
        var encoder = WIN_ANSI.newEncoder();
        typographic.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\u202F', '\u2009', '\u2007' -> out.append('\u00A0');
                case '\u2011' -> out.append('-');
                default -> {
                    var chars = Character.toString(c);
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' ');
                    }
                    else if (encoder.canEncode(chars)) {
                        out.append(chars);
                    }
                    else {
                        out.append('?');
                    }
                }
            }
        });
        return out.toString();
    }


}
