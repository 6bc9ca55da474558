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
        // Labels live in monitoring_mention_label (one narrow row per label): labelling never rewrites the mention
        // row nor its full-text index. The mention rows are locked first, in id order, so that two transactions
        // replacing the labels of the same mentions wait for each other instead of interleaving (or deadlocking).
        // Then one delete and one insert for the whole batch (labels contain no comma: see LABEL).
        var ids = entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        var joined = entries.stream().map(entry -> String.join(",", entry.getValue())).toArray(String[]::new);
        jdbc.execute((java.sql.Connection connection) -> {
            var idArray = connection.createArrayOf("uuid", ids);
            try (var lock = connection.prepareStatement(
                    "select id from monitoring_mention where id = any(?) order by id for no key update")) {
                lock.setArray(1, idArray);
                lock.executeQuery().close();
            }
            // Only the labels that go are deleted and only the new ones inserted: a re-analysis that keeps the same
            // labels (a wave refresh, mostly) writes nothing.
            var joinedArray = connection.createArrayOf("text", joined);
            try (var delete = connection.prepareStatement("""
                    delete from monitoring_mention_label d
                    using unnest(?::uuid[], ?::text[]) as v (id, labels)
                    where d.mention_id = any(?) and d.mention_id = v.id and split_part(d.label, '.', 1) = any(?)
                      and d.label <> all (string_to_array(v.labels, ','))
                    """)) {
                delete.setArray(1, idArray);
                delete.setArray(2, joinedArray);
                // The first condition lets the planner go through the primary key (it cannot estimate the unnest).
                delete.setArray(3, idArray);
                delete.setArray(4, connection.createArrayOf("text", families.toArray()));
                delete.executeUpdate();
            }
            try (var insert = connection.prepareStatement("""
                    insert into monitoring_mention_label (mention_id, label)
                    select v.id, l from unnest(?::uuid[], ?::text[]) as v (id, labels),
                        unnest(string_to_array(v.labels, ',')) l
                    where l <> ''
                    on conflict do nothing
                    """)) {
                insert.setArray(1, idArray);
                insert.setArray(2, joinedArray);
                insert.executeUpdate();
            }
            return null;
        });
    }

}
