package fr.egide.monitoring.internal;

import fr.egide.monitoring.ImportIssue;
import fr.egide.monitoring.ImportReport;
import fr.egide.monitoring.MentionsImported;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a file of reviews in one transaction: every valid line is stored and every other one is listed
 * with its reason, or, when the file itself is unreadable, nothing is stored at all.
 *
 * <p>The file is streamed: records are validated one by one and copied in chunks (PostgreSQL COPY) into a
 * temporary staging table; set-based SQL then merges the staging table into the mentions, so that
 * re-importing a file adds nothing twice and a changed text becomes a new version.
 */
@Service
class ImportEngine {

    static final int CHUNK_ROWS = 5_000;

    /** Long reviews fill a chunk before 5,000 rows: the buffer is bounded in bytes too. */
    static final int CHUNK_BYTES = 8 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(ImportEngine.class);

    private static final String STAGE_COLUMNS = "seq, line_no, source_name, external_id, url, author, rating, text, "
            + "language, pub_raw, pub_earliest, pub_latest, pub_precision, pub_basis, seen_at, fingerprint, raw";

    private final DataSource dataSource;

    private final JdbcClient jdbc;

    private final JdbcTemplate jdbcTemplate;

    private final JsonMapper json;

    private final TransactionTemplate transaction;

    private final ApplicationEventPublisher events;

    private final ImportReports reports;

    private final Clock clock = Clock.systemUTC();

    ImportEngine(DataSource dataSource, JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json,
            PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
            ImportReports reports) {
        this.reports = reports;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
        this.events = events;
    }

    /** Where the import goes and where it comes from. {@code content} is opened more than once. */
    record Request(UUID cabinetId, UUID userId, String fileName, Supplier<InputStream> content,
            String defaultSource) {
    }

    ImportReport run(Request request) {
        var importId = UUID.randomUUID();
        var startedAt = clock.instant();
        String format = null;
        String charset = null;
        try {
            var detected = ImportFileFormat.detect(request.fileName(), request.content());
            format = detected.format().name();
            charset = detected.charset().name();
            var counts = transaction.execute(status -> importIn(importId, startedAt, request, detected.format().name(),
                    detected.charset().name(), () -> {
                        try {
                            return open(request, detected);
                        }
                        catch (IOException ex) {
                            throw new UncheckedIOException(ex);
                        }
                    }, id -> { }));
            log.info("Import {} de {} : {}", importId, request.fileName(), counts);
        }
        catch (ImportFailure | IOException | UncheckedIOException ex) {
            var message = ex instanceof ImportFailure ? ex.getMessage()
                    : "Lecture du fichier impossible : " + ex.getMessage();
            recordFailure(importId, startedAt, request, format, charset, message);
        }
        catch (RuntimeException ex) {
            // Whatever went wrong, the transaction rolled back: nothing is half-written, and the user is told so.
            log.error("Import {} de {} interrompu", importId, request.fileName(), ex);
            recordFailure(importId, startedAt, request, format, charset,
                    "L'import a été interrompu par une erreur inattendue ; rien n'a été enregistré. Vérifiez que le "
                            + "fichier est un CSV ou un JSON en UTF-8 ou Windows-1252, puis recommencez ; si l'erreur "
                            + "persiste, signalez-la à votre administrateur.");
        }
        return reports.find(importId, ImportReports.FIRST_ISSUES).orElseThrow();
    }

    /**
     * A page of items from a connector, stored like an import (same upsert by source and external id or
     * fingerprint, versions, relative dates, event for the analysis) in one transaction that also runs
     * {@code inTransaction} (the source's cursor advances with its items, or neither does).
     */
    Counts ingest(UUID cabinetId, String sourceName, String label, java.util.List<fr.egide.monitoring.connectors.FetchedItem> items,
            java.util.function.Consumer<UUID> inTransaction) {
        var importId = UUID.randomUUID();
        var startedAt = clock.instant();
        var request = new Request(cabinetId, null, label, null, sourceName);
        return transaction.execute(status -> importIn(importId, startedAt, request, "CONNECTEUR", "UTF-8",
                () -> new ItemRowReader(sourceName, items, json::writeValueAsString), inTransaction));
    }

