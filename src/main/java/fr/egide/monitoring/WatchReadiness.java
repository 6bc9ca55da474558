package fr.egide.monitoring;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the watch of a cabinet says for the « bons réflexes »: whether its own Google listing is connected and
 * followed, which sources are set up, and what the latest search scans show on the first page for the
 * practitioner's name. Background use (no signed-in user): callers check access.
 */
@Service
public class WatchReadiness {

    private final JdbcClient jdbc;

    WatchReadiness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The facts.
     *
     * @param googleConnected a Google account connected through OAuth and not withdrawn
     * @param googleBusinessSources sources reading the cabinet's own listing (GOOGLE_BUSINESS)
     * @param googlePlacesSources sources reading a public listing without owning it (GOOGLE_PLACES)
     * @param scannedSources sources Égide scans on its own (not imports or manual entries), paused ones included
     * @param activeSources of them, those neither paused nor in error
     * @param sourcesInError of them, those in error
     * @param searchSources search-engine sources (RECHERCHE, RECHERCHE_BRAVE)
     * @param searchScanned whether a search source has results from a finished scan
     * @param firstPagePro distinct first-page results of the latest scans labelled PRO
     * @param firstPagePerso labelled PERSO: the practitioner's private life showing next to their work
     * @param firstPageUndetermined labelled INDETERMINE
     */
    public record Facts(boolean googleConnected, long googleBusinessSources, long googlePlacesSources, long scannedSources,
            long activeSources, long sourcesInError, long searchSources, boolean searchScanned, long firstPagePro, long firstPagePerso,
            long firstPageUndetermined) {
    }

    public Facts of(UUID cabinetId) {
        var sources = jdbc.sql("""
                select
                  exists (select 1 from monitoring_google_connection g where g.cabinet_id = :c and g.revoked_at is null) as connected,
                  count(*) filter (where kind = 'GOOGLE_BUSINESS') as business,
                  count(*) filter (where kind = 'GOOGLE_PLACES') as places,
                  count(*) filter (where kind not in ('IMPORT', 'MANUAL')) as scanned,
                  count(*) filter (where kind not in ('IMPORT', 'MANUAL') and state = 'ACTIVE') as active,
                  count(*) filter (where kind not in ('IMPORT', 'MANUAL') and state = 'EN_ERREUR') as errors,
                  count(*) filter (where kind in ('RECHERCHE', 'RECHERCHE_BRAVE')) as search
                from monitoring_source where cabinet_id = :c
                """)
            .param("c", cabinetId)
            .query((rs, row) -> new long[] { rs.getBoolean("connected") ? 1 : 0, rs.getLong("business"), rs.getLong("places"),
                    rs.getLong("scanned"), rs.getLong("active"), rs.getLong("errors"), rs.getLong("search") })
            .single();
        // The latest scan with results of each search source, then each first-page address once, with its label.
        var labels = jdbc.sql("""
                with latest as (
                    select distinct on (r.source_id) r.source_id, r.scan_id
                    from monitoring_search_result r join monitoring_source s on s.id = r.source_id
                    join monitoring_scan c on c.id = r.scan_id
                    where s.cabinet_id = :c and c.status in ('TERMINE', 'PARTIEL')
                    order by r.source_id, r.scanned_at desc),
                first as (
                    select distinct on (r.url_key) r.url_key, r.classement
                    from monitoring_search_result r join latest l on l.scan_id = r.scan_id
                    where r.first_page order by r.url_key, r.position)
                select (select count(*) from latest) as scans,
                       count(*) filter (where classement = 'PRO') as pro,
                       count(*) filter (where classement = 'PERSO') as perso,
                       count(*) filter (where classement = 'INDETERMINE') as other
                from first
                """)
            .param("c", cabinetId)
            .query((rs, row) -> new long[] { rs.getLong("scans"), rs.getLong("pro"), rs.getLong("perso"), rs.getLong("other") })
            .single();
        return new Facts(sources[0] == 1, sources[1], sources[2], sources[3], sources[4], sources[5], sources[6], labels[0] > 0, labels[1],
                labels[2], labels[3]);
    }

}
