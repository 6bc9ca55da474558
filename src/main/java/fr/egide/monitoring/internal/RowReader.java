package fr.egide.monitoring.internal;

import java.io.Closeable;

/** Reads the records of an import file one at a time, so that a file of any size is streamed. */
interface RowReader extends Closeable {

    /** The next record, or null at the end of the file. */
    RawRow next();

    /** File columns that Égide does not know and keeps only in the raw data. */
    java.util.List<String> ignoredColumns();

    /** Runs of white space, compiled once (every imported line's excerpt and fingerprint use it). */
    java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        var oneLine = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 159) + "…";
    }

}
