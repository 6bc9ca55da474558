package fr.egide.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's part of a cabinet's data, for the GDPR: its tables and the rows of each that belong to the cabinet. A
 * module declares one bean; the export writes each table as a JSON file of the archive, and the module's own
 * listener of {@link CabinetDeletionRequested} deletes the same rows with {@link #delete}. Modules may add files
 * (evidence adds its bundles' manifests) by overriding {@link #extraFiles}.
 */
public interface CabinetData {

    /** The module's name, the archive's folder. */
    String module();

    /** The module's tables, children before parents (the order rows are deleted in). */
    List<CabinetTable> tables();

    /** Files beside the tables (name inside the module's folder → JSON-able content). */
    default java.util.Map<String, Object> extraFiles(UUID cabinetId) {
        return java.util.Map.of();
    }

    /**
     * A table and which of its rows are the cabinet's.
     *
     * @param rows a SQL condition on the table (aliased {@code t}) with one {@code ?} for the cabinet's id, e.g.
     * {@code "t.dossier_id in (select id from cases_dossier where cabinet_id = ?)"}
     * @param jsonText columns that hold JSON stored as text (for speed), exported as JSON objects rather than strings
     * @param jsonReader the SQL function (of the text, returning jsonb) that gives those columns' JSON, when a plain
     * cast does not (the analyses name their fixed sentences, which {@code analysis_result_json} writes out); or null
     */
    record CabinetTable(String table, String rows, List<String> jsonText, String jsonReader) {

        public CabinetTable(String table, String rows) {
            this(table, rows, List.of(), null);
        }

        public CabinetTable {
            jsonText = List.copyOf(jsonText);
            for (var column : jsonText) {
                if (!column.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("nom de colonne invalide : " + column);
                }
            }
            if (jsonReader != null && !jsonReader.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("nom de fonction invalide : " + jsonReader);
            }
            if (table == null || !table.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("nom de table invalide : " + table);
            }
            if (rows == null || rows.chars().filter(c -> c == '?').count() != 1) {
                throw new IllegalArgumentException("la condition de " + table + " prend l'identifiant du cabinet une fois");
            }
        }

        /** The rows whose {@code cabinet_id} is the cabinet's. */
        public static CabinetTable byCabinet(String table) {
            return new CabinetTable(table, "t.cabinet_id = ?");
        }

        /** The same, for a table with columns of JSON stored as text. */
        public CabinetTable withJsonText(String... columns) {
            return new CabinetTable(table, rows, List.of(columns), jsonReader);
        }

        /** The same, with the JSON of those columns read through this SQL function. */
        public CabinetTable readingJsonWith(String function) {
            return new CabinetTable(table, rows, jsonText, function);
        }

        /** The SQL expression of a JSON text column's JSON. */
        String json(String column) {
            return jsonReader == null ? "t." + column + "::jsonb" : jsonReader + "(t." + column + ")";
        }

    }

    /** The cabinet's rows of each table, as JSON text (one array per table). */
    static java.util.Map<String, String> exportRows(JdbcClient jdbc, List<CabinetTable> tables, UUID cabinetId) {
        var files = new java.util.LinkedHashMap<String, String>();
        var ordered = new java.util.ArrayList<>(tables);
        java.util.Collections.reverse(ordered);
        for (var table : ordered) {
            // Columns of JSON kept as text go into the archive as JSON objects, like jsonb columns do.
            var row = table.jsonText().isEmpty() ? "row_to_json(t)"
                    : "to_jsonb(t) || jsonb_build_object(" + String.join(", ", table.jsonText().stream()
                        .map(column -> "'" + column + "', " + table.json(column)).toList()) + ")";
            var json = jdbc.sql("select coalesce(json_agg(" + row + "), '[]'::json)::text from " + table.table() + " t where " + table.rows())
                .param(cabinetId)
                .query(String.class)
                .single();
            files.put(table.table() + ".json", json);
        }
        return files;
    }

    /** Deletes the cabinet's rows of each table, in order; returns how many in all. */
    static int deleteRows(JdbcClient jdbc, List<CabinetTable> tables, UUID cabinetId) {
        var count = 0;
        for (var table : tables) {
            count += jdbc.sql("delete from " + table.table() + " t where " + table.rows()).param(cabinetId).update();
        }
        return count;
    }

}
