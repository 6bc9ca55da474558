package fr.egide.alerts;

import fr.egide.alerts.internal.AlertMessages;
import fr.egide.alerts.internal.AlertStore;
import fr.egide.identity.CabinetAccess;
import fr.egide.system.InvalidRequestException;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The current user's alerts and alert settings, and their cabinets' webhooks. */
@Service
public class Alerts {

    private final AlertStore store;

    private final AlertMessages messages;

    private final CabinetAccess access;

    private final fr.egide.audit.AuditLog audit;

    Alerts(AlertStore store, AlertMessages messages, CabinetAccess access, fr.egide.audit.AuditLog audit) {
        this.audit = audit;
        this.store = store;
        this.messages = messages;
        this.access = access;
    }

    /** The latest alerts of the current user's cabinets, newest first, with where their e-mail to this user stands. */
    public List<AlertSummary> recent(int limit) {
        var user = access.currentUser().id();
        return store.recent(access.cabinetsOfCurrentUser(), Math.max(1, Math.min(limit, 200))).stream().map(alert -> {
            var text = messages.text(alert);
            var delivery = store.mailState(alert.id(), user);
            return new AlertSummary(alert.id(), alert.cabinetId(), alert.trigger(), text.title(), alert.itemPath(), alert.createdAt(), delivery);
        }).toList();
    }

    public AlertPreferences preferences() {
        var user = access.currentUser().id();
        var quiet = store.quietHours(user);
        return new AlertPreferences(store.modes(user), quiet.map(q -> q[0]).orElse(null), quiet.map(q -> q[1]).orElse(null));
    }

    /**
     * Saves the current user's settings. Threats stay immediate whatever is asked; quiet hours are both given or
     * both absent.
     */
    public AlertPreferences save(AlertPreferences preferences) {
        var user = access.currentUser().id();
        if ((preferences.quietFrom() == null) != (preferences.quietTo() == null)) {
            throw new InvalidRequestException("Indiquez le début et la fin des heures de calme, ou aucun des deux.");
        }
        var modes = new EnumMap<AlertTrigger, AlertMode>(AlertTrigger.class);
        if (preferences.modes() != null) {
            modes.putAll(preferences.modes());
        }
        for (Map.Entry<AlertTrigger, AlertMode> entry : modes.entrySet()) {
            if (entry.getValue() == null) {
                throw new InvalidRequestException("Choisissez un mode pour « " + entry.getKey() + " ».");
            }
            if (!entry.getKey().threat()) {
                store.saveMode(user, entry.getKey(), entry.getValue());
            }
        }
        store.saveQuietHours(user, preferences.quietFrom(), preferences.quietTo());
        return preferences();
    }

    /** A cabinet's webhook address (its secret is never shown again), null when none. */
    public String webhook(UUID cabinetId) {
        access.require(cabinetId, fr.egide.identity.Permission.READ, fr.egide.identity.Permission.MANAGE_CABINET);
        return store.webhook(cabinetId).map(w -> w[0]).orElse(null);
    }

    /** Sets (or, with an empty address, removes) a cabinet's webhook; the secret signs every POST. */
    public void setWebhook(UUID cabinetId, String url, String secret) {
        access.require(cabinetId, fr.egide.identity.Permission.READ, fr.egide.identity.Permission.MANAGE_CABINET);
        if (url != null && !url.isBlank()) {
            URI uri;
            try {
                uri = URI.create(url.strip());
            }
            catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Adresse du webhook invalide : " + url);
            }
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new InvalidRequestException("Le webhook doit être une adresse http(s).");
            }
            if (secret == null || secret.length() < 16) {
                throw new InvalidRequestException("Le secret du webhook doit faire au moins 16 caractères.");
            }
        }
        store.saveWebhook(cabinetId, url == null ? null : url.strip(), secret);
        audit.record(cabinetId, fr.egide.audit.AuditAction.PARAMETRES_MODIFIES, "webhook", cabinetId,
                java.util.Map.of("quoi", url == null || url.isBlank() ? "webhook supprimé" : "webhook " + url.strip()));
    }

    /** The label of a trigger or mode for pages. */
    public String label(String key) {
        return messages.message(key);
    }


}