    /**
     * When every item of a page has a source id and is already stored with the same text and rating (most scans),
     * only their last-seen time moves, with the cursor, in one short transaction: no import record, no staging.
     *
     * @return false when something is new or changed (then {@link #ingest} stores the page)
     */
    boolean touchIfUnchanged(UUID sourceId, java.util.List<fr.egide.monitoring.connectors.FetchedItem> items, Runnable inTransaction) {
        if (items.isEmpty() || items.stream().anyMatch(item -> item.externalId() == null)) {
            return false;
        }
        var ids = items.stream().map(fr.egide.monitoring.connectors.FetchedItem::externalId).toArray(String[]::new);
        var texts = items.stream().map(item -> item.text() == null ? "" : item.text()).toArray(String[]::new);
        var ratings = items.stream().map(fr.egide.monitoring.connectors.FetchedItem::rating).toArray(Integer[]::new);
        return Boolean.TRUE.equals(transaction.execute(status -> {
            var same = jdbc.sql("""
                    select count(*) from unnest(?::text[], ?::text[], ?::int[]) as i(external_id, text, rating)
                    join monitoring_mention m on m.source_id = ? and m.external_id = i.external_id
                    where m.text = i.text and m.rating is not distinct from i.rating
                    """).params(ids, texts, ratings, sourceId).query(Long.class).single();
            if (same != java.util.Arrays.stream(ids).distinct().count() || same != ids.length) {
                return false;
            }
            jdbc.sql("update monitoring_mention set last_seen = greatest(last_seen, now()) where source_id = ? and external_id = any(?)")
                .params(sourceId, ids).update();
            inTransaction.run();
            return true;
        }));
    }

    /** Connector items as import records: the canonical columns, and the raw payload with the attributes kept. */
    private static final class ItemRowReader implements RowReader {

        private final String sourceName;

        private final java.util.Iterator<fr.egide.monitoring.connectors.FetchedItem> items;


        private long line;

        ItemRowReader(String sourceName, java.util.List<fr.egide.monitoring.connectors.FetchedItem> items,
                java.util.function.Function<Object, String> toJson) {
            this.sourceName = sourceName;
            this.items = items.iterator();

        }

        @Override
        public RawRow next() {
            if (!items.hasNext()) {
                return null;
            }
            var item = items.next();
            line++;
            var values = new java.util.LinkedHashMap<String, String>();
            values.put(ImportColumns.SOURCE, sourceName);
            values.put(ImportColumns.EXTERNAL_ID, item.externalId());
            values.put(ImportColumns.URL, item.url());
            values.put(ImportColumns.AUTHOR, item.author());
            values.put(ImportColumns.RATING, item.rating() == null ? null : item.rating().toString());
            values.put(ImportColumns.TEXT, item.text() == null ? "" : item.text());
            values.put(ImportColumns.DATE, item.publishedAt() != null ? item.publishedAt().toString() : item.publishedRaw());
            values.put(ImportColumns.LANGUAGE, item.language());
            values.values().removeIf(java.util.Objects::isNull);
            var original = new java.util.LinkedHashMap<String, String>(item.attributes());
            if (item.originalText() != null) {
                original.put("texteOriginal", item.originalText());
            }
            if (item.updatedAt() != null) {
                original.put("misAJour", item.updatedAt().toString());
            }
            if (item.raw() != null) {
                original.put("brut", item.raw());
            }
            var excerpt = RowReader.excerpt(item.text());
            return new RawRow(line, values, original, excerpt, null);
        }

        @Override
        public java.util.List<String> ignoredColumns() {
            return java.util.List.of();
        }

        @Override
        public void close() {
        }

    }

