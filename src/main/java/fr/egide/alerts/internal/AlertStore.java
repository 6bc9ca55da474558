package fr.egide.alerts.internal;

import fr.egide.alerts.AlertMode;
import fr.egide.alerts.AlertTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alerts module's tables. */
@Repository
public class AlertStore {

    /** Separates an alert's message parameters (never part of them: they come from names, dates and numbers). */
    static final String SEPARATOR = "\u001f";

    public record StoredAlert(UUID id, UUID cabinetId, AlertTrigger trigger, String itemPath, List<String> params, Instant createdAt) {
    }

    public record Delivery(UUID id, UUID alertId, String channel, UUID userId, AlertMode mode, String state, Instant dueAt, int attempts,
            String lastError) {
    }

    private final JdbcClient jdbc;

    private final fr.egide.system.Secrets secrets;

    AlertStore(JdbcClient jdbc, fr.egide.system.Secrets secrets) {
        this.secrets = secrets;
        this.jdbc = jdbc;
    }

    /** Stores an alert once per key: empty when an alert with this key already exists (a re-delivered event). */
    Optional<UUID> insertAlert(UUID cabinetId, AlertTrigger trigger, String key, String itemPath, List<String> params) {
        return jdbc.sql("""
                insert into alerts_alert (id, cabinet_id, trigger, unique_key, item_path, params) values (?, ?, ?, ?, ?, ?)
                on conflict (unique_key) do nothing returning id
                """)
            .params(UUID.randomUUID(), cabinetId, trigger.name(), key, itemPath, String.join(SEPARATOR, params))
            .query(UUID.class)
            .optional();
    }

    /**
     * Stores these alerts of one cabinet in one statement, each once per key; returns the ids of those that are new,
     * by key (a key already raised, or twice in the list, gives one alert).
     */
    Map<String, UUID> insertAlerts(UUID cabinetId, List<AlertRaiser.Pending> alerts) {
        var created = new java.util.HashMap<String, UUID>();
        if (alerts.isEmpty()) {
            return created;
        }
        int n = alerts.size();
        var ids = new String[n];
        var triggers = new String[n];
        var keys = new String[n];
        var paths = new String[n];
        var params = new String[n];
        for (int i = 0; i < n; i++) {
            var alert = alerts.get(i);
            ids[i] = UUID.randomUUID().toString();
            triggers[i] = alert.trigger().name();
            keys[i] = alert.key();
            paths[i] = alert.itemPath();
            params[i] = String.join(SEPARATOR, alert.params());
        }
        jdbc.sql("""
                insert into alerts_alert (id, cabinet_id, trigger, unique_key, item_path, params)
                select v.id, :cabinet, v.trigger, v.unique_key, v.item_path, v.params
                from unnest(:ids::uuid[], :triggers::text[], :keys::text[], :paths::text[], :params::text[]) with ordinality
                    as v (id, trigger, unique_key, item_path, params, n)
                order by v.n
                on conflict (unique_key) do nothing returning id, unique_key
                """)
            .param("cabinet", cabinetId)
            .param("ids", ids)
            .param("triggers", triggers)
            .param("keys", keys)
            .param("paths", paths)
            .param("params", params)
            .query(rs -> {
                created.put(rs.getString("unique_key"), rs.getObject("id", UUID.class));
            });
        return created;
    }

    /** How many alerts of a cabinet e-mailed at once to someone (threats and waves left aside) were raised since {@code since}. */
    /**
     * The cabinet's alerts since that time with an immediate e-mail delivery (threats and waves aside), counted up to
     * {@code atMost} only: the burst check needs to know whether there are that many, and an import that raised
     * thousands of alerts in the window should not make each new alert count them all.
     */
    int immediateSince(UUID cabinetId, Instant since, int atMost) {
        return jdbc.sql("""
                select count(*) from (
                    select a.id from alerts_alert a
                    where a.cabinet_id = ? and a.created_at >= ? and a.trigger not in ('MENACE', 'VAGUE')
                      and exists (select 1 from alerts_delivery d
                                  where d.alert_id = a.id and d.channel = 'EMAIL' and d.mode = 'IMMEDIAT')
                    limit ?) counted
                """)
            .params(cabinetId, java.sql.Timestamp.from(since), atMost)
            .query(Integer.class)
            .single();
    }

    void insertDelivery(UUID alertId, String channel, UUID userId, AlertMode mode, Instant dueAt) {
        jdbc.sql("""
                insert into alerts_delivery (id, alert_id, channel, user_id, mode, due_at) values (?, ?, ?, ?, ?, ?)
                on conflict (alert_id, channel, user_id) do nothing
                """)
            .params(UUID.randomUUID(), alertId, channel, userId, mode.name(), Timestamp.from(dueAt))
            .update();
    }

    /**
     * Claims the deliveries due at {@code now}: one statement, so two instances never claim the same one. A
     * delivery left claimed for longer than {@code stale} (the instance died while sending) is claimed again.
     */
    List<Delivery> claimDue(Instant now, Duration stale, int limit) {
        return jdbc.sql("""
                update alerts_delivery set state = 'ENVOI', claimed_at = :now
                where id in (select id from alerts_delivery
                             where (state = 'A_ENVOYER' and due_at <= :now) or (state = 'ENVOI' and claimed_at < :stale)
                             order by due_at limit :limit for update skip locked)
                returning *
                """)
            .param("now", Timestamp.from(now))
            .param("stale", Timestamp.from(now.minus(stale)))
            .param("limit", limit)
            .query(AlertStore::delivery)
            .list();
    }

