package fr.egide.monitoring.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV with a header line, separated by ";" (French spreadsheets) or ",", the separator guessed from the
 * header. Quoted fields may span lines; the line reported for a record is the line where it starts.
 */
final class CsvRowReader implements RowReader {

    private final CSVParser parser;

    private final Iterator<CSVRecord> records;

    private final List<String> headers;

    private final Map<String, String> canonical;

    private final List<String> ignored;

    private long lastLine;

    CsvRowReader(InputStream in, Charset charset, boolean bom) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
        if (bom) {
            reader.skip(1);
        }
        reader.mark(64 * 1024);
        var firstLine = reader.readLine();
        if (firstLine == null || firstLine.isBlank()) {
            throw new ImportFailure("Le fichier est vide : la première ligne doit nommer les colonnes "
                    + "(par exemple source;external_id;url;author;rating;text;date).");
        }
        reader.reset();
        var delimiter = count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0 ? ';' : ',';
        try {
            this.parser = CSVFormat.DEFAULT.builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            // Blank lines are skipped here, not by the parser, so that line numbers stay those of the file.
            .setIgnoreEmptyLines(false)
            .setAllowMissingColumnNames(true)
            .setIgnoreSurroundingSpaces(true)
            .get()
            .parse(reader);
        }
        catch (IllegalArgumentException | UncheckedIOException ex) {
            throw new ImportFailure("Ligne 1 : en-tête illisible (" + ex.getMessage() + ").");
        }
        this.headers = parser.getHeaderNames();
        var mapping = ImportColumns.map(headers);
        if (!mapping.errors().isEmpty()) {
            throw new ImportFailure("Ligne 1 : " + String.join(" ", mapping.errors()));
        }
        this.canonical = mapping.canonicalByHeader();
        this.ignored = mapping.ignored();
        this.records = parser.iterator();
        this.lastLine = parser.getCurrentLineNumber();
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }

    @Override
    public List<String> ignoredColumns() {
        return ignored;
    }

    @Override
    public RawRow next() {
        RawRow row;
        do {
            row = read();
        }
        while (row == BLANK);
        return row;
    }

    private static final RawRow BLANK = RawRow.unreadable(0, "", "");

    private RawRow read() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        }
        catch (UncheckedIOException | IllegalStateException ex) {
            throw new ImportFailure("Ligne " + (lastLine + 1) + " : le fichier CSV est mal formé ("
                    + ex.getMessage() + "). Vérifiez les guillemets de cette ligne.");
        }
        var line = lastLine + 1;
        lastLine = parser.getCurrentLineNumber();
        if (record.size() == 1 && record.get(0).isBlank()) {
            return BLANK;
        }
        var original = new LinkedHashMap<String, String>();
        var values = new HashMap<String, String>();
        var size = record.size();
        for (int i = 0; i < headers.size() && i < size; i++) {
            var header = headers.get(i);
            var value = record.get(i);
            original.put(header, value);
            var column = canonical.get(header);
            if (column != null) {
                values.put(column, value);
            }
        }
        if (size != headers.size()) {
            return RawRow.unreadable(line, RowReader.excerpt(String.join(" | ", record.values())),
                    "La ligne a " + size + " colonne(s) au lieu de " + headers.size()
                            + " : vérifiez le séparateur et les guillemets.");
        }
        return new RawRow(line, values, original, RowReader.excerpt(String.join(" | ", record.values())), null);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }


}
