package fr.egide.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MentionLabelsUnitTests {

    @Test
    void mentionsAreLockedInTheOrderPostgresqlSortsUuids() {
        // PostgreSQL compares a uuid's bytes unsigned, which is the order of their texts, not UUID.compareTo's.
        var random = new Random(7);
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        ids.add(new UUID(-1L, 0L));
        ids.add(new UUID(0L, -1L));
        ids.add(new UUID(Long.MIN_VALUE, Long.MAX_VALUE));
        var byText = new ArrayList<>(ids);
        byText.sort(Comparator.comparing(UUID::toString));
        var byBytes = new ArrayList<>(ids);
        byBytes.sort(MentionLabels::postgresOrder);
        assertThat(byBytes).containsExactlyElementsOf(byText);
        var bySignedHalves = new ArrayList<>(ids);
        bySignedHalves.sort(Comparator.naturalOrder());
        assertThat(bySignedHalves).isNotEqualTo(byText);
    }

}