    private Counts importIn(UUID importId, Instant startedAt, Request request, String format, String charset,
            java.util.function.Supplier<RowReader> readers, java.util.function.Consumer<UUID> inTransaction) {
        // Two imports into one cabinet at once would race on new sources and mentions: they take turns.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(request.cabinetId().toString()).query(Object.class).single();
        jdbc.sql("""
                insert into monitoring_import (id, cabinet_id, user_id, file_name, format, charset, status,
                    started_at, finished_at)
                values (?, ?, ?, ?, ?, ?, 'TERMINE', ?, ?)
                """)
            .params(importId, request.cabinetId(), request.userId(), request.fileName(), format, charset, ts(startedAt),
                    ts(startedAt))
            .update();
        jdbc.sql("""
                create temp table import_stage (
                    seq bigint, line_no bigint, source_name text, external_id text, url text, author text, rating smallint,
                    text text, language text, pub_raw text, pub_earliest timestamptz, pub_latest timestamptz,
                    pub_precision text, pub_basis text, seen_at timestamptz, fingerprint text, raw jsonb,
                    source_id uuid, keep boolean not null default true, mention_id uuid,
                    is_new boolean not null default false, changed boolean not null default false
                ) on commit drop
                """).update();
        var validator = new RowValidator(request.defaultSource(), startedAt, json::writeValueAsString);
        long total = 0;
        long rejected = 0;
        List<String> ignored;
        try (var reader = readers.get()) {
            var chunk = new Chunk();
            var rejections = new ArrayList<Numbered>();
            RawRow row;
            while ((row = reader.next()) != null) {
                total++;
                var result = validator.validate(row);
                if (result instanceof ValidRow valid) {
                    chunk.add(total, valid);
                }
                else {
                    rejections.add(new Numbered(total, (RowValidator.Rejection) result));
                    rejected++;
                }
                if (chunk.rows >= CHUNK_ROWS || chunk.buffer.size() >= CHUNK_BYTES || rejections.size() >= CHUNK_ROWS) {
                    flush(chunk, rejections, importId);
                }
            }
            flush(chunk, rejections, importId);
            ignored = reader.ignoredColumns();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        var counts = merge(importId, request.cabinetId(), total, rejected);
        var warnings = ignored.isEmpty() ? new String[0]
                : new String[] { "Colonnes non reconnues, gardées seulement dans les données brutes : "
                        + String.join(", ", ignored) + "." };
        jdbc.sql("""
                update monitoring_import set total_rows = ?, created = ?, updated = ?, unchanged = ?,
                    duplicates = ?, rejected = ?, warnings = ?, finished_at = ?, text_chars = ?
                where id = ?
                """)
            .params(counts.total, counts.created, counts.updated, counts.unchanged, counts.duplicates,
                    counts.rejected, warnings, ts(clock.instant()), counts.textChars, importId)
            .update();
        if (counts.created + counts.updated > 0) {
            events.publishEvent(new MentionsImported(importId, request.cabinetId(), counts.created, counts.updated));
        }
        inTransaction.accept(importId);
        return counts;
    }

    private RowReader open(Request request, ImportFileFormat.Detected detected) throws IOException {
        var in = request.content().get();
        return switch (detected.format()) {
            case CSV -> new CsvRowReader(in, detected.charset(), detected.bom());
            case JSON -> JsonRowReader.array(json, in, detected.charset(), detected.bom());
            case JSON_LINES -> JsonRowReader.lines(json, in, detected.charset());
        };
    }

    /** Copies the chunk into the staging table, then stores the pending rejections: one statement at a time. */
    /** A rejection with the record's ordinal in the file, its key in the report. */
    private record Numbered(long seq, RowValidator.Rejection rejection) {
    }

    private void flush(Chunk chunk, List<Numbered> rejections, UUID importId) {
        if (chunk.rows > 0) {
            var connection = DataSourceUtils.getConnection(dataSource);
            try {
                connection.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy import_stage (" + STAGE_COLUMNS + ") from stdin with (format csv)",
                            new ByteArrayInputStream(chunk.buffer.toByteArray()));
            }
            catch (SQLException | IOException ex) {
                throw new IllegalStateException("Copie vers la table d'import impossible", ex);
            }
            finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            chunk.reset();
        }
        if (!rejections.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    insert into monitoring_import_issue (import_id, seq, line_no, kind, reason, excerpt)
                    values (?, ?, ?, 'REJET', ?, ?)
                    """, rejections, 1000, (ps, numbered) -> {
                ps.setObject(1, importId);
                ps.setLong(2, numbered.seq());
                ps.setLong(3, numbered.rejection().row().line());
                ps.setString(4, numbered.rejection().reason());
                ps.setString(5, numbered.rejection().row().excerpt());
            });
            rejections.clear();
        }
    }

    /** @param textChars the length of the texts created or changed, which the analysis will read */
    record Counts(long total, long created, long updated, long unchanged, long duplicates, long rejected, long textChars) {
    }

    private Counts merge(UUID importId, UUID cabinetId, long total, long rejected) {
        jdbc.sql("""
                insert into monitoring_source (id, cabinet_id, kind, name)
                select gen_random_uuid(), :cabinet, 'IMPORT', s.source_name
                from (select distinct on (lower(source_name)) source_name from import_stage
                      order by lower(source_name), seq) s
                where not exists (select 1 from monitoring_source m
                                  where m.cabinet_id = :cabinet and lower(m.name) = lower(s.source_name))
                """).param("cabinet", cabinetId).update();
        jdbc.sql("""
                update import_stage st set source_id = m.id from monitoring_source m
                where m.cabinet_id = :cabinet and lower(m.name) = lower(st.source_name)
                """).param("cabinet", cabinetId).update();
        jdbc.sql("analyze import_stage").update();
        var duplicates = jdbc.sql("""
                with ranked as (
                    select seq, line_no, text, first_value(line_no) over w as first_line, row_number() over w as rn
                    from import_stage
                    window w as (partition by source_id, coalesce('id:' || external_id, 'fp:' || fingerprint)
                                 order by seq)
                ), marked as (
                    update import_stage st set keep = false from ranked r
                    where r.rn > 1 and st.seq = r.seq
                    returning st.seq
                )
                insert into monitoring_import_issue (import_id, seq, line_no, kind, reason, excerpt)
                select :import, r.seq, r.line_no, 'DOUBLON',
                       'Même avis que celui de la ligne ' || r.first_line || ' du fichier : ignoré.', left(r.text, 160)
                from ranked r where r.rn > 1
                """).param("import", importId).update();
        jdbc.sql("""
                update import_stage st set mention_id = m.id,
                    changed = (m.text is distinct from st.text or m.rating is distinct from st.rating)
                from monitoring_mention m
                where st.keep and st.external_id is not null
                  and m.source_id = st.source_id and m.external_id = st.external_id
                """).update();
        jdbc.sql("""
                update import_stage st set mention_id = m.id, changed = false
                from monitoring_mention m
                where st.keep and st.external_id is null and m.external_id is null
                  and m.source_id = st.source_id and m.fingerprint = st.fingerprint
                """).update();
        // The mentions this import touches are locked in id order first: another import, or the analysis labelling
        // mentions, takes them in the same order, so they wait for each other instead of deadlocking.
        jdbc.sql("""
                select m.id from monitoring_mention m join import_stage st on st.mention_id = m.id
                where st.keep order by m.id for update of m
                """).query().listOfRows();
        var unchanged = jdbc.sql("""
                update monitoring_mention m set last_seen = greatest(m.last_seen, st.seen_at)
                from import_stage st where st.keep and st.mention_id = m.id and not st.changed
                """).update();
        jdbc.sql("""
                insert into monitoring_mention_version (mention_id, version_no, text, rating, seen_at,
                    published_raw, published_earliest, published_latest, published_basis, import_id)
                select m.id, m.version_count + 1, st.text, st.rating, st.seen_at, st.pub_raw, st.pub_earliest,
                       st.pub_latest, st.pub_basis, :import
                from import_stage st join monitoring_mention m on m.id = st.mention_id
                where st.keep and st.changed
                """).param("import", importId).update();
        var updated = jdbc.sql("""
                update monitoring_mention m set text = st.text, rating = st.rating,
                    author = coalesce(st.author, m.author), url = coalesce(st.url, m.url),
                    language = coalesce(st.language, m.language), last_seen = greatest(m.last_seen, st.seen_at),
                    version_count = m.version_count + 1, status = 'NOUVEAU', raw = st.raw, import_id = :import
                from import_stage st where st.keep and st.changed and st.mention_id = m.id
                """).param("import", importId).update();
        jdbc.sql("update import_stage set mention_id = gen_random_uuid(), is_new = true where keep and mention_id is null")
            .update();
        var created = jdbc.sql("""
                insert into monitoring_mention (id, cabinet_id, source_id, external_id, fingerprint, url, author,
                    rating, text, language, published_raw, published_earliest, published_latest,
                    published_precision, published_basis, first_seen, last_seen, raw, import_id)
                select mention_id, :cabinet, source_id, external_id, fingerprint, url, author, rating, text,
                       language, pub_raw, pub_earliest, pub_latest, pub_precision, pub_basis, seen_at, seen_at,
                       raw, :import
                from import_stage where is_new
                """).param("cabinet", cabinetId).param("import", importId).update();
        jdbc.sql("""
                insert into monitoring_mention_version (mention_id, version_no, text, rating, seen_at,
                    published_raw, published_earliest, published_latest, published_basis, import_id)
                select mention_id, 1, text, rating, seen_at, pub_raw, pub_earliest, pub_latest, pub_basis, :import
                from import_stage where is_new
                """).param("import", importId).update();
        // Measured here on the page's staging rows rather than later on the stored mentions (an index scan of the
        // import's rows): the analysis sizes its batches from it.
        var textChars = jdbc.sql("select coalesce(sum(length(text)), 0) from import_stage where keep and (is_new or changed)")
            .query(Long.class).single();
        return new Counts(total, created, updated, unchanged, duplicates, rejected, textChars);
    }

    private void recordFailure(UUID importId, Instant startedAt, Request request, String format, String charset,
            String message) {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                insert into monitoring_import (id, cabinet_id, user_id, file_name, format, charset, status, error,
                    started_at, finished_at)
                values (?, ?, ?, ?, ?, ?, 'ECHEC', ?, ?, ?)
                """)
            .params(importId, request.cabinetId(), request.userId(), request.fileName(), format, charset, message,
                    ts(startedAt), ts(clock.instant()))
            .update());
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    /** Rows waiting to be copied, already written in PostgreSQL's CSV format. */
    private static final class Chunk {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);

