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
        // Rows are locked in id order (as PostgreSQL orders uuids), like every other writer of many mentions, so
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
        if (entries.isEmpty()) {
            return;
        }
        // One statement for the whole batch (labels contain no comma: see LABEL), after locking its rows in id order.
        var ids = entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        var joined = entries.stream().map(entry -> String.join(",", entry.getValue())).toArray(String[]::new);
        jdbc.execute((java.sql.Connection connection) -> {
            var idArray = connection.createArrayOf("uuid", ids);
            try (var lock = connection.prepareStatement(
                    "select id from monitoring_mention where id = any(?) order by id for update")) {
                lock.setArray(1, idArray);
                lock.executeQuery().close();
            }
            try (var update = connection.prepareStatement("""
                    update monitoring_mention m set labels = array(
                        select l from unnest(m.labels) l where split_part(l, '.', 1) <> all (?)
                        union select unnest(string_to_array(v.labels, ',')) order by 1)
                    from unnest(?::uuid[], ?::text[]) as v (id, labels)
                    where m.id = v.id
                    """)) {
                update.setArray(1, connection.createArrayOf("text", families.toArray()));
                update.setArray(2, idArray);
                update.setArray(3, connection.createArrayOf("text", joined));
                update.executeUpdate();
            }
            return null;
        });
    }

}
