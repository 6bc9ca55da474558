package fr.egide.monitoring;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Where mentions found by a search source rank for the practitioner's name, as the watch last saw them: what the
 * analysis weighs as the "search position" of an impact when the practitioner has not said it. Background use (no
 * signed-in user), like {@link MentionFeed}.
 */
@Service
public class SearchPositions {

    private final JdbcClient jdbc;

    SearchPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For those of these mentions that are search results: true when on the first page for one of the queries in the
     * latest scan that found them, false when beyond it, or when the latest finished scan with results no longer
     * found them. Mentions of other sources are left out.
     */
    public Map<UUID, Boolean> firstPage(Collection<UUID> mentionIds) {
        var positions = new HashMap<UUID, Boolean>();
        if (mentionIds.isEmpty()) {
            return positions;
        }
        // The latest scan that found the address counts when no finished scan with results came after it (the scan
        // running now counts: it is the one whose pages are being stored).
        jdbc.sql("""
                with m as (
                    select id, source_id, external_id from monitoring_mention where id = any(:ids::uuid[]) and external_id is not null),
                found as (
                    select distinct on (m.id) m.id, m.source_id, m.external_id, r.scan_id, r.scanned_at
                    from m join monitoring_search_result r on r.source_id = m.source_id and r.url_key = m.external_id
                    order by m.id, r.scanned_at desc)
                select f.id,
                       (select bool_or(r.first_page) from monitoring_search_result r
                        where r.scan_id = f.scan_id and r.url_key = f.external_id) as first_page,
                       not exists (select 1 from monitoring_scan s
                                   where s.source_id = f.source_id and s.started_at > f.scanned_at
                                     and s.status in ('TERMINE', 'PARTIEL') and s.finished_at is not null
                                     and exists (select 1 from monitoring_search_result x where x.scan_id = s.id)) as current
                from found f
                """)
            .param("ids", mentionIds.stream().map(UUID::toString).toArray(String[]::new))
            .query(rs -> {
                positions.put(rs.getObject("id", UUID.class), rs.getBoolean("current") && rs.getBoolean("first_page"));
            });
        return positions;
    }

}
