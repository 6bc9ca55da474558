package fr.egide.monitoring.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON imports: an array of objects, read element by element, or JSON Lines, one object per line. A syntax
 * error in an array makes the rest of the file unreadable, so the import fails as a whole; in JSON Lines
 * each line stands alone, so only the bad line is rejected.
 */
final class JsonRowReader implements RowReader {

    private final JsonMapper json;

    private final JsonParser parser;

    private final BufferedReader lines;

    private final Set<String> ignored = new TreeSet<>();

    private long lineNo;

    private JsonRowReader(JsonMapper json, JsonParser parser, BufferedReader lines) {
        this.json = json;
        this.parser = parser;
        this.lines = lines;
    }

    static JsonRowReader array(JsonMapper json, InputStream in, Charset charset, boolean bom) {
        var reader = new BufferedReader(new InputStreamReader(in, charset), 64 * 1024);
        if (bom) {
            try {
                reader.skip(1);
            }
            catch (IOException ex) {
                throw new ImportFailure("Lecture du fichier interrompue : " + ex.getMessage());
            }
        }
        var parser = json.createParser(reader);
        try {
            var first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new ImportFailure("Le fichier JSON doit contenir un tableau d'avis [ {…}, {…} ] "
                        + "ou un avis par ligne (JSON Lines).");
            }
        }
        catch (JacksonException ex) {
            throw malformed(parser, ex);
        }
        return new JsonRowReader(json, parser, null);
    }

    static JsonRowReader lines(JsonMapper json, InputStream in, Charset charset) {
        return new JsonRowReader(json, null, new BufferedReader(new InputStreamReader(in, charset), 64 * 1024));
    }

    @Override
    public List<String> ignoredColumns() {
        return List.copyOf(ignored);
    }

    @Override
    public RawRow next() {
        return parser != null ? nextInArray() : nextLine();
    }

    private RawRow nextInArray() {
        try {
            var token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                if (token == JsonToken.END_ARRAY && parser.nextToken() != null) {
                    throw new ImportFailure("Contenu inattendu après la fin du tableau JSON (ligne "
                            + parser.currentTokenLocation().getLineNr() + ") : le fichier doit contenir un seul tableau.");
                }
                return null;
            }
            var line = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            return row(line, node);
        }
        catch (JacksonException ex) {
            throw malformed(parser, ex);
        }
    }

    private RawRow nextLine() {
        try {
            String text;
            do {
                text = lines.readLine();
                lineNo++;
                if (text == null) {
                    return null;
                }
            }
            while (text.isBlank());
            if (lineNo == 1 && text.startsWith("\ufeff")) {
                text = text.substring(1);
            }
            try {
                return row(lineNo, json.readTree(text));
            }
            catch (JacksonException ex) {
                return RawRow.unreadable(lineNo, RowReader.excerpt(text),
                        "JSON mal formé : " + ex.getOriginalMessage() + ".");
            }
        }
        catch (IOException ex) {
            throw new ImportFailure("Lecture du fichier interrompue : " + ex.getMessage());
        }
    }

    private RawRow row(long line, JsonNode node) {
        var excerpt = RowReader.excerpt(node.toString());
        if (node == null || !node.isObject()) {
            return RawRow.unreadable(line, excerpt, "Chaque avis doit être un objet JSON { … }.");
        }
        var original = new LinkedHashMap<String, String>();
        var values = new HashMap<String, String>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            var value = field.getValue();
            var text = value.isNull() ? null : value.isValueNode() ? value.asString() : value.toString();
            original.put(field.getKey(), text);
            var column = ImportColumns.canonical(field.getKey());
            if (column == null) {
                ignored.add(field.getKey());
            }
            else if (text != null) {
                values.put(column, text);
            }
        }
        return new RawRow(line, values, original, excerpt, null);
    }

    private static ImportFailure malformed(JsonParser parser, JacksonException ex) {
        var location = ex.getLocation() != null ? ex.getLocation() : parser.currentLocation();
        return new ImportFailure("JSON mal formé ligne " + location.getLineNr() + ", colonne "
                + location.getColumnNr() + " : " + ex.getOriginalMessage()
                + ". Rien n'a été importé : corrigez le fichier puis recommencez.");
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        }
        if (lines != null) {
            lines.close();
        }
    }

}
