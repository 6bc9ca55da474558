package fr.egide.monitoring.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognises the columns of an import file. Exports from review sites and spreadsheets name them in French
 * or English, with accents, capitals and spaces; each known name maps to one canonical column.
 */
final class ImportColumns {

    static final String SOURCE = "source";
    static final String EXTERNAL_ID = "external_id";
    static final String URL = "url";
    static final String AUTHOR = "author";
    static final String RATING = "rating";
    static final String TEXT = "text";
    static final String DATE = "date";
    static final String LANGUAGE = "language";
    static final String SEEN_AT = "seen_at";

    static final List<String> CANONICAL = List.of(SOURCE, EXTERNAL_ID, URL, AUTHOR, RATING, TEXT, DATE, LANGUAGE,
            SEEN_AT);

    private static final Map<String, String> ALIASES = aliases();

    private ImportColumns() {
    }

    private static Map<String, String> aliases() {
        var map = new LinkedHashMap<String, String>();
        put(map, SOURCE, "source", "site", "plateforme", "platform");
        put(map, EXTERNAL_ID, "external_id", "externalid", "id", "identifiant", "id_externe", "review_id", "reviewid");
        put(map, URL, "url", "lien", "link", "adresse_web");
        put(map, AUTHOR, "author", "auteur", "nom", "reviewer", "pseudo");
        put(map, RATING, "rating", "note", "etoiles", "stars", "star_rating", "notation");
        put(map, TEXT, "text", "texte", "avis", "commentaire", "comment", "contenu", "content", "message");
        put(map, DATE, "date", "date_publication", "publication", "published", "published_at", "publie_le",
                "date_de_publication");
        put(map, LANGUAGE, "language", "langue", "lang");
        put(map, SEEN_AT, "seen_at", "vu_le", "date_releve", "releve_le");
        return Map.copyOf(map);
    }

    private static void put(Map<String, String> map, String canonical, String... names) {
        for (var name : names) {
            map.put(name, canonical);
        }
    }

    /** "Date de publication" → "date_de_publication"; "Note (étoiles)" → "note_etoiles". */
    static String normalize(String header) {
        var stripped = Normalizer.normalize(header.strip().replace("\ufeff", ""), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
        return stripped.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    static String canonical(String header) {
        return ALIASES.get(normalize(header));
    }

    /** How the columns of a file map to canonical ones, and what is wrong with them. */
    record Mapping(Map<String, String> canonicalByHeader, List<String> ignored, List<String> errors) {
    }

    static Mapping map(List<String> headers) {
        var mapping = new LinkedHashMap<String, String>();
        var ignored = new ArrayList<String>();
        var errors = new ArrayList<String>();
        for (var header : headers) {
            var canonical = canonical(header);
            if (canonical == null) {
                ignored.add(header);
            }
            else if (mapping.containsValue(canonical)) {
                errors.add("La colonne « " + header + " » fait double emploi avec une autre colonne « " + canonical
                        + " ».");
            }
            else {
                mapping.put(header, canonical);
            }
        }
        if (!mapping.containsValue(TEXT)) {
            errors.add("Colonne obligatoire absente : « text » (ou « texte », « avis », « commentaire »). Colonnes lues : "
                    + String.join(", ", headers) + ". Colonnes attendues : " + String.join(", ", CANONICAL) + ".");
        }
        return new Mapping(mapping, ignored, errors);
    }

    static boolean known(Set<String> canonicalColumns, String column) {
        return canonicalColumns.contains(column);
    }

}
