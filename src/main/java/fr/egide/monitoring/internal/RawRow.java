package fr.egide.monitoring.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of an import file before validation.
 *
 * @param line the line where the record starts in the file (1 is the first line); several records can share
 * a line (a JSON array written on one line)
 * @param values canonical column → value as read (never null; missing columns are absent)
 * @param original the record with the file's own column names, kept as the mention's raw data
 * @param error why the record could not even be read (a malformed JSON line), or null
 */
record RawRow(long line, Map<String, String> values, Map<String, String> original, String excerpt, String error) {

    /** NUL characters are dropped: PostgreSQL refuses them in text and JSON, and no review means one. */
    RawRow {
        values = clean(values);
        original = clean(original);
        excerpt = clean(excerpt);
        error = clean(error);
    }

    static RawRow unreadable(long line, String excerpt, String error) {
        return new RawRow(line, Map.of(), Map.of(), excerpt, error);
    }

    String get(String column) {
        var value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String clean(String text) {
        return text == null || text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }

    private static Map<String, String> clean(Map<String, String> map) {
        var dirty = map.entrySet().stream().anyMatch(e -> e.getKey().indexOf('\u0000') >= 0
                || (e.getValue() != null && e.getValue().indexOf('\u0000') >= 0));
        if (!dirty) {
            return map;
        }
        var cleaned = new LinkedHashMap<String, String>();
        map.forEach((key, value) -> cleaned.put(clean(key), clean(value)));
        return cleaned;
    }

}
