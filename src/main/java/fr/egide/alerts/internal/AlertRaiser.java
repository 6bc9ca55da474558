package fr.egide.alerts.internal;

import fr.egide.alerts.AlertMode;
import fr.egide.alerts.AlertTrigger;
import fr.egide.identity.CabinetMembers;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns something that happened into one alert and its deliveries, planned for each member of the cabinet
 * according to their preferences and quiet hours, plus the cabinet's webhook. Idempotent by the alert's key.
 */
@Service
public class AlertRaiser {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Logger log = LoggerFactory.getLogger(AlertRaiser.class);

    private final AlertStore store;

    private final CabinetMembers members;

    private final AlertsSettings settings;

    AlertRaiser(AlertStore store, CabinetMembers members, AlertsSettings settings) {
        this.store = store;
        this.members = members;
        this.settings = settings;
    }

    /** An alert to raise: what triggered it, its key (one alert per key), the page it opens and its message's values. */
    public record Pending(AlertTrigger trigger, String key, String itemPath, List<String> params) {
    }

    /** The alert's id when it is new, empty when this key was already raised. */
    @Transactional
    public Optional<UUID> raise(UUID cabinetId, AlertTrigger trigger, String key, String itemPath, List<String> params, Instant now) {
        var created = store.insertAlert(cabinetId, trigger, key, itemPath, params);
        if (created.isEmpty()) {
            log.debug("Alerte {} déjà enregistrée", key);
            return created;
        }
        plan(cabinetId, trigger, created.get(), now, new Recipients(cabinetId));
        return created;
    }

    /**
     * Raises these alerts of one cabinet together (the flags of an analysed batch): one statement stores them, the
     * members and their preferences are read once, and each new alert's deliveries are planned in order, as if
     * raised one after the other (the burst check of each counts the ones before it). Returns the new alerts' ids.
     */
    @Transactional
    public List<UUID> raiseAll(UUID cabinetId, List<Pending> alerts, Instant now) {
        var created = store.insertAlerts(cabinetId, alerts);
        var ids = new java.util.ArrayList<UUID>(created.size());
        if (created.isEmpty()) {
            return ids;
        }
        var recipients = new Recipients(cabinetId);
        var planned = new java.util.HashSet<String>();
        for (var alert : alerts) {
            var id = created.get(alert.key());
            if (id != null && planned.add(alert.key())) {
                plan(cabinetId, alert.trigger(), id, now, recipients);
                ids.add(id);
            }
        }
        return ids;
    }

    /** The cabinet's members, their preferences and its webhook, each read once for however many alerts. */
    private final class Recipients {

        private final UUID cabinetId;

        private List<fr.egide.identity.EgideUser> members;

        private final java.util.Map<UUID, java.util.Map<AlertTrigger, AlertMode>> modes = new java.util.HashMap<>();

        private final java.util.Map<UUID, Optional<LocalTime[]>> quietHours = new java.util.HashMap<>();

        private Boolean webhook;

        Recipients(UUID cabinetId) {
            this.cabinetId = cabinetId;
        }

        List<fr.egide.identity.EgideUser> members() {
            if (members == null) {
                members = AlertRaiser.this.members.of(cabinetId);
            }
            return members;
        }

        AlertMode mode(UUID userId, AlertTrigger trigger) {
            return modes.computeIfAbsent(userId, store::modes).get(trigger);
        }

        Optional<LocalTime[]> quietHours(UUID userId) {
            return quietHours.computeIfAbsent(userId, store::quietHours);
        }

        boolean webhook() {
            if (webhook == null) {
                webhook = store.webhook(cabinetId).isPresent();
            }
            return webhook;
        }

    }

    private void plan(UUID cabinetId, AlertTrigger trigger, UUID alertId, Instant now, Recipients recipients) {
        // A burst (an import of old reviews, a campaign) would flood the inbox: its immediate alerts leave together.
        // Threats never wait; nor does a wave, which is itself the summary of a burst.
        // The burst check is made once, and only when someone is to be written to.
        Instant from = null;
        for (var member : recipients.members()) {
            var mode = trigger.threat() ? AlertMode.IMMEDIAT : recipients.mode(member.id(), trigger);
            if (mode == AlertMode.AUCUN) {
                continue;
            }
            if (from == null) {
                from = trigger.threat() || trigger == AlertTrigger.VAGUE ? now : burstStart(cabinetId, now);
            }
            var quiet = trigger.threat() ? Optional.<LocalTime[]>empty() : recipients.quietHours(member.id());
            store.insertDelivery(alertId, "EMAIL", member.id(), mode, due(mode, from, quiet));
        }
        if (recipients.webhook()) {
            store.insertDelivery(alertId, "WEBHOOK", null, AlertMode.IMMEDIAT, now);
        }
    }

    /**
     * When immediate deliveries of a new alert may leave: now, or, when the cabinet already had {@code burstSize}
     * other alerts within the window, at the end of the current window (windows are aligned on the clock, so all
     * the alerts of a burst share it and the dispatcher groups them into one e-mail per person).
     */
    Instant burstStart(UUID cabinetId, Instant now) {
        var window = settings.burstWindow();
        if (settings.burstSize() <= 0 || window.isZero() || window.isNegative()) {
            return now;
        }
        // This alert's own deliveries are not written yet: the count is of the others.
        if (store.immediateSince(cabinetId, now.minus(window), settings.burstSize()) < settings.burstSize()) {
            return now;
        }
        var size = window.toMillis();
        return Instant.ofEpochMilli((now.toEpochMilli() / size + 1) * size);
    }

    /** When a delivery leaves: at once, or at the next digest, in both cases not before the end of the quiet hours. */
    Instant due(AlertMode mode, Instant now, Optional<LocalTime[]> quiet) {
        var at = now.atZone(PARIS);
        at = switch (mode) {
            case QUOTIDIEN -> nextDigest(at, false);
            case HEBDOMADAIRE -> nextDigest(at, true);
            default -> at;
        };
        if (quiet.isPresent()) {
            at = afterQuietHours(at, quiet.get()[0], quiet.get()[1]);
        }
        return at.toInstant();
    }

    private ZonedDateTime nextDigest(ZonedDateTime at, boolean weekly) {
        var next = at.with(settings.digestAt());
        if (!next.isAfter(at)) {
            next = next.plusDays(1);
        }
        if (weekly) {
            next = next.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        }
        return next;
    }

    static ZonedDateTime afterQuietHours(ZonedDateTime at, LocalTime from, LocalTime to) {
        if (from.equals(to)) {
            return at;
        }
        var t = at.toLocalTime();
        if (from.isBefore(to)) {
            return !t.isBefore(from) && t.isBefore(to) ? at.with(to) : at;
        }
        if (!t.isBefore(from)) {
            return at.plusDays(1).with(to);
        }
        return t.isBefore(to) ? at.with(to) : at;
    }

}
