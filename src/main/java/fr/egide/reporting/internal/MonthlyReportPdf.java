package fr.egide.reporting.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import fr.egide.monitoring.FrenchDates;
import fr.egide.monitoring.MonthlyFigures.SearchLine;
import fr.egide.reporting.ReadinessStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A monthly report as a PDF in French: XHTML rendered by openhtmltopdf (A4, PDF base font Helvetica, as the letters
 * are), with its charts as bars drawn in HTML and CSS, each bar labelled with its figure so that nothing is said by
 * colour or length alone. Every label comes from the message bundle (keys {@code mensuel.*}).
 */
@Component
class MonthlyReportPdf {

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private static final Locale FRENCH = Locale.FRANCE;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", FRENCH);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", FRENCH);

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", FRENCH);

    static {
        // openhtmltopdf logs every step of every render at INFO; only its warnings are worth the log.
        for (var logger : XRLog.listRegisteredLoggers()) {
            XRLog.setLevel(logger, Level.WARNING);
        }
    }

    private final MessageSource messages;

    MonthlyReportPdf(MessageSource messages) {
        this.messages = messages;
    }

    static String monthName(YearMonth month) {
        return MONTH.format(month);
    }

    byte[] render(MonthlyReportContent report) {
        var h = new StringBuilder(32_000);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html lang=\"fr\"><head><meta charset=\"UTF-8\"/><title>")
            .append(x(m("mensuel.pdf.titre", report.cabinetName()))).append("</title><style>")
            .append("@page { size: A4; margin: 18mm 16mm 20mm 16mm; @bottom-center { content: '")
            .append(x(m("mensuel.pdf.page")).replace("'", "\\'")).append(" ' counter(page) ' / ' counter(pages);")
            .append(" font-family: sans-serif; font-size: 8pt; color: #555; } }")
            .append("body { font-family: sans-serif; font-size: 9.5pt; line-height: 1.35; color: #111; }")
            .append("h1 { font-size: 16pt; margin: 0 0 1mm 0; } h2 { font-size: 12pt; margin: 6mm 0 2mm 0; border-bottom: 0.6pt solid #444; }")
            .append("h3 { font-size: 10pt; margin: 3mm 0 1mm 0; } p { margin: 1mm 0; } .muted { color: #444; }")
            .append("table { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm 0; }")
            .append("th, td { border: 0.4pt solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }")
            .append("th { background: #eee; } td.num, th.num { text-align: right; }")
            .append(".bar { height: 3mm; background: #35577d; } .bar.minus { background: #8a4b12; } .track { width: 32mm; }")
            .append("td.name, th.name { white-space: nowrap; } .item { margin: 2mm 0 3mm 0; page-break-inside: avoid; }")
            .append("ul.figures { margin: 1mm 0; padding-left: 5mm; } .foot { margin-top: 8mm; font-size: 8pt; color: #444; }")
            .append("</style></head><body>");

        h.append("<h1>").append(x(m("mensuel.pdf.titre", report.cabinetName()))).append("</h1>");
        h.append("<p>").append(x(m("mensuel.pdf.mois", monthName(report.month())))).append("</p>");
        h.append("<p class=\"muted\">").append(x(m("mensuel.pdf.genere", dayTime(report.generatedAt())))).append(' ');
        if (!report.complete()) {
            h.append(x(m("mensuel.pdf.en.cours")));
        }
        h.append("</p>");

        // 1. What appeared.
        var watch = report.watch();
        var analysis = report.analysis();
        h.append("<h2>").append(x(m("mensuel.section.apparu"))).append("</h2><ul class=\"figures\">");
        li(h, m("mensuel.nouvelles", watch.created()));
        li(h, m("mensuel.negatives", analysis.negative()));
        li(h, m("mensuel.signalees", report.flagged().size()));
        if (analysis.analysed() < watch.created()) {
            li(h, m("mensuel.en.attente", watch.created() - analysis.analysed()));
        }
        h.append("</ul>");
        if (report.flagged().isEmpty()) {
            h.append("<p>").append(x(m("mensuel.signalees.aucune"))).append("</p>");
        }
        else {
            h.append("<table><thead><tr>");
            headers(h, m("mensuel.col.source"), m("mensuel.col.vue"));
            h.append("<th class=\"num\">").append(x(m("mensuel.col.note"))).append("</th>");
            headers(h, m("mensuel.col.qualification"), m("mensuel.col.indices"));
            h.append("</tr></thead><tbody>");
            for (var f : report.flagged()) {
                h.append("<tr><td>").append(x(f.source())).append("</td><td>").append(x(day(f.firstSeen()))).append("</td><td class=\"num\">")
                    .append(f.rating() == null ? "—" : x(m("mensuel.note.sur.cinq", f.rating()))).append("</td><td>")
                    .append(x(m("qualification." + f.qualification()))).append("</td><td>")
                    .append(x(String.join(", ", f.indicators().stream().map(i -> m("indice." + i)).toList()))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        if (!watch.sources().isEmpty()) {
            h.append("<h3>").append(x(m("mensuel.par.source"))).append("</h3><table><thead><tr>");
            headers(h, m("mensuel.col.source"));
            for (var key : List.of("mensuel.col.nouvelles", "mensuel.col.modifiees", "mensuel.col.retirees", "mensuel.col.moyenne")) {
                h.append("<th class=\"num\">").append(x(m(key))).append("</th>");
            }
            h.append("</tr></thead><tbody>");
            for (var s : watch.sources()) {
                h.append("<tr><td>").append(x(s.name())).append("</td><td class=\"num\">").append(s.created()).append("</td><td class=\"num\">")
                    .append(s.edited()).append("</td><td class=\"num\">").append(s.removed()).append("</td><td class=\"num\">")
                    .append(s.averageRating() == null ? "—" : x(decimal(s.averageRating()))).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        // 2. What changed.
        h.append("<h2>").append(x(m("mensuel.section.change"))).append("</h2><ul class=\"figures\">");
        li(h, m("mensuel.modifiees", watch.edited()));
        li(h, m("mensuel.retirees", watch.removed()));
        var pages = report.pages();
        if (pages.watched() > 0) {
            li(h, m("mensuel.pages.surveillees", pages.watched(), pages.checked(), pages.modified(), pages.gone()));
        }
        else {
            li(h, m("mensuel.pages.aucune"));
        }
        h.append("</ul>");

        // 3. Ratings and themes.
        h.append("<h2>").append(x(m("mensuel.section.notes"))).append("</h2>");
        long rated = 0;
        for (var n : watch.ratings()) {
            rated += n;
        }
        if (watch.averageRating() == null) {
            h.append("<p>").append(x(m("mensuel.note.aucune"))).append("</p>");
        }
        else {
            h.append("<p>").append(x(m("mensuel.note.moyenne", decimal(watch.averageRating()), rated))).append("</p>");
        }
        if (watch.averageBefore() != null) {
            h.append("<p>").append(x(m("mensuel.note.avant", decimal(watch.averageBefore())))).append("</p>");
        }
        if (rated > 0) {
            h.append("<h3>").append(x(m("mensuel.repartition"))).append("</h3><table><tbody>");
            for (int stars = 5; stars >= 1; stars--) {
                var count = watch.ratings()[stars - 1];
                h.append("<tr><th class=\"name\">").append(x(m("mensuel.etoiles", stars))).append("</th><td class=\"track\">");
                bar(h, count, rated, false);
                h.append("</td><td class=\"num\">").append(count).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }
        h.append("<h3>").append(x(m("mensuel.themes"))).append("</h3>");
        if (analysis.themes().isEmpty()) {
            h.append("<p>").append(x(m("mensuel.themes.aucun"))).append("</p>");
        }
        else {
            h.append("<p class=\"muted\">").append(x(m("mensuel.themes.aide"))).append("</p><table><thead><tr>");
            h.append("<th class=\"name\">").append(x(m("mensuel.col.theme"))).append("</th>");
            h.append("<th class=\"num\">").append(x(m("mensuel.col.salue"))).append("</th><th></th><th class=\"num\">")
                .append(x(m("mensuel.col.critique"))).append("</th><th></th></tr></thead><tbody>");
            long max = analysis.themes().stream().mapToLong(t -> Math.max(t.praised(), t.criticised())).max().orElse(1);
            for (var t : analysis.themes()) {
                h.append("<tr><td class=\"name\">").append(x(m("theme." + t.theme()))).append("</td><td class=\"num\">").append(t.praised())
                    .append("</td><td class=\"track\">");
                bar(h, t.praised(), max, false);
                h.append("</td><td class=\"num\">").append(t.criticised()).append("</td><td class=\"track\">");
                bar(h, t.criticised(), max, true);
                h.append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        // 4. Dossiers and deadlines.
        var dossiers = report.dossiers();
        h.append("<h2>").append(x(m("mensuel.section.dossiers"))).append("</h2><ul class=\"figures\">");
        li(h, m("mensuel.dossiers.ouverts", dossiers.opened()));
        li(h, m("mensuel.dossiers.clos", dossiers.closed()));
        li(h, m("mensuel.dossiers.en.cours", dossiers.open()));
        h.append("</ul>");
        if (!dossiers.openByStage().isEmpty()) {
            h.append("<table><thead><tr>");
            headers(h, m("mensuel.col.etape"));
            h.append("<th class=\"num\">").append(x(m("mensuel.col.nombre"))).append("</th></tr></thead><tbody>");
            dossiers.openByStage().forEach((stage, n) -> h.append("<tr><td>").append(x(stage.label())).append("</td><td class=\"num\">")
                .append(n).append("</td></tr>"));
            h.append("</tbody></table>");
        }
        h.append("<h3>").append(x(m("mensuel.echeances"))).append("</h3>");
        if (dossiers.deadlines().isEmpty()) {
            h.append("<p>").append(x(m("mensuel.echeances.aucune"))).append("</p>");
        }
        else {
            h.append("<table><thead><tr>");
            headers(h, m("mensuel.col.echeance"), m("mensuel.col.dossier"), m("mensuel.col.objet"));
            h.append("</tr></thead><tbody>");
            for (var d : dossiers.deadlines()) {
                h.append("<tr><td>").append(x(DAY.format(d.due()))).append("</td><td>").append(x(d.reference())).append("</td><td>")
                    .append(x(d.description())).append("</td></tr>");
            }
            h.append("</tbody></table>");
        }

        // 5. Replies.
        var replies = report.replies();
        h.append("<h2>").append(x(m("mensuel.section.reponses"))).append("</h2><ul class=\"figures\">");
        li(h, m("mensuel.reponses.publiees", replies.published()));
        li(h, m("mensuel.reponses.relecture", replies.inReview(), replies.approved(), replies.drafts()));
        h.append("</ul>");

        // 6. Search results.
        var search = report.search();
        h.append("<h2>").append(x(m("mensuel.section.recherche"))).append("</h2>");
        if (!search.watched()) {
            h.append("<p>").append(x(m("mensuel.recherche.aucune"))).append("</p>");
        }
        else {
            h.append("<p>").append(x(m("mensuel.recherche.premiere.page", search.firstPage(), search.perso()))).append("</p>");
            searchTable(h, m("mensuel.recherche.entres", search.entered().size()), search.entered());
            searchTable(h, m("mensuel.recherche.sortis", search.left().size()), search.left());
        }

        // 7. Readiness.
        var readiness = report.readiness();
        h.append("<h2>").append(x(m("mensuel.section.reflexes"))).append("</h2>");
        h.append("<p><strong>").append(x(m("mensuel.reflexes.score", readiness.score(), readiness.done(), readiness.items().size())))
            .append("</strong></p>");
        for (var item : readiness.items()) {
            h.append("<div class=\"item\"><p><strong>").append(x(item.title())).append("</strong></p><p>")
                .append(x(m("mensuel.reflexe.etat", m("reflexes.etat." + item.status()), item.finding()))).append("</p>");
            if (item.status() != ReadinessStatus.FAIT) {
                h.append("<p>").append(x(m("mensuel.reflexe.conseil", item.guidance()))).append("</p>");
            }
            h.append("</div>");
        }
        h.append("<p class=\"foot\">").append(x(m("mensuel.pied"))).append("</p></body></html>");

        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(h.toString(), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void searchTable(StringBuilder h, String title, List<SearchLine> lines) {
        h.append("<h3>").append(x(title)).append("</h3>");
        if (lines.isEmpty()) {
            return;
        }
        h.append("<table><thead><tr>");
        headers(h, m("mensuel.col.titre"), m("mensuel.col.adresse"), m("mensuel.col.classement"));
        h.append("<th class=\"num\">").append(x(m("mensuel.col.position"))).append("</th></tr></thead><tbody>");
        for (var line : lines) {
            h.append("<tr><td>").append(x(line.title() == null ? "" : line.title())).append("</td><td>").append(x(line.url()))
                .append("</td><td>").append(x(m("mensuel.classement." + line.classement()))).append("</td><td class=\"num\">")
                .append(line.position() == null ? "" : line.position()).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    /** A horizontal bar; its figure is always printed next to it. */
    private static void bar(StringBuilder h, long value, long max, boolean minus) {
        var percent = max <= 0 ? 0 : Math.round(100.0 * value / max);
        if (percent > 0) {
            h.append("<div class=\"bar").append(minus ? " minus" : "").append("\" style=\"width: ").append(percent).append("%;\"></div>");
        }
    }

    /** Header cells, in reading order. */
    private static void headers(StringBuilder h, String... labels) {
        for (var label : labels) {
            h.append("<th>").append(x(label)).append("</th>");
        }
    }

    private static void li(StringBuilder h, String text) {
        h.append("<li>").append(x(text)).append("</li>");
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, FRENCH);
    }

    private static String decimal(double value) {
        var format = NumberFormat.getNumberInstance(FRENCH);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    private static String day(Instant instant) {
        return DAY.format(instant.atZone(FrenchDates.PARIS));
    }

    private static String dayTime(Instant instant) {
        return DAY_TIME.format(instant.atZone(FrenchDates.PARIS));
    }

    /** XML-escaped, with French typography, and what the PDF base fonts cannot show replaced by « ? ». */
    static String x(String text) {
        var typographic = text.replaceAll(" ([:;!?»])", "\u00A0$1").replace("« ", "«\u00A0");
        var out = new StringBuilder(typographic.length() + 16);
        var encoder = WIN_ANSI.newEncoder();
        typographic.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\u202F', '\u2009', '\u2007' -> out.append('\u00A0');
                default -> {
                    var chars = Character.toString(c);
                    if (c < 0x20) {
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
