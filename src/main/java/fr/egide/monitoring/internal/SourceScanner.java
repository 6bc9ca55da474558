package fr.egide.monitoring.internal;

import fr.egide.monitoring.SourceFailed;
import fr.egide.monitoring.connectors.Connector;
import fr.egide.monitoring.connectors.ConnectorException;
import fr.egide.monitoring.connectors.FetchRequest;
import fr.egide.monitoring.connectors.FetchResult;
import fr.egide.practice.PracticeManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Scans one connector source: fetches its pages and stores each page's items with the source's cursor in one
 * transaction (a crash re-fetches the page, never skips it; an item fetched twice is stored once), records the
 * scan, marks as removed what vanished from a source listing its whole history, and on failure waits (Retry-After,
 * exponential back-off) or puts the source in error with the reason.
 */
@Component
class SourceScanner {

    /** Pages read in one scan at most (Google Business Profile: 50 reviews a page). */
    static final int MAX_PAGES = 40;

    /** Consecutive transient failures before a source is put in error. */
    static final int ERROR_AFTER = 5;

    /** Kinds whose pages are followed within one scan (the cursor is a page token, reset at the end). */
    static final Set<String> PAGED = Set.of("GOOGLE_BUSINESS", "RECHERCHE", "RECHERCHE_BRAVE");

    static final Set<String> SEARCH = Set.of("RECHERCHE", "RECHERCHE_BRAVE");

    /** The setting of a Google Business Profile source naming its connected account. */
    static final String GOOGLE_CONNECTION = "connexion";

    private static final Logger log = LoggerFactory.getLogger(SourceScanner.class);

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final SourceStore store;

    private final ImportEngine engine;

    private final Map<String, Connector> connectors;

    private final PracticeManagement practice;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    /**
     * For tests only: runs inside the transaction of each page after its items are merged, before the commit; a
     * failure there stands for the process stopping between fetch and commit.
     */
    volatile Runnable beforeCommit = () -> { };

    private final String instance;

    private final GoogleConnections google;

    /** Keeps the ranking of each page of a search source (positions over time). */
    @org.springframework.beans.factory.annotation.Autowired
    private SearchResults searchResults;

