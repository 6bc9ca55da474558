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
            .sorted((a, b) -> postgresOrder(a.getKey(), b.getKey()))
            .toList();
        // A batch repeats a few labels thousands of times: each distinct one is checked once.
        var checked = new java.util.HashSet<String>();
        for (var entry : entries) {
            for (var label : entry.getValue()) {
                if (checked.contains(label)) {
                    continue;
                }
                if (!LABEL.matcher(label).matches() || prefixes.stream().noneMatch(label::startsWith)) {
                    throw new IllegalArgumentException("Étiquette invalide : " + label);
                }
                checked.add(label);
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        // Labels live in monitoring_mention_label (one narrow row per label): labelling never rewrites the mention
        // row nor its full-text index. The mention rows are locked first, in id order, so that two transactions
        // replacing the labels of the same mentions wait for each other instead of interleaving (or deadlocking).
        // Then one select, at most one delete and at most one insert for the whole batch.
        var ids = entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        jdbc.execute((java.sql.Connection connection) -> {
            var idArray = connection.createArrayOf("uuid", ids);
            // The mentions that exist: only they get labels (the table has no foreign key, see monitoring V12; a
            // mention deleted meanwhile is not labelled), and they stay until this transaction ends.
            var present = new java.util.HashSet<UUID>();
            try (var lock = connection.prepareStatement(
                    "select id from monitoring_mention where id = any(?) order by id for no key update")) {
                lock.setArray(1, idArray);
                try (var rows = lock.executeQuery()) {
                    while (rows.next()) {
                        present.add(rows.getObject(1, UUID.class));
                    }
                }
            }
            // The labels these mentions have now in these families, through the primary key (mention_id, label); then
            // only the labels that go are deleted and only the new ones inserted: a first analysis only inserts, and a
            // re-analysis that keeps the same labels (a wave refresh, mostly) writes nothing.
            var current = new java.util.HashMap<UUID, java.util.Set<String>>();
            try (var select = connection.prepareStatement("""
                    select mention_id, label from monitoring_mention_label
                    where mention_id = any(?) and split_part(label, '.', 1) = any(?)
                    """)) {
                select.setArray(1, idArray);
                select.setArray(2, connection.createArrayOf("text", families.toArray()));
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        current.computeIfAbsent(rows.getObject(1, UUID.class), id -> new java.util.HashSet<>()).add(rows.getString(2));
                    }
                }
            }
            var goneIds = new java.util.ArrayList<UUID>();
            var goneLabels = new java.util.ArrayList<String>();
            var newIds = new java.util.ArrayList<UUID>();
            var newLabels = new java.util.ArrayList<String>();
            for (var entry : entries) {
                var wanted = new java.util.LinkedHashSet<>(entry.getValue());
                var had = current.getOrDefault(entry.getKey(), java.util.Set.of());
                for (var label : had) {
                    if (!wanted.contains(label)) {
                        goneIds.add(entry.getKey());
                        goneLabels.add(label);
                    }
                }
                for (var label : wanted) {
                    if (!had.contains(label) && present.contains(entry.getKey())) {
                        newIds.add(entry.getKey());
                        newLabels.add(label);
                    }
                }
            }
            if (!goneIds.isEmpty()) {
                try (var delete = connection.prepareStatement("""
                        delete from monitoring_mention_label d using unnest(?::uuid[], ?::text[]) as v (id, label)
                        where d.mention_id = v.id and d.label = v.label
                        """)) {
                    delete.setArray(1, connection.createArrayOf("uuid", goneIds.toArray()));
                    delete.setArray(2, connection.createArrayOf("text", goneLabels.toArray()));
                    delete.executeUpdate();
                }
            }
            if (!newIds.isEmpty()) {
                // A plain insert (no ON CONFLICT): the rows are locked and their labels were read after the lock, so
                // none of these exists; in (mention, label) order, as the primary key is.
                try (var insert = connection.prepareStatement("""
                        insert into monitoring_mention_label (mention_id, label)
                        select id, label from unnest(?::uuid[], ?::text[]) as v (id, label)
                        """)) {
                    insert.setArray(1, connection.createArrayOf("uuid", newIds.toArray()));
                    insert.setArray(2, connection.createArrayOf("text", newLabels.toArray()));
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }


    /**
     * PostgreSQL's order of uuids: their 16 bytes compared unsigned, which is also the order of their texts.
     * {@link UUID#compareTo} compares signed halves and differs; comparing texts built for each comparison cost
     * more than the lookup the order is for.
     */
    static int postgresOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

}
