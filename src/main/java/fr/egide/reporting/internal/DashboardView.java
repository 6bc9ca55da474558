package fr.egide.reporting.internal;

import fr.egide.analysis.AnalysisFigures;
import fr.egide.analysis.Theme;
import fr.egide.monitoring.MentionFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the dashboard's charts and their tables show, built from the modules' figures: the same numbers feed the chart
 * (a JSON document in a data attribute, drawn by static/js/tableau-de-bord.js) and the table beside it, so that no
 * figure is given by the chart alone.
 */
final class DashboardView {

    /** Months shown: the current one and the eleven before. */
    static final int MONTHS = 12;

    /** Themes drawn in the "to improve" chart: the most criticised ones (all are in the table). */
    static final int THEMES_IN_CHART = 5;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.FRENCH);

    private DashboardView() {
    }

    static List<YearMonth> months(YearMonth current) {
        var months = new ArrayList<YearMonth>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(current.minusMonths(i));
        }
        return months;
    }

    static String monthName(YearMonth month) {
        return MONTH.format(month.atDay(1));
    }

    static String shortMonth(YearMonth month) {
        return SHORT_MONTH.format(month.atDay(1));
    }

    /** A chart: the x-axis categories and one series a line or a bar group (nulls where there is no value). */
    record Chart(String kind, List<String> categories, List<Series> series, Number min, Number max, String unit) {
    }

    record Series(String name, List<Number> data) {
    }

    /** A table: its header cells and rows of already formatted cells (the first cell heads its row). */
    record Table(List<String> columns, List<List<String>> rows) {

        public boolean isEmpty() {
            return rows.isEmpty();
        }

    }

    // ------------------------------------------------------------------ rating over time by source

    static Chart ratingChart(List<YearMonth> months, List<MentionFigures.SourceMonth> rows) {
        var bySource = bySource(months, rows);
        var series = new ArrayList<Series>();
        bySource.forEach((name, cells) -> {
            var data = new ArrayList<Number>();
            cells.forEach(cell -> data.add(cell == null || cell.averageRating() == null ? null
                    : cell.averageRating().setScale(2, RoundingMode.HALF_UP)));
            series.add(new Series(name, data));
        });
        return new Chart("line", months.stream().map(DashboardView::shortMonth).toList(), series, 1, 5, "/ 5");
    }

    static Table ratingTable(List<YearMonth> months, List<MentionFigures.SourceMonth> rows, String noRating) {
        var bySource = bySource(months, rows);
        var columns = new ArrayList<String>();
        columns.addAll(bySource.keySet());
        var table = new ArrayList<List<String>>();
        for (int i = 0; i < months.size(); i++) {
            var line = new ArrayList<String>();
            line.add(monthName(months.get(i)));
            var any = false;
            for (var cells : bySource.values()) {
                var cell = cells.get(i);
                if (cell != null && cell.averageRating() != null) {
                    line.add(decimal(cell.averageRating()) + " (" + cell.rated() + ")");
                    any = true;
                }
                else {
                    line.add(noRating);
                }
            }
            if (any) {
                table.add(line);
            }
        }
        return new Table(columns, table);
    }

    /** Per source, in the order of their mentions' count, the month's figures or null, one cell a month. */
    private static Map<String, List<MentionFigures.SourceMonth>> bySource(List<YearMonth> months,
            List<MentionFigures.SourceMonth> rows) {
        var totals = new LinkedHashMap<UUID, Long>();
        var names = new LinkedHashMap<UUID, String>();
        rows.forEach(row -> {
            totals.merge(row.sourceId(), row.mentions(), Long::sum);
            names.put(row.sourceId(), row.source());
        });
        var order = totals.keySet().stream()
            .sorted(Comparator.comparing((UUID id) -> -totals.get(id)).thenComparing(names::get)).toList();
        var result = new LinkedHashMap<String, List<MentionFigures.SourceMonth>>();
        for (var id : order) {
            var cells = new ArrayList<MentionFigures.SourceMonth>();
            for (var month : months) {
                cells.add(rows.stream().filter(r -> r.sourceId().equals(id) && YearMonth.from(r.month()).equals(month)).findFirst()
                    .orElse(null));
            }
            // Two sources may share a name in different cabinets, never in one: the name is the key.
            result.put(names.get(id), cells);
        }
        return result;
    }

    // ------------------------------------------------------------------ volume and negative share

    /** One month's volume: mentions received, analysed, negative among the analysed, and the share. */
    record VolumeMonth(String month, String shortMonth, long mentions, long analysed, long negative, long negativePercent) {
    }

    static List<VolumeMonth> volume(List<YearMonth> months, List<MentionFigures.SourceMonth> rows,
            List<AnalysisFigures.ToneMonth> tone) {
        var volume = new ArrayList<VolumeMonth>();
        for (var month : months) {
            var mentions = rows.stream().filter(r -> YearMonth.from(r.month()).equals(month)).mapToLong(MentionFigures.SourceMonth::mentions)
                .sum();
            var t = tone.stream().filter(r -> YearMonth.from(r.month()).equals(month)).findFirst()
                .orElse(new AnalysisFigures.ToneMonth(month.atDay(1), 0, 0));
            volume.add(new VolumeMonth(monthName(month), shortMonth(month), mentions, t.analysed(), t.negative(), t.negativePercent()));
        }
        return volume;
    }

    static Chart volumeChart(List<VolumeMonth> volume, String mentionsName, String negativeName) {
        return new Chart("bar", volume.stream().map(VolumeMonth::shortMonth).toList(),
                List.of(new Series(mentionsName, volume.stream().map(v -> (Number) v.mentions()).toList()),
                        new Series(negativeName, volume.stream().map(v -> (Number) v.negative()).toList())),
                0, null, "");
    }

    // ------------------------------------------------------------------ themes

    /**
     * A theme over the months shown: how many mentions praised and criticised it, and over the last three months.
     */
    record ThemeLine(Theme theme, long praised, long criticised, long praisedRecently, long criticisedRecently) {
    }

    static List<ThemeLine> themes(List<YearMonth> months, List<AnalysisFigures.ThemeMonth> rows) {
        var recent = months.get(months.size() - 1).minusMonths(2);
        var lines = new EnumMap<Theme, long[]>(Theme.class);
        rows.forEach(row -> {
            var cell = lines.computeIfAbsent(row.theme(), t -> new long[4]);
            cell[0] += row.praised();
            cell[1] += row.criticised();
            if (!YearMonth.from(row.month()).isBefore(recent)) {
                cell[2] += row.praised();
                cell[3] += row.criticised();
            }
        });
        var result = new ArrayList<ThemeLine>();
        lines.forEach((theme, c) -> result.add(new ThemeLine(theme, c[0], c[1], c[2], c[3])));
        result.sort(Comparator.comparing((ThemeLine l) -> -l.criticised()).thenComparing(l -> -l.praised()).thenComparing(ThemeLine::theme));
        return result;
    }

    /** Criticisms per month of the most criticised themes (named through the message bundle by the caller). */
    static Chart themesChart(List<YearMonth> months, List<AnalysisFigures.ThemeMonth> rows, List<ThemeLine> lines,
            Map<Theme, String> names) {
        var series = new ArrayList<Series>();
        lines.stream().filter(l -> l.criticised() > 0).limit(THEMES_IN_CHART).forEach(line -> {
            var data = new ArrayList<Number>();
            for (var month : months) {
                data.add(rows.stream().filter(r -> r.theme() == line.theme() && YearMonth.from(r.month()).equals(month))
                    .mapToLong(AnalysisFigures.ThemeMonth::criticised).sum());
            }
            series.add(new Series(names.get(line.theme()), data));
        });
        return new Chart("bar", months.stream().map(DashboardView::shortMonth).toList(), series, 0, null, "");
    }

    // ------------------------------------------------------------------ search results

    /** The first page of one query of one search source. */
    record SearchGroup(String source, java.time.Instant scannedAt, boolean partial, String query,
            List<MentionFigures.SearchResult> results) {

        public long newResults() {
            return results.stream().filter(r -> "NOUVEAU".equals(r.change())).count();
        }

        public long personal() {
            return results.stream().filter(r -> "PERSO".equals(r.classement())).count();
        }

    }

    static List<SearchGroup> search(List<MentionFigures.SearchResult> results) {
        var groups = new LinkedHashMap<String, List<MentionFigures.SearchResult>>();
        results.forEach(r -> groups.computeIfAbsent(r.sourceId() + "\n" + r.query(), k -> new ArrayList<>()).add(r));
        return groups.values().stream()
            .map(list -> new SearchGroup(list.get(0).source(), list.get(0).scannedAt(), list.get(0).partial(), list.get(0).query(),
                    List.copyOf(list)))
            .toList();
    }

    static String decimal(BigDecimal value) {
        var format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.FRENCH));
        return format.format(value);
    }

    static String monthOf(LocalDate day) {
        return monthName(YearMonth.from(day));
    }

}