    SourceScanner(SourceStore store, ImportEngine engine, List<Connector> connectors, PracticeManagement practice,
            ApplicationEventPublisher events, fr.egide.system.Instance instance, GoogleConnections google) {
        this.instance = instance.name();
        this.google = google;
        this.store = store;
        this.engine = engine;
        this.connectors = connectors.stream().collect(Collectors.toMap(Connector::kind, Function.identity()));
        this.practice = practice;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** What one scan did. */
    record Outcome(String status, int pages, long created, long updated, long removed, List<String> warnings, String error) {
    }

    Outcome scan(UUID sourceId) throws InterruptedException {
        var source = store.get(sourceId).orElse(null);
        if (source == null || !"ACTIVE".equals(source.state())) {
            return new Outcome("IGNORE", 0, 0, 0, 0, List.of(), null);
        }
        var connector = connectors.get(source.kind());
        var scanId = store.startScan(sourceId, instance);
        if (connector == null) {
            var error = "Aucun connecteur n'est configuré pour les sources de type " + source.kind() + ".";
            store.finishScan(scanId, "ECHEC", 0, 0, 0, 0, 0, List.of(), error, List.of());
            fail(source, error, true);
            return new Outcome("ECHEC", 0, 0, 0, 0, List.of(), error);
        }
        var names = practice.nameVariants(source.cabinetId());
        var paged = PAGED.contains(source.kind());
        var cursor = source.cursor();
        // A paged listing is complete only when this scan read it from its first page.
        var fromStart = !paged || cursor == null;
        var seen = new HashSet<String>();
        var warnings = new ArrayList<String>();
        var checks = new ArrayList<Map<String, String>>();
        boolean complete = false;
        int pages = 0;
        long items = 0;
        long created = 0;
        long updated = 0;
        try {
            var token = accessToken(source, false);
            var refreshed = false;
            while (true) {
                FetchResult result;
                try {
                    result = connector.fetch(new FetchRequest(source.settings(), cursor, names, token));
                }
                catch (ConnectorException ex) {
                    // An access token Google no longer takes is renewed once, then the same page is asked again.
                    if (ex.kind() != ConnectorException.Kind.AUTH_EXPIRED || token == null || refreshed) {
                        throw ex;
                    }
                    refreshed = true;
                    token = accessToken(source, true);
                    result = connector.fetch(new FetchRequest(source.settings(), cursor, names, token));
                }
                pages++;
                searchResults.record(source.kind(), sourceId, scanId, result);
                result.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
                if (!result.check().isEmpty()) {
                    checks.add(result.check());
                }
                result.items().stream().map(item -> item.externalId()).filter(java.util.Objects::nonNull).forEach(seen::add);
                // A search source's cursor walks the name variants: one variant finding nothing must not end the scan.
                var more = paged && result.nextCursor() != null && (!result.items().isEmpty() || SEARCH.contains(source.kind()))
                        && pages < MAX_PAGES;
                // A paged source starts over at its next scan; others keep what the connector needs next time.
                var nextCursor = paged ? (more ? result.nextCursor() : null) : result.nextCursor();
                var label = "relevé " + source.name() + " (page " + pages + ")";
                if (result.items().isEmpty()) {
                    store.saveCursor(sourceId, nextCursor);
                }
                else if (engine.touchIfUnchanged(sourceId, result.items(), () -> {
                    store.saveCursor(sourceId, nextCursor);
                    beforeCommit.run();
                })) {
                    items += result.items().size();
                }
                else {
                    var counts = engine.ingest(source.cabinetId(), source.name(), label, result.items(),
                            importId -> {
                                store.saveCursor(sourceId, nextCursor);
                                beforeCommit.run();
                            });
                    items += result.items().size();
                    created += counts.created();
                    updated += counts.updated();
                }
                complete = result.completeListing() && !more && (!paged || result.nextCursor() == null);
                if (!more) {
                    break;
                }
                cursor = nextCursor;
            }
            long removed = complete && fromStart ? store.markRemoved(sourceId, seen) : 0;
            var status = warnings.isEmpty() ? "TERMINE" : "PARTIEL";
            store.finishScan(scanId, status, pages, items, created, updated, removed, warnings, null, checks);
            store.succeeded(sourceId, nextRun(source), warnings);
            return new Outcome(status, pages, created, updated, removed, warnings, null);
        }
        catch (ConnectorException ex) {
            var definitive = !ex.transientFailure() || ex.kind() == ConnectorException.Kind.AUTH_EXPIRED;
            var inError = definitive || source.consecutiveFailures() + 1 >= ERROR_AFTER
                    && ex.kind() != ConnectorException.Kind.RATE_LIMITED;
            var message = ex.getMessage() + (pages > 1 ? " (les " + (pages - 1) + " premières pages sont enregistrées)" : "");
            store.finishScan(scanId, "ECHEC", pages, items, created, updated, 0, warnings, message, checks);
            if (inError) {
                fail(source, message, true);
            }
            else {
                var wait = ex.retryAfter() != null ? ex.retryAfter() : backoff(source.consecutiveFailures());
                store.failed(sourceId, message, clock.instant().plus(wait), false);
            }
            log.warn("Relevé de la source {} ({}) en échec : {}", source.name(), source.kind(), ex.getMessage());
            return new Outcome("ECHEC", pages, created, updated, 0, warnings, message);
        }
        catch (RuntimeException ex) {
            var message = "Erreur inattendue pendant le relevé : " + ex.getMessage() + " ; rien n'est perdu, nouvel essai plus tard.";
            store.finishScan(scanId, "ECHEC", pages, items, created, updated, 0, warnings, message, checks);
            store.failed(sourceId, message, clock.instant().plus(backoff(source.consecutiveFailures())),
                    source.consecutiveFailures() + 1 >= ERROR_AFTER);
            log.error("Relevé de la source {} interrompu", source.name(), ex);
            return new Outcome("ECHEC", pages, created, updated, 0, warnings, message);
        }
    }

    /** What a connection test found: the first page's size and a few titles, or the failure in French. */
    record Trial(boolean ok, int items, List<String> samples, List<String> warnings, String error) {
    }

    /**
     * Tests a source's connection: fetches its first page as a scan would, stores nothing and moves no cursor, so
     * the user sees at once whether the settings work.
     */
    Trial trial(UUID sourceId) throws InterruptedException {
        var source = store.get(sourceId).orElseThrow(() -> new fr.egide.system.NotFoundException("Source introuvable."));
        var connector = connectors.get(source.kind());
        if (connector == null) {
            return new Trial(false, 0, List.of(), List.of(), "Aucun connecteur n'est configuré pour les sources de type " + source.kind() + ".");
        }
        var names = practice.nameVariants(source.cabinetId());
        try {
            var token = accessToken(source, false);
            FetchResult result;
            try {
                result = connector.fetch(new FetchRequest(source.settings(), null, names, token));
            }
            catch (ConnectorException ex) {
                if (ex.kind() != ConnectorException.Kind.AUTH_EXPIRED || token == null) {
                    throw ex;
                }
                result = connector.fetch(new FetchRequest(source.settings(), null, names, accessToken(source, true)));
            }
            var samples = result.items().stream().limit(3)
                .map(item -> item.text() == null || item.text().isBlank() ? (item.url() == null ? "(sans texte)" : item.url())
                        : item.text().length() > 120 ? item.text().substring(0, 119) + "…" : item.text())
                .toList();
            return new Trial(true, result.items().size(), samples, result.warnings(), null);
        }
        catch (ConnectorException ex) {
            return new Trial(false, 0, List.of(), List.of(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            log.warn("Test de la source {} en échec", source.name(), ex);
            return new Trial(false, 0, List.of(), List.of(), "Erreur inattendue pendant le test : " + ex.getMessage());
        }
    }

    /** The OAuth access token of a source that needs one (its connected Google account), else null. */
    private String accessToken(SourceStore.ScannedSource source, boolean force) throws ConnectorException, InterruptedException {
        if (!"GOOGLE_BUSINESS".equals(source.kind())) {
            return null;
        }
        var connection = source.settings().get(GOOGLE_CONNECTION);
        UUID id;
        try {
            id = connection == null ? null : UUID.fromString(connection.strip());
        }
        catch (IllegalArgumentException ex) {
            id = null;
        }
        if (id == null) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, "Google Business Profile : aucun compte Google n'est "
                    + "connecté à cette source ; connectez-le depuis la page Veille (« Connecter un compte Google »).");
        }
        return google.accessToken(id, force);
    }

    private void fail(SourceStore.ScannedSource source, String message, boolean inError) {
        store.failed(source.id(), message, clock.instant(), inError);
        if (inError) {
            events.publishEvent(new SourceFailed(source.id(), source.cabinetId(), source.name(), message));
        }
    }

    /** 5 minutes, doubled at each consecutive failure, a day at most. */
    static Duration backoff(int failures) {
        var minutes = 5L << Math.min(failures, 10);
        return Duration.ofMinutes(Math.min(minutes, 24 * 60));
    }

    /** The next scan: the interval plus up to a tenth of it (30 min at most) of jitter, moved into the time window. */
    Instant nextRun(SourceStore.ScannedSource source) {
        var interval = Duration.ofMinutes(source.intervalMinutes());
        var jitter = Math.min(interval.toSeconds() / 10, 1800);
        var next = clock.instant().plus(interval).plusSeconds(jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(jitter + 1));
        return inWindow(next, source.windowStart(), source.windowEnd());
    }

    /** The first instant at or after {@code at} inside the daily window (Paris time); the window may span midnight. */
    static Instant inWindow(Instant at, java.time.LocalTime start, java.time.LocalTime end) {
        if (start == null || end == null || start.equals(end)) {
            return at;
        }
        var local = at.atZone(PARIS);
        var time = local.toLocalTime();
        var inside = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end) : !time.isBefore(start) || time.isBefore(end);
        if (inside) {
            return at;
        }
        var candidate = local.with(start);
        if (!candidate.isAfter(local)) {
            candidate = candidate.plusDays(1);
        }
        return candidate.toInstant();
    }

}
