package fr.egide.monitoring;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import fr.egide.identity.CabinetAccess;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connector sources of a cabinet: added with their settings and schedule, scanned in the background (daily by
 * default), or now on demand; their state says when they last ran, what they found and why they failed.
 */
@Service
public class SourceScans {

    /** Settings each kind cannot do without. */
    static final Map<SourceKind, Set<String>> REQUIRED = Map.of(
            SourceKind.GOOGLE_BUSINESS, Set.of("account", "location"),
            SourceKind.GOOGLE_PLACES, Set.of("placeId"),
            SourceKind.RECHERCHE, Set.of(),
            SourceKind.RECHERCHE_BRAVE, Set.of(),
            SourceKind.FLUX, Set.of("url"),
            SourceKind.PAGE_WEB, Set.of("url"));

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    private final SchedulerClient scheduler;

    private final OneTimeTask<String> scanTask;

    private final JsonMapper json;

    SourceScans(JdbcClient jdbc, CabinetAccess access, SchedulerClient scheduler, OneTimeTask<String> sourceScanTask, JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.scheduler = scheduler;
        this.scanTask = sourceScanTask;
        this.json = json;
    }

    /**
     * How a connector source is set up.
     *
     * @param intervalMinutes between scans (5 minutes to a month; a day by default)
     * @param windowStart with windowEnd, the hours (Paris time) scans may run in, or null for any time
     */
    public record SourceSettings(SourceKind kind, String name, Map<String, String> settings, Integer intervalMinutes,
            LocalTime windowStart, LocalTime windowEnd) {
    }

    /** Where a connector source stands. */
    public record SourceStatus(UUID id, UUID cabinetId, SourceKind kind, String name, String state, Map<String, String> settings,
            int intervalMinutes, Instant lastRunAt, Instant lastSuccessAt, Instant nextRunAt, int consecutiveFailures,
            String lastError, List<String> lastWarnings, long mentions, long removed) {
    }

    /** Adds a connector source; its first scan runs at once. */
    @Transactional
    public SourceStatus add(UUID cabinetId, SourceSettings source) {
        access.requireAccess(cabinetId);
        if (source.kind() == null || !source.kind().scanned()) {
            throw new InvalidRequestException("Type de source à relever inconnu : choisissez Google, recherche, flux ou page web.");
        }
        var name = source.name() == null ? "" : source.name().strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new InvalidRequestException("Le nom de la source est obligatoire (120 caractères au plus).");
        }
        var settings = source.settings() == null ? Map.<String, String>of() : source.settings();
        var missing = REQUIRED.get(source.kind()).stream().filter(key -> settings.get(key) == null || settings.get(key).isBlank())
            .sorted().toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("Réglage(s) manquant(s) pour une source " + source.kind() + " : " + String.join(", ", missing) + ".");
        }
        var url = settings.get("url");
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            throw new InvalidRequestException("L'adresse doit commencer par http:// ou https:// : " + url);
        }
        var interval = source.intervalMinutes() == null ? 1440 : source.intervalMinutes();
        if (interval < 5 || interval > 44640) {
            throw new InvalidRequestException("L'intervalle entre deux relevés va de 5 minutes à un mois (44 640 minutes).");
        }
        if (jdbc.sql("select count(*) from monitoring_source where cabinet_id = ? and lower(name) = lower(?)").params(cabinetId, name)
            .query(Long.class).single() > 0) {
            throw new InvalidRequestException("Une source porte déjà ce nom dans ce cabinet.");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into monitoring_source (id, cabinet_id, kind, name, settings, interval_minutes, window_start, window_end, next_run_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, now())
                """)
            .params(id, cabinetId, source.kind().name(), name, json.writeValueAsString(settings), interval, source.windowStart(),
                    source.windowEnd())
            .update();
        schedule(id);
        return status(id);
    }

    /** Scans a source now (and puts a source in error back to work). */
    @Transactional
    public void scanNow(UUID sourceId) {
        var source = status(sourceId);
        if (!source.kind().scanned()) {
            throw new InvalidRequestException("Cette source n'est pas relevée automatiquement (import ou saisie).");
        }
        jdbc.sql("update monitoring_source set state = 'ACTIVE', next_run_at = now() where id = ?").param(sourceId).update();
        schedule(sourceId);
    }

    private void schedule(UUID id) {
        scheduler.scheduleIfNotExists(scanTask.instance(id.toString(), id.toString()), Instant.now());
    }

    public SourceStatus status(UUID sourceId) {
        return jdbc.sql(STATUS + " where s.id = ?").param(sourceId).query(this::map).optional()
            .filter(source -> access.canAccess(source.cabinetId()))
            .orElseThrow(() -> new NotFoundException("Source introuvable."));
    }

    public List<SourceStatus> statuses(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return jdbc.sql(STATUS + " where s.cabinet_id = ? order by lower(s.name)").param(cabinetId).query(this::map).list();
    }

    private static final String STATUS = """
            select s.*, (select count(*) from monitoring_mention m where m.source_id = s.id) as mentions,
                   (select count(*) from monitoring_mention m where m.source_id = s.id and m.removed_at is not null) as removed
            from monitoring_source s""";

    private SourceStatus map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new SourceStatus(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                SourceKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("state"),
                masked(json.readValue(rs.getString("settings"), new tools.jackson.core.type.TypeReference<Map<String, String>>() { })),
                rs.getInt("interval_minutes"), instant(rs, "last_run_at"), instant(rs, "last_success_at"), instant(rs, "next_run_at"),
                rs.getInt("consecutive_failures"), rs.getString("last_error"),
                java.util.Arrays.asList((String[]) rs.getArray("last_warnings").getArray()), rs.getLong("mentions"), rs.getLong("removed"));
    }

    /** API keys and tokens are never shown back, only that they are set. */
    static Map<String, String> masked(Map<String, String> settings) {
        var shown = new java.util.LinkedHashMap<String, String>();
        settings.forEach((key, value) -> shown.put(key, key.toLowerCase(java.util.Locale.ROOT).matches(".*(key|token|secret|password).*")
                ? "••••••" : value));
        return shown;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
