package fr.egide.monitoring;

import fr.egide.identity.CabinetAccess;
import fr.egide.system.InvalidRequestException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly "état des lieux" of a cabinet's watch ("faites une veille régulière, au moins mensuelle"): for one
 * calendar month, what every source found, saw edited or removed, and how its scans went. Computed on the first day
 * of each month for the month before (and kept), or on demand for the month under way (not kept: it is not over).
 */
@Service
public class WatchSurveys {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    private final JsonMapper json;

    private final org.springframework.context.ApplicationEventPublisher events;

    WatchSurveys(JdbcClient jdbc, CabinetAccess access, JsonMapper json, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.json = json;
        this.events = events;
    }

    /** One source over the month. */
    public record SourceMonth(UUID sourceId, String name, SourceKind kind, String state, String lastError, Instant lastSuccessAt,
            long mentions, long created, long edited, long removed, long negative, long scans, long failedScans, long partialScans) {
    }

    /**
     * A month of the watch.
     *
     * @param complete false for the month under way (figures up to {@code computedAt})
     */
    public record Survey(UUID cabinetId, YearMonth month, Instant computedAt, boolean complete, List<SourceMonth> sources) {

        public long created() {
            return sources.stream().mapToLong(SourceMonth::created).sum();
        }

        public long edited() {
            return sources.stream().mapToLong(SourceMonth::edited).sum();
        }

        public long removed() {
            return sources.stream().mapToLong(SourceMonth::removed).sum();
        }

        public long negative() {
            return sources.stream().mapToLong(SourceMonth::negative).sum();
        }

        public long sourcesInError() {
            return sources.stream().filter(source -> "EN_ERREUR".equals(source.state())).count();
        }

    }

    /** The month's survey: the kept one for a past month (computed now if it never was), live for the current month. */
    @Transactional
    public Survey of(UUID cabinetId, YearMonth month) {
        access.requireAccess(cabinetId);
        var current = YearMonth.now(PARIS);
        if (month.isAfter(current)) {
            throw new InvalidRequestException("Le mois " + month + " n'a pas commencé : pas d'état des lieux.");
        }
        if (month.equals(current)) {
            return compute(cabinetId, month, false);
        }
        return stored(cabinetId, month).orElseGet(() -> keep(compute(cabinetId, month, true)));
    }

    /** The months kept for the cabinet, the latest first. */
    public List<YearMonth> months(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return jdbc.sql("select period_start from monitoring_survey where cabinet_id = ? order by period_start desc").param(cabinetId)
            .query((rs, row) -> YearMonth.from(rs.getObject("period_start", LocalDate.class))).list();
    }

    /** For the monthly job (no user): computes and keeps a finished month. */
    @Transactional
    Survey computeAndKeep(UUID cabinetId, YearMonth month) {
        var survey = keep(compute(cabinetId, month, true));
        events.publishEvent(new MonthlySurveyCompleted(cabinetId, month, survey.created(), survey.edited(), survey.removed(),
                survey.sourcesInError()));
        return survey;
    }

    Optional<Survey> stored(UUID cabinetId, YearMonth month) {
        return jdbc.sql("select summary from monitoring_survey where cabinet_id = ? and period_start = ?")
            .params(cabinetId, month.atDay(1)).query((rs, row) -> json.readValue(rs.getString("summary"), Survey.class)).optional();
    }

    private Survey keep(Survey survey) {
        jdbc.sql("""
                insert into monitoring_survey (id, cabinet_id, period_start, period_end, computed_at, summary)
                values (?, ?, ?, ?, ?, ?::jsonb)
                on conflict (cabinet_id, period_start) do update set computed_at = excluded.computed_at, summary = excluded.summary
                """)
            .params(UUID.randomUUID(), survey.cabinetId(), survey.month().atDay(1), survey.month().plusMonths(1).atDay(1),
                    Timestamp.from(survey.computedAt()), json.writeValueAsString(survey))
            .update();
        return survey;
    }

    private Survey compute(UUID cabinetId, YearMonth month, boolean complete) {
        var from = Timestamp.from(month.atDay(1).atStartOfDay(PARIS).toInstant());
        var to = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(PARIS).toInstant());
        var sources = jdbc.sql("""
                select s.id, s.name, s.kind, s.state, s.last_error, s.last_success_at,
                  (select count(*) from monitoring_mention m where m.source_id = s.id and m.first_seen < :to) as mentions,
                  (select count(*) from monitoring_mention m where m.source_id = s.id and m.first_seen >= :from and m.first_seen < :to) as created,
                  (select count(distinct v.mention_id) from monitoring_mention_version v join monitoring_mention m on m.id = v.mention_id
                     where m.source_id = s.id and v.version_no > 1 and v.seen_at >= :from and v.seen_at < :to) as edited,
                  (select count(*) from monitoring_mention m where m.source_id = s.id and m.removed_at >= :from and m.removed_at < :to) as removed,
                  (select count(*) from monitoring_mention m where m.source_id = s.id and m.first_seen >= :from and m.first_seen < :to
                     and m.rating <= 2) as negative,
                  (select count(*) from monitoring_scan c where c.source_id = s.id and c.started_at >= :from and c.started_at < :to) as scans,
                  (select count(*) from monitoring_scan c where c.source_id = s.id and c.started_at >= :from and c.started_at < :to
                     and c.status = 'ECHEC') as failed,
                  (select count(*) from monitoring_scan c where c.source_id = s.id and c.started_at >= :from and c.started_at < :to
                     and c.status = 'PARTIEL') as partial
                from monitoring_source s
                where s.cabinet_id = :cabinet and s.created_at < :to
                order by lower(s.name)
                """)
            .param("cabinet", cabinetId).param("from", from).param("to", to)
            .query((rs, row) -> new SourceMonth(rs.getObject("id", UUID.class), rs.getString("name"), SourceKind.valueOf(rs.getString("kind")),
                    rs.getString("state"), rs.getString("last_error"),
                    rs.getTimestamp("last_success_at") == null ? null : rs.getTimestamp("last_success_at").toInstant(), rs.getLong("mentions"),
                    rs.getLong("created"), rs.getLong("edited"), rs.getLong("removed"), rs.getLong("negative"), rs.getLong("scans"),
                    rs.getLong("failed"), rs.getLong("partial")))
            .list();
        return new Survey(cabinetId, month, Instant.now(), complete, sources);
    }

    /** Cabinets that have at least one source, for the monthly job. */
    List<UUID> cabinetsWithSources() {
        return jdbc.sql("select distinct cabinet_id from monitoring_source").query(UUID.class).list();
    }

    /**
     * Starts the month with a full read of every active scanned source: cursors reset and due now, so complete
     * listings are read from their first page and what disappeared is marked removed.
     */
    int fullRescan() {
        return jdbc.sql("""
                update monitoring_source set cursor = null, next_run_at = now()
                where state = 'ACTIVE' and kind not in ('IMPORT', 'MANUAL')
                """).update();
    }

}
