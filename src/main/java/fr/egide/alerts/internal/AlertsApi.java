package fr.egide.alerts.internal;

import fr.egide.alerts.AlertPreferences;
import fr.egide.alerts.AlertSummary;
import fr.egide.alerts.Alerts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the alerts: the recent ones, the current user's settings, a cabinet's webhook. */
@RestController
@RequestMapping("/api/v1/alertes")
@Tag(name = "Alertes")
@SecurityRequirement(name = "bearer")
class AlertsApi {

    private final Alerts alerts;

    AlertsApi(Alerts alerts) {
        this.alerts = alerts;
    }

    @GetMapping
    @Operation(summary = "Les dernières alertes des cabinets de l'utilisateur, et où en est leur envoi à lui")
    List<AlertSummary> list(@RequestParam(defaultValue = "50") int limit) {
        return alerts.recent(limit);
    }

    @GetMapping("/preferences")
    @Operation(summary = "Les réglages d'alerte de l'utilisateur : mode par déclencheur, heures de calme")
    AlertPreferences preferences() {
        return alerts.preferences();
    }

    @PutMapping("/preferences")
    @Operation(summary = "Modifier ses réglages (les menaces restent toujours immédiates)")
    AlertPreferences save(@RequestBody AlertPreferences preferences) {
        return alerts.save(preferences);
    }

    record Webhook(String url, String secret) {
    }

    @GetMapping("/webhooks/{cabinetId}")
    @Operation(summary = "L'adresse du webhook d'un cabinet (le secret n'est jamais renvoyé)")
    ResponseEntity<Webhook> webhook(@PathVariable UUID cabinetId) {
        var url = alerts.webhook(cabinetId);
        return url == null ? ResponseEntity.notFound().build() : ResponseEntity.ok(new Webhook(url, null));
    }

    @PutMapping("/webhooks/{cabinetId}")
    @Operation(summary = "Définir le webhook d'un cabinet (POST JSON signé HMAC-SHA256 avec le secret ; adresse vide : supprimé)")
    ResponseEntity<Void> setWebhook(@PathVariable UUID cabinetId, @RequestBody Webhook body) {
        alerts.setWebhook(cabinetId, body.url(), body.secret());
        return ResponseEntity.noContent().build();
    }

}
