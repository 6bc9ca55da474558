package fr.egide.alerts.internal;

import fr.egide.alerts.AlertMode;
import fr.egide.alerts.internal.AlertStore.Delivery;
import fr.egide.identity.CabinetMembers;
import fr.egide.identity.EgideUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the deliveries that are due: each is claimed first (one statement), sent, then marked sent, so a delivery
 * is sent once even with several instances. A failure is retried with an exponential backoff; an instance that
 * dies while sending leaves a claim that is taken again after {@link #STALE} (the one case where an e-mail might
 * be sent twice: the SMTP server accepted it and the instance died before marking it).
 */
@Service
public class AlertDispatcher {

    static final Duration STALE = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    private final AlertStore store;

    private final AlertMailer mailer;

    private final WebhookSender webhooks;

    private final CabinetMembers members;

    private final AlertsSettings settings;

    AlertDispatcher(AlertStore store, AlertMailer mailer, WebhookSender webhooks, CabinetMembers members, AlertsSettings settings) {
        this.store = store;
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.members = members;
        this.settings = settings;
    }

    /** Sends what is due at {@code now}; returns how many deliveries were handled. */
    public synchronized int dispatchDue(Instant now) {
        var handled = 0;
        while (true) {
            var claimed = store.claimDue(now, STALE, 200);
            if (claimed.isEmpty()) {
                return handled;
            }
            handled += claimed.size();
            var alerts = store.alerts(claimed.stream().map(Delivery::alertId).distinct().toList())
                .stream()
                .collect(Collectors.toMap(AlertStore.StoredAlert::id, Function.identity()));
            // A digest is one e-mail per user and mode with everything claimed for it; immediate alerts due together
            // (a burst) are one e-mail per user too; a threat is always an e-mail of its own.
            var mails = new LinkedHashMap<String, List<Delivery>>();
            for (var delivery : claimed) {
                if ("WEBHOOK".equals(delivery.channel())) {
                    sendWebhook(delivery, alerts.get(delivery.alertId()), now);
                }
                else {
                    var threat = alerts.get(delivery.alertId()).trigger().threat();
                    var group = delivery.mode() == AlertMode.IMMEDIAT && threat ? delivery.id().toString() : delivery.userId() + "/" + delivery.mode();
                    mails.computeIfAbsent(group, g -> new ArrayList<>()).add(delivery);
                }
            }
            for (var group : mails.values()) {
                sendMail(group, alerts, now);
            }
        }
    }

    private void sendMail(List<Delivery> group, Map<UUID, AlertStore.StoredAlert> alerts, Instant now) {
        var first = group.get(0);
        var groupAlerts = group.stream().map(d -> alerts.get(d.alertId())).toList();
        EgideUser recipient = members.of(groupAlerts.get(0).cabinetId())
            .stream()
            .filter(m -> m.id().equals(first.userId()))
            .findFirst()
            .orElse(null);
        if (recipient == null) {
            group.forEach(d -> store.markFailed(d.id(), "Le destinataire n'est plus membre du cabinet.", now, true));
            return;
        }
        try {
            mailer.send(recipient.email(), recipient.displayName(), first.mode(), groupAlerts);
            group.forEach(d -> store.markSent(d.id(), now));
        }
        catch (Exception e) {
            log.warn("Alerte non envoyée à {} : {}", recipient.email(), e.getMessage());
            group.forEach(d -> failed(d, "Envoi de l'e-mail impossible : " + e.getMessage(), now));
        }
    }

    private void sendWebhook(Delivery delivery, AlertStore.StoredAlert alert, Instant now) {
        var webhook = store.webhook(alert.cabinetId());
        if (webhook.isEmpty()) {
            store.markFailed(delivery.id(), "Webhook supprimé.", now, true);
            return;
        }
        try {
            var status = webhooks.send(webhook.get()[0], webhook.get()[1], delivery.id(), alert);
            if (status >= 200 && status < 300) {
                store.logWebhookAttempt(delivery.id(), status, null);
                store.markSent(delivery.id(), now);
            }
            else {
                store.logWebhookAttempt(delivery.id(), status, "Réponse HTTP " + status);
                failed(delivery, "Le webhook a répondu " + status + ".", now);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(delivery, "Envoi interrompu.", now);
        }
        catch (Exception e) {
            store.logWebhookAttempt(delivery.id(), null, String.valueOf(e.getMessage()));
            failed(delivery, "Webhook injoignable : " + e.getMessage(), now);
        }
    }

    private void failed(Delivery delivery, String error, Instant now) {
        var attempt = delivery.attempts() + 1;
        var giveUp = attempt >= settings.maxAttempts();
        store.markFailed(delivery.id(), error, now.plus(backoff(attempt)), giveUp);
    }

    /** The wait before the next attempt: the base, doubled at each failed attempt (capped at 2^10 times the base). */
    Duration backoff(int failedAttempts) {
        return settings.retryBase().multipliedBy(1L << Math.min(10, Math.max(0, failedAttempts - 1)));
    }

}