        private final StringBuilder line = new StringBuilder(512);

        private int rows;

        void add(long seq, ValidRow row) {
            line.setLength(0);
            var published = row.published();
            field(Long.toString(seq));
            field(Long.toString(row.line()));
            field(row.sourceName());
            field(row.externalId());
            field(row.url());
            field(row.author());
            field(row.rating() == null ? null : row.rating().toString());
            field(row.text());
            field(row.language());
            field(published == null ? null : published.raw());
            field(published == null ? null : micros(published.earliest()));
            field(published == null ? null : micros(published.latest()));
            field(published == null ? null : published.precision().name());
            field(published == null ? null : published.basis().name());
            field(row.seenAt().toString());
            field(row.fingerprint());
            field(row.rawJson());
            line.setCharAt(line.length() - 1, '\n');
            buffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
            rows++;
        }

        /**
         * PostgreSQL keeps microseconds and rounds the rest: a range ending at 23:59:59.999999999 would be
         * stored as midnight of the next day. Truncating keeps the end inside its day.
         */
        private static String micros(Instant instant) {
            return instant.truncatedTo(ChronoUnit.MICROS).toString();
        }

        /** NULL is an empty unquoted field; any value, even empty, is quoted. */
        private void field(String value) {
            if (value != null) {
                line.append('"');
                for (int i = 0; i < value.length(); i++) {
                    var c = value.charAt(i);
                    if (c == '"') {
                        line.append('"');
                    }
                    if (c != '\u0000') {
                        line.append(c);
                    }
                }
                line.append('"');
            }
            line.append(',');
        }

        void reset() {
            buffer.reset();
            rows = 0;
        }

    }

}
