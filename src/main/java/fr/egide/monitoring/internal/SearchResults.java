package fr.egide.monitoring.internal;

import fr.egide.monitoring.connectors.FetchResult;
import fr.egide.monitoring.connectors.FetchedItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rankings the scans of search sources saw (table {@code monitoring_search_result}): each page's results are
 * recorded as they are fetched, and read back as the latest first page with what changed since the scan before
 * (new results, positions up or down, results that left the first page) and as each result's positions over time.
 *
 * <p>Only finished scans that ran to the end ({@code TERMINE}, {@code PARTIEL}) are compared: a scan cut short by a
 * failure saw part of the ranking, and its missing results did not leave anything.
 */
@Component
class SearchResults {

    /** The source kinds whose items are search results. */
    static final Set<String> KINDS = Set.of("RECHERCHE", "RECHERCHE_BRAVE");

    /** Results ranked up to this position are on the first page (ten results, as engines show them). */
    static final int FIRST_PAGE = 10;

    private static final String SHOWN = "status in ('TERMINE', 'PARTIEL') and finished_at is not null";

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    SearchResults(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Keeps the ranking of one fetched page of a search source, in its own transaction, before the page's items
     * are stored: the analysis of the mentions they create finds their position. A result already recorded in
     * this scan for the same query (engines repeat a page on the next one) keeps its first, better, rank.
     */
    void record(String kind, UUID sourceId, UUID scanId, FetchResult page) {
        if (!KINDS.contains(kind) || page.items().isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            for (var item : page.items()) {
                var position = position(item);
                if (position == null || item.externalId() == null || item.url() == null) {
                    continue;
                }
                var attributes = item.attributes();
                var firstPage = attributes.containsKey("premierePage") ? "oui".equals(attributes.get("premierePage"))
                        : position <= FIRST_PAGE;
                var classement = attributes.getOrDefault("classement", "INDETERMINE");
                jdbc.sql("""
                        insert into monitoring_search_result (scan_id, source_id, scanned_at, query, engines, url_key, url, title,
                            position, first_page, classement, rule)
                        select s.id, s.source_id, s.started_at, ?, ?, ?, ?, ?, ?, ?, ?, ?
                        from monitoring_scan s where s.id = ? and s.source_id = ?
                        on conflict do nothing
                        """)
                    .params(attributes.getOrDefault("requete", ""), attributes.get("moteurs"), item.externalId(), item.url(),
                            attributes.get("titre"), position, firstPage,
                            Set.of("PRO", "PERSO").contains(classement) ? classement : "INDETERMINE",
                            attributes.get("raisonClassement"), scanId, sourceId)
                    .update();
            }
        });
    }

