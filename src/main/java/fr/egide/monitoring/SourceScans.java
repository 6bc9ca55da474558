package fr.egide.monitoring;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import fr.egide.identity.CabinetAccess;
import fr.egide.identity.Permission;
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
            SourceKind.GOOGLE_BUSINESS, Set.of("account", "location", "connexion"),
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
            int intervalMinutes, LocalTime windowStart, LocalTime windowEnd, Instant lastRunAt, Instant lastSuccessAt, Instant nextRunAt,
            int consecutiveFailures, String lastError, List<String> lastWarnings, long mentions, long removed) {
    }

    /** Adds a connector source; its first scan runs at once. */
    @Transactional
    public SourceStatus add(UUID cabinetId, SourceSettings source) {
        access.require(cabinetId, Permission.READ, Permission.MANAGE_CABINET);
        if (source.kind() == null || !source.kind().scanned()) {
            throw new InvalidRequestException("Type de source à relever inconnu : choisissez Google, recherche, flux ou page web.");
        }
        var settings = source.settings() == null ? Map.<String, String>of() : source.settings();
        if (source.kind() == SourceKind.GOOGLE_BUSINESS && (settings.get("connexion") == null || settings.get("connexion").isBlank())) {
            throw new InvalidRequestException("Pour suivre votre fiche Google, connectez d'abord le compte Google qui la gère "
                    + "(« Connecter un compte Google » sur la page Veille), puis choisissez l'établissement.");
        }
        var name = validated(cabinetId, null, source.kind(), source.name(), settings, source.intervalMinutes(), source.windowStart(),
                source.windowEnd());
        var interval = source.intervalMinutes() == null ? 1440 : source.intervalMinutes();
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

    /**
     * New settings for a source: name, settings, interval, time window. A secret setting left empty (or shown
     * masked) keeps its stored value; the next scan uses the new settings and is brought forward to now.
     */
    @Transactional
    public SourceStatus update(UUID sourceId, SourceSettings changes) {
        var current = status(sourceId, Permission.MANAGE_CABINET);
        if (!current.kind().scanned()) {
            throw new InvalidRequestException("Cette source n'est pas relevée automatiquement (import ou saisie) : rien à régler.");
        }
        var stored = jdbc.sql("select settings from monitoring_source where id = ?").param(sourceId)
            .query((rs, row) -> json.readValue(rs.getString("settings"), new tools.jackson.core.type.TypeReference<Map<String, String>>() { }))
            .single();
        var settings = new java.util.LinkedHashMap<String, String>();
        if (current.kind() == SourceKind.GOOGLE_BUSINESS) {
            // The account, listing and connection come from the Google connection, not from a form.
            settings.putAll(stored);
        }
        var given = changes.settings() == null ? Map.<String, String>of() : changes.settings();
        given.forEach((key, value) -> {
            if (value == null || value.isBlank() || MASK.equals(value)) {
                if (secret(key) && stored.containsKey(key)) {
                    settings.put(key, stored.get(key));
                }
            }
            else if (current.kind() != SourceKind.GOOGLE_BUSINESS || !Set.of("account", "location", "connexion").contains(key)) {
                settings.put(key, value.strip());
            }
        });
        stored.forEach((key, value) -> {
            if (secret(key) && !given.containsKey(key)) {
                settings.putIfAbsent(key, value);
            }
        });
        var name = validated(current.cabinetId(), sourceId, current.kind(), changes.name(), settings, changes.intervalMinutes(),
                changes.windowStart(), changes.windowEnd());
        var interval = changes.intervalMinutes() == null ? current.intervalMinutes() : changes.intervalMinutes();
        jdbc.sql("""
                update monitoring_source set name = ?, settings = ?::jsonb, interval_minutes = ?, window_start = ?, window_end = ?,
                    cursor = case when settings = ?::jsonb then cursor else null end,
                    next_run_at = case when state = 'ACTIVE' then now() else next_run_at end
                where id = ?
                """)
            .params(name, json.writeValueAsString(settings), interval, changes.windowStart(), changes.windowEnd(),
                    json.writeValueAsString(settings), sourceId)
            .update();
        return status(sourceId);
    }

    /** Stops scanning a source until it is resumed; what it found stays. */
    @Transactional
    public SourceStatus pause(UUID sourceId) {
        var source = status(sourceId, Permission.TRIAGE);
        if (!source.kind().scanned()) {
            throw new InvalidRequestException("Cette source n'est pas relevée automatiquement (import ou saisie).");
        }
        jdbc.sql("update monitoring_source set state = 'EN_PAUSE', next_run_at = null where id = ?").param(sourceId).update();
        return status(sourceId);
    }

    /** Scans a paused source again, from now. */
    @Transactional
    public SourceStatus resume(UUID sourceId) {
        scanNow(sourceId);
        return status(sourceId);
    }

    /** The name, once checked with the settings, interval and window. */
    private String validated(UUID cabinetId, UUID sourceId, SourceKind kind, String rawName, Map<String, String> settings, Integer interval,
            LocalTime windowStart, LocalTime windowEnd) {
        var name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new InvalidRequestException("Le nom de la source est obligatoire (120 caractères au plus).");
        }
        if (kind == SourceKind.GOOGLE_BUSINESS) {
            requireConnection(cabinetId, settings.get("connexion"));
        }
        var missing = REQUIRED.get(kind).stream().filter(key -> settings.get(key) == null || settings.get(key).isBlank()).sorted().toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("Réglage(s) manquant(s) pour une source " + kind + " : " + String.join(", ", missing) + ".");
        }
        var url = settings.get("url");
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            throw new InvalidRequestException("L'adresse doit commencer par http:// ou https:// : " + url);
        }
        if (interval != null && (interval < 5 || interval > 44640)) {
            throw new InvalidRequestException("L'intervalle entre deux relevés va de 5 minutes à un mois (44 640 minutes).");
        }
        if ((windowStart == null) != (windowEnd == null)) {
            throw new InvalidRequestException("Indiquez le début et la fin de la plage horaire des relevés, ou aucun des deux.");
        }
        if (jdbc.sql("select count(*) from monitoring_source where cabinet_id = ? and lower(name) = lower(?) and id is distinct from ?")
            .params(cabinetId, name, sourceId).query(Long.class).single() > 0) {
            throw new InvalidRequestException("Une source porte déjà ce nom dans ce cabinet.");
        }
        return name;
    }

    /** The connected Google account must be the cabinet's own and still authorised. */
    private void requireConnection(UUID cabinetId, String connection) {
        UUID id;
        try {
            id = UUID.fromString(connection.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException("Le réglage « connexion » n'est pas l'identifiant d'un compte Google connecté : " + connection);
        }
        var revoked = jdbc.sql("select revoked_at is not null from monitoring_google_connection where id = ? and cabinet_id = ?")
            .params(id, cabinetId).query(Boolean.class).optional()
            .orElseThrow(() -> new InvalidRequestException("Aucun compte Google connecté à ce cabinet ne porte l'identifiant " + id + "."));
        if (revoked) {
            throw new InvalidRequestException("L'autorisation de ce compte Google a été retirée : reconnectez-le depuis la page Veille.");
        }
    }

    /** Scans a source now (and puts a source in error back to work). */
    @Transactional
    public void scanNow(UUID sourceId) {
        var source = status(sourceId, Permission.TRIAGE);
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
        return status(sourceId, Permission.READ);
    }

    /** A source the current user may act on with this permission ("not found" outside their cabinets). */
    public SourceStatus status(UUID sourceId, Permission permission) {
        var source = jdbc.sql(STATUS + " where s.id = ?").param(sourceId).query(this::map).optional()
            .orElseThrow(() -> new NotFoundException("Source introuvable."));
        access.requireOn(source.cabinetId(), "Source introuvable.", Permission.READ, permission);
        return source;
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
                rs.getInt("interval_minutes"), rs.getObject("window_start", LocalTime.class), rs.getObject("window_end", LocalTime.class),
                instant(rs, "last_run_at"), instant(rs, "last_success_at"), instant(rs, "next_run_at"),
                rs.getInt("consecutive_failures"), rs.getString("last_error"),
                java.util.Arrays.asList((String[]) rs.getArray("last_warnings").getArray()), rs.getLong("mentions"), rs.getLong("removed"));
    }

    static final String MASK = "••••••";

    static boolean secret(String key) {
        return key.toLowerCase(java.util.Locale.ROOT).matches(".*(key|token|secret|password).*");
    }

    /** API keys and tokens are never shown back, only that they are set. */
    static Map<String, String> masked(Map<String, String> settings) {
        var shown = new java.util.LinkedHashMap<String, String>();
        settings.forEach((key, value) -> shown.put(key, secret(key) ? MASK : value));
        return shown;
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

}
