package fr.egide.monitoring.internal;

import java.util.Map;

/**
 * One record of an import file before validation.
 *
 * @param line the line where the record starts in the file (1 is the first line)
 * @param values canonical column → value as read (never null; missing columns are absent)
 * @param original the record with the file's own column names, kept as the mention's raw data
 * @param error why the record could not even be read (a malformed JSON line), or null
 */
record RawRow(long line, Map<String, String> values, Map<String, String> original, String excerpt, String error) {

    static RawRow unreadable(long line, String excerpt, String error) {
        return new RawRow(line, Map.of(), Map.of(), excerpt, error);
    }

    String get(String column) {
        var value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

}