    private static Integer position(FetchedItem item) {
        try {
            var position = Integer.parseInt(item.attributes().getOrDefault("position", ""));
            return position > 0 ? position : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /**
     * A scan of a search source, as the pages show it.
     *
     * @param partial engines did not answer: what is missing may be there (never "nothing found")
     */
    record Scan(UUID id, Instant startedAt, Instant finishedAt, String status, List<String> warnings, String error,
            boolean partial) {
    }

    /** How a result moved since the scan before. */
    enum Change {
        /** The first scan compared: nothing to compare with. */
        PREMIER_RELEVE,
        /** The address was in no result of the scan before. */
        NOUVEAU,
        /** The address was found before, but not by this query. */
        ENTREE,
        HAUSSE,
        BAISSE,
        STABLE
    }

    /** One result of a scan, with how it moved since the scan before. */
    record Result(String query, String engines, String url, String urlKey, String title, int position, boolean firstPage,
            String classement, String rule, Change change, Integer previousPosition) {

        /** Places gained (positive) or lost (negative); 0 when there is nothing to compare. */
        public int moved() {
            return previousPosition == null ? 0 : previousPosition - position;
        }

        /** Absolute number of places moved, for the texts. */
        public int places() {
            return Math.abs(moved());
        }

    }

    /** A result on the first page of the scan before that is not on this scan's first page (for the same query). */
    record Departure(String query, String url, String urlKey, String title, int previousPosition, Integer position) {
    }

    /** What one scan of a search source saw, compared with the scan before. */
    record Ranking(UUID sourceId, Scan scan, Scan previous, List<Result> results, List<Departure> leftFirstPage) {

        /** The queries in the order they were searched. */
        public List<String> queries() {
            var queries = new ArrayList<String>();
            results.forEach(result -> {
                if (!queries.contains(result.query())) {
                    queries.add(result.query());
                }
            });
            leftFirstPage.forEach(departure -> {
                if (!queries.contains(departure.query())) {
                    queries.add(departure.query());
                }
            });
            return queries;
        }

        public List<Result> firstPage(String query) {
            return results.stream().filter(r -> r.query().equals(query) && r.firstPage()).toList();
        }

        public List<Departure> leftFirstPage(String query) {
            return leftFirstPage.stream().filter(d -> d.query().equals(query)).toList();
        }

        public long newResults() {
            return results.stream().filter(r -> r.change() == Change.NOUVEAU).count();
        }

    }

    /** The latest finished scan of a source, with its ranking; empty before the first one. */
    Optional<Ranking> latest(UUID sourceId) {
        return latestScan(sourceId).map(scan -> ranking(sourceId, scan));
    }

    /** A given scan of the source; empty when the scan is not one of the source's. */
    Optional<Ranking> ofScan(UUID sourceId, UUID scanId) {
        return jdbc.sql("select * from monitoring_scan where id = ? and source_id = ?").params(scanId, sourceId)
            .query(SearchResults::scan).optional().map(scan -> ranking(sourceId, scan));
    }

    Optional<Scan> latestScan(UUID sourceId) {
        return jdbc.sql("select * from monitoring_scan where source_id = ? and " + SHOWN + " order by started_at desc limit 1")
            .param(sourceId).query(SearchResults::scan).optional();
    }

    /** The last {@code limit} finished scans of a source, oldest first. */
    List<Scan> scans(UUID sourceId, int limit) {
        var scans = new ArrayList<>(jdbc.sql("select * from monitoring_scan where source_id = ? and " + SHOWN
                + " order by started_at desc limit ?").params(sourceId, limit).query(SearchResults::scan).list());
        java.util.Collections.reverse(scans);
        return scans;
    }

    private Ranking ranking(UUID sourceId, Scan scan) {
        var previous = jdbc.sql("select * from monitoring_scan where source_id = ? and " + SHOWN
                + " and started_at < ? order by started_at desc limit 1")
            .params(sourceId, java.sql.Timestamp.from(scan.startedAt())).query(SearchResults::scan).optional().orElse(null);
        var rows = rows(scan.id());
        var before = previous == null ? List.<Row>of() : rows(previous.id());
        var seenBefore = new HashSet<String>();
        var positionsBefore = new HashMap<String, Row>();
        before.forEach(row -> {
            seenBefore.add(row.urlKey());
            positionsBefore.put(row.query() + "\n" + row.urlKey(), row);
        });
        var now = new HashMap<String, Row>();
        var results = new ArrayList<Result>();
        for (var row : rows) {
            now.put(row.query() + "\n" + row.urlKey(), row);
            var earlier = positionsBefore.get(row.query() + "\n" + row.urlKey());
            Change change;
            if (previous == null) {
                change = Change.PREMIER_RELEVE;
            }
            else if (!seenBefore.contains(row.urlKey())) {
                change = Change.NOUVEAU;
            }
            else if (earlier == null) {
                change = Change.ENTREE;
            }
            else {
                change = earlier.position() > row.position() ? Change.HAUSSE
                        : earlier.position() < row.position() ? Change.BAISSE : Change.STABLE;
            }
            results.add(new Result(row.query(), row.engines(), row.url(), row.urlKey(), row.title(), row.position(), row.firstPage(),
                    row.classement(), row.rule(), change, earlier == null ? null : earlier.position()));
        }
        var departures = new ArrayList<Departure>();
        for (var row : before) {
            var current = now.get(row.query() + "\n" + row.urlKey());
            if (row.firstPage() && (current == null || !current.firstPage())) {
                departures.add(new Departure(row.query(), row.url(), row.urlKey(), row.title(), row.position(),
                        current == null ? null : current.position()));
            }
        }
        return new Ranking(sourceId, scan, previous, List.copyOf(results), List.copyOf(departures));
    }

    private record Row(String query, String engines, String url, String urlKey, String title, int position, boolean firstPage,
            String classement, String rule) {
    }

    private List<Row> rows(UUID scanId) {
        return jdbc.sql("select * from monitoring_search_result where scan_id = ? order by query, position").param(scanId)
            .query((rs, n) -> new Row(rs.getString("query"), rs.getString("engines"), rs.getString("url"), rs.getString("url_key"),
                    rs.getString("title"), rs.getInt("position"), rs.getBoolean("first_page"), rs.getString("classement"),
                    rs.getString("rule")))
            .list();
    }

    /** Where a result ranked for one query in one scan. */
    record Rank(String query, int position, boolean firstPage) {
    }

    /** One finished scan in a result's history: its ranks, empty when the scan did not find it. */
    record Point(UUID scanId, Instant scannedAt, String status, List<Rank> ranks) {
    }

    /** The positions over time of a result, given by its address as found or normalised. */
    record History(UUID sourceId, String url, String urlKey, String title, List<Point> points) {
    }

    /** The result's positions in the last {@code limit} finished scans, oldest first; empty when never found. */
    Optional<History> history(UUID sourceId, String url, int limit) {
        var found = jdbc.sql("""
                select url, url_key, title from monitoring_search_result where source_id = ? and (url_key = ? or url = ?)
                order by scanned_at desc, position limit 1
                """).params(sourceId, url, url)
            .query((rs, n) -> new String[] { rs.getString("url"), rs.getString("url_key"), rs.getString("title") }).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var key = found.get()[1];
        var scans = scans(sourceId, limit);
        var ranks = new HashMap<UUID, List<Rank>>();
        if (!scans.isEmpty()) {
            jdbc.sql("""
                    select scan_id, query, position, first_page from monitoring_search_result
                    where source_id = :source and url_key = :key and scan_id in (:scans) order by position
                    """).param("source", sourceId).param("key", key).param("scans", scans.stream().map(Scan::id).toList())
                .query(rs -> {
                    ranks.computeIfAbsent(rs.getObject("scan_id", UUID.class), id -> new ArrayList<>())
                        .add(new Rank(rs.getString("query"), rs.getInt("position"), rs.getBoolean("first_page")));
                });
        }
        var points = scans.stream()
            .map(scan -> new Point(scan.id(), scan.startedAt(), scan.status(), List.copyOf(ranks.getOrDefault(scan.id(), List.of()))))
            .toList();
        return Optional.of(new History(sourceId, found.get()[0], key, found.get()[2], points));
    }

    /** One result's line in a table of positions over time: its position for the query in each scan, or null. */
    record Track(String urlKey, String url, String title, List<Integer> positions) {
    }

    /**
     * The positions over the given scans, for one query, of the results on the latest first page and of those that
     * left it: one line a result, one column a scan.
     */
    List<Track> tracks(Ranking ranking, String query, List<Scan> scans) {
        var lines = new LinkedHashMap<String, String[]>();
        ranking.firstPage(query).forEach(r -> lines.put(r.urlKey(), new String[] { r.url(), r.title() }));
        ranking.leftFirstPage(query).forEach(d -> lines.putIfAbsent(d.urlKey(), new String[] { d.url(), d.title() }));
        if (lines.isEmpty() || scans.isEmpty()) {
            return List.of();
        }
        var positions = new HashMap<String, Integer>();
        jdbc.sql("""
                select scan_id, url_key, position from monitoring_search_result
                where source_id = :source and query = :query and scan_id in (:scans) and url_key in (:keys)
                """).param("source", ranking.sourceId()).param("query", query).param("scans", scans.stream().map(Scan::id).toList())
            .param("keys", List.copyOf(lines.keySet()))
            .query(rs -> {
                positions.put(rs.getString("scan_id") + "\n" + rs.getString("url_key"), rs.getInt("position"));
            });
        var tracks = new ArrayList<Track>();
        lines.forEach((key, line) -> tracks.add(new Track(key, line[0], line[1],
                scans.stream().map(scan -> positions.get(scan.id() + "\n" + key)).toList())));
        return tracks;
    }

    private static Scan scan(ResultSet rs, int row) throws SQLException {
        var finished = rs.getTimestamp("finished_at");
        var status = rs.getString("status");
        var warnings = Arrays.asList((String[]) rs.getArray("warnings").getArray());
        return new Scan(rs.getObject("id", UUID.class), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), status, warnings, rs.getString("error"),
                "PARTIEL".equals(status) || !warnings.isEmpty());
    }

}