    void markSent(UUID deliveryId, Instant at) {
        jdbc.sql("update alerts_delivery set state = 'ENVOYEE', sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
            .params(Timestamp.from(at), deliveryId)
            .update();
    }

    void markFailed(UUID deliveryId, String error, Instant retryAt, boolean giveUp) {
        jdbc.sql("update alerts_delivery set state = ?, due_at = ?, attempts = attempts + 1, last_error = ?, claimed_at = null where id = ?")
            .params(giveUp ? "ECHEC" : "A_ENVOYER", Timestamp.from(retryAt), error, deliveryId)
            .update();
    }

    void logWebhookAttempt(UUID deliveryId, Integer status, String error) {
        jdbc.sql("insert into alerts_webhook_attempt (delivery_id, status, error) values (?, ?, ?)").params(deliveryId, status, error).update();
    }

    public List<Map<String, Object>> webhookAttempts(UUID alertId) {
        return jdbc.sql("""
                select a.attempted_at, a.status, a.error from alerts_webhook_attempt a join alerts_delivery d on d.id = a.delivery_id
                where d.alert_id = ? order by a.id
                """).param(alertId).query().listOfRows();
    }

    public Optional<StoredAlert> alert(UUID id) {
        return jdbc.sql("select * from alerts_alert where id = ?").param(id).query(AlertStore::alert).optional();
    }

    List<StoredAlert> alerts(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from alerts_alert where id in (:ids) order by created_at, id").param("ids", ids).query(AlertStore::alert).list();
    }

    public List<StoredAlert> recent(Collection<UUID> cabinetIds, int limit) {
        if (cabinetIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from alerts_alert where cabinet_id in (:ids) order by created_at desc, id limit :limit")
            .param("ids", cabinetIds)
            .param("limit", limit)
            .query(AlertStore::alert)
            .list();
    }

    /** Where the e-mail of an alert to a user stands: A_ENVOYER, ENVOI, ENVOYEE, ECHEC, or AUCUN (not sent to them). */
    public String mailState(UUID alertId, UUID userId) {
        return mailDelivery(alertId, userId).map(Delivery::state).orElse("AUCUN");
    }

    Optional<Delivery> mailDelivery(UUID alertId, UUID userId) {
        return jdbc.sql("select * from alerts_delivery where alert_id = ? and user_id = ? and channel = 'EMAIL'")
            .params(alertId, userId)
            .query(AlertStore::delivery)
            .optional();
    }

    public Map<AlertTrigger, AlertMode> modes(UUID userId) {
        var modes = new EnumMap<AlertTrigger, AlertMode>(AlertTrigger.class);
        for (var trigger : AlertTrigger.values()) {
            modes.put(trigger, trigger.defaultMode());
        }
        jdbc.sql("select trigger, mode from alerts_preference where user_id = ?").param(userId).query((rs, n) -> {
            modes.put(AlertTrigger.valueOf(rs.getString("trigger")), AlertMode.valueOf(rs.getString("mode")));
            return null;
        }).list();
        modes.put(AlertTrigger.MENACE, AlertMode.IMMEDIAT);
        return modes;
    }

    public void saveMode(UUID userId, AlertTrigger trigger, AlertMode mode) {
        jdbc.sql("""
                insert into alerts_preference (user_id, trigger, mode) values (?, ?, ?)
                on conflict (user_id, trigger) do update set mode = excluded.mode
                """).params(userId, trigger.name(), mode.name()).update();
    }

    public Optional<LocalTime[]> quietHours(UUID userId) {
        return jdbc.sql("select starts_at, ends_at from alerts_quiet_hours where user_id = ?")
            .param(userId)
            .query((rs, n) -> new LocalTime[] { rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime() })
            .optional();
    }

    public void saveQuietHours(UUID userId, LocalTime from, LocalTime to) {
        if (from == null || to == null) {
            jdbc.sql("delete from alerts_quiet_hours where user_id = ?").param(userId).update();
            return;
        }
        jdbc.sql("""
                insert into alerts_quiet_hours (user_id, starts_at, ends_at) values (?, ?, ?)
                on conflict (user_id) do update set starts_at = excluded.starts_at, ends_at = excluded.ends_at
                """).params(userId, java.sql.Time.valueOf(from), java.sql.Time.valueOf(to)).update();
    }

    public Optional<String[]> webhook(UUID cabinetId) {
        return jdbc.sql("select url, secret from alerts_webhook where cabinet_id = ?")
            .param(cabinetId)
            .query((rs, n) -> new String[] { rs.getString("url"), clear(rs.getString("secret")) })
            .optional();
    }

    public void saveWebhook(UUID cabinetId, String url, String secret) {
        if (url == null || url.isBlank()) {
            jdbc.sql("delete from alerts_webhook where cabinet_id = ?").param(cabinetId).update();
            return;
        }
        jdbc.sql("""
                insert into alerts_webhook (cabinet_id, url, secret) values (?, ?, ?)
                on conflict (cabinet_id) do update set url = excluded.url, secret = excluded.secret
                """).params(cabinetId, url, secrets.encrypt(secret)).update();
    }

    /** Secrets are encrypted at rest; one stored in clear before that is encrypted at the next start. */
    private String clear(String stored) {
        return secrets.isEncrypted(stored) ? secrets.decrypt(stored) : stored;
    }

    private static StoredAlert alert(ResultSet rs, int n) throws SQLException {
        var params = rs.getString("params");
        return new StoredAlert(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class), AlertTrigger.valueOf(rs.getString("trigger")),
                rs.getString("item_path"), params.isEmpty() ? List.of() : Arrays.asList(params.split(SEPARATOR, -1)),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Delivery delivery(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("alert_id", UUID.class), rs.getString("channel"),
                rs.getObject("user_id", UUID.class), AlertMode.valueOf(rs.getString("mode")), rs.getString("state"),
                rs.getTimestamp("due_at").toInstant(), rs.getInt("attempts"), rs.getString("last_error"));
    }

}
