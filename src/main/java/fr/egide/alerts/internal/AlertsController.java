package fr.egide.alerts.internal;

import fr.egide.alerts.AlertMode;
import fr.egide.alerts.AlertPreferences;
import fr.egide.alerts.AlertTrigger;
import fr.egide.alerts.Alerts;
import fr.egide.system.InvalidRequestException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import fr.egide.practice.PracticeManagement;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The recent alerts, and the page where each user chooses how they are told. */
@Controller
class AlertsController {

    private final Alerts alerts;

    private final PracticeManagement practice;

    private final fr.egide.identity.CabinetAccess access;

    AlertsController(Alerts alerts, PracticeManagement practice, fr.egide.identity.CabinetAccess access) {
        this.alerts = alerts;
        this.practice = practice;
        this.access = access;
    }

    /** A cabinet and the address of its webhook (null when none). */
    record CabinetWebhook(UUID cabinetId, String name, String url) {
    }

    @GetMapping("/alertes/webhooks")
    String webhooks(Model model) {
        // Only the cabinets whose webhook the user may set: reading it for the others would be refused.
        model.addAttribute("webhooks", practice.cabinetsOfCurrentUser()
            .stream()
            .filter(c -> access.may(c.id(), fr.egide.identity.Permission.MANAGE_CABINET))
            .map(c -> new CabinetWebhook(c.id(), c.name(), alerts.webhook(c.id())))
            .toList());
        return "alerts/webhooks";
    }

    @PostMapping("/alertes/webhooks/{cabinetId}")
    String saveWebhook(@PathVariable UUID cabinetId, @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String secret, @RequestParam(required = false) String remove, Model model,
            RedirectAttributes redirect) {
        try {
            if (remove != null) {
                alerts.setWebhook(cabinetId, null, null);
                redirect.addFlashAttribute("info", "alertes.webhook.supprime");
            }
            else {
                if (url.isBlank()) {
                    throw new InvalidRequestException("Indiquez l'adresse du webhook, ou utilisez « Supprimer ».");
                }
                alerts.setWebhook(cabinetId, url, secret);
                redirect.addFlashAttribute("info", "alertes.webhook.enregistre");
            }
            return "redirect:/alertes/webhooks";
        }
        catch (InvalidRequestException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("failedCabinet", cabinetId);
            model.addAttribute("failedUrl", url);
            return webhooks(model);
        }
    }

    @GetMapping("/alertes")
    String list(Model model) {
        model.addAttribute("alerts", alerts.recent(50));
        return "alerts/alertes";
    }

    @GetMapping("/alertes/preferences")
    String preferences(Model model) {
        model.addAttribute("preferences", alerts.preferences());
        model.addAttribute("triggers", AlertTrigger.values());
        model.addAttribute("modes", AlertMode.values());
        return "alerts/preferences";
    }

    @PostMapping("/alertes/preferences")
    String save(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        var modes = new EnumMap<AlertTrigger, AlertMode>(AlertTrigger.class);
        try {
            for (var trigger : AlertTrigger.values()) {
                var value = form.get("mode." + trigger.name());
                if (value != null && !value.isBlank()) {
                    modes.put(trigger, AlertMode.valueOf(value));
                }
            }
            alerts.save(new AlertPreferences(modes, time(form.get("quietFrom")), time(form.get("quietTo"))));
            redirect.addFlashAttribute("info", "alertes.preferences.enregistrees");
            return "redirect:/alertes/preferences";
        }
        catch (InvalidRequestException | IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("preferences", new AlertPreferences(modes, null, null));
            model.addAttribute("triggers", AlertTrigger.values());
            model.addAttribute("modes", AlertMode.values());
            return "alerts/preferences";
        }
    }

    private static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        }
        catch (DateTimeParseException e) {
            throw new InvalidRequestException("Heure invalide : « " + value + " » (attendu : HH:MM).");
        }
    }

}
