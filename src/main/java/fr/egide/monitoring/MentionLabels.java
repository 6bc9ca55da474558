package fr.egide.monitoring;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Labels that other modules put on mentions so that lists and the API can filter on them without a query
 * across modules: a label is a family, a dot and a value ("qualification.ILLICITE_PROBABLE", "indice.INJURE").
 * The module that owns a family replaces all its labels of that family at once; monitoring only stores them.
 * For background processing: no access check, like {@link MentionFeed}.
 */
@Service
public class MentionLabels {

    /** What a label looks like; anything else is refused, so that labels are safe in SQL arrays and URLs. */
    public static final Pattern LABEL = Pattern.compile("[a-z]{1,30}\\.[A-Z][A-Z_]{0,39}");

    private static final Pattern FAMILY = Pattern.compile("[a-z]{1,30}");

    private final JdbcTemplate jdbc;

    MentionLabels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces, for each mention, its labels of these families by the given ones (which must belong to them). */
    public void replace(Collection<String> families, Map<UUID, ? extends Collection<String>> labelsByMention) {
        for (var family : families) {
            if (!FAMILY.matcher(family).matches()) {
                throw new IllegalArgumentException("Famille d'étiquettes invalide : " + family);
            }
        }
        var prefixes = families.stream().map(family -> family + ".").toList();
        // Rows are updated in id order (as PostgreSQL orders uuids), like every other writer of many mentions, so
        // that two transactions never wait for each other's rows in opposite orders.
        var entries = labelsByMention.entrySet().stream()
            .sorted(java.util.Comparator.comparing(entry -> entry.getKey().toString()))
            .toList();
        for (var entry : entries) {
            for (var label : entry.getValue()) {
                if (!LABEL.matcher(label).matches() || prefixes.stream().noneMatch(label::startsWith)) {
                    throw new IllegalArgumentException("Étiquette invalide : " + label);
                }
            }
        }
        jdbc.batchUpdate("""
                update monitoring_mention set labels = array(
                    select l from unnest(labels) l where split_part(l, '.', 1) <> all (?)
                    union select unnest(?::text[]) order by 1)
                where id = ?
                """, entries, 500, (ps, entry) -> {
            ps.setArray(1, ps.getConnection().createArrayOf("text", families.toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("text", entry.getValue().toArray()));
            ps.setObject(3, entry.getKey());
        });
    }

}
