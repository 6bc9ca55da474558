package fr.egide.monitoring.internal;

import java.io.Closeable;

/** Reads the records of an import file one at a time, so that a file of any size is streamed. */
interface RowReader extends Closeable {

    /** The next record, or null at the end of the file. */
    RawRow next();

    /** File columns that Égide does not know and keeps only in the raw data. */
    java.util.List<String> ignoredColumns();

    /**
     * The text with every run of white space ({@code \\s+}: space, tab, line breaks, vertical tab, form feed) as one
     * space. A loop rather than a regular expression: every imported line's excerpt and fingerprint go through it,
     * and a text without such runs is returned as it is.
     */
    static String oneSpace(String text) {
        int i = 0;
        int n = text.length();
        // Most texts have only single spaces: nothing to build until the first run that is not one.
        while (i < n) {
            char c = text.charAt(i);
            if (space(c) && (c != ' ' || (i + 1 < n && space(text.charAt(i + 1))))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        var out = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (space(c)) {
                out.append(' ');
                while (i < n && space(text.charAt(i))) {
                    i++;
                }
            }
            else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        var oneLine = oneSpace(text).strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 159) + "…";
    }

}
