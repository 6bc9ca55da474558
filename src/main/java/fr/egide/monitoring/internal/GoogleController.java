package fr.egide.monitoring.internal;

import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceScans;
import fr.egide.monitoring.connectors.ConnectorException;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Connecting the practitioner's Google account: consent at Google, Google's answer, then the choice of the
 * listing whose reviews Égide follows (and to which approved replies can be posted).
 */
@Controller
class GoogleController {

    private final GoogleConnections connections;

    private final SourceScans scans;

    private final PracticeManagement practice;

    GoogleController(GoogleConnections connections, SourceScans scans, PracticeManagement practice) {
        this.connections = connections;
        this.scans = scans;
        this.practice = practice;
    }

    @PostMapping("/veille/{cabinetId}/google/connexion")
    String connect(@PathVariable UUID cabinetId, RedirectAttributes redirect) {
        try {
            return "redirect:" + connections.startConsent(cabinetId);
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/veille/" + cabinetId;
        }
    }

    @GetMapping("/veille/google/retour")
    String callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
            @RequestParam(required = false) String error, Model model) throws InterruptedException {
        try {
            var connection = connections.complete(state, code, error);
            return "redirect:/veille/" + connection.cabinetId() + "/google/" + connection.id();
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("error", ex.getMessage());
            return "monitoring/google";
        }
    }

    @GetMapping("/veille/{cabinetId}/google/{connectionId}")
    String choose(@PathVariable UUID cabinetId, @PathVariable UUID connectionId, Model model) throws InterruptedException {
        model.addAttribute("cabinet", practice.cabinet(cabinetId));
        var connection = connections.get(connectionId);
        if (!connection.cabinetId().equals(cabinetId)) {
            throw new fr.egide.system.NotFoundException("Compte Google introuvable.");
        }
        model.addAttribute("connection", connection);
        try {
            model.addAttribute("choices", connections.locations(connectionId));
        }
        catch (ConnectorException ex) {
            model.addAttribute("error", ex.getMessage());
            model.addAttribute("choices", java.util.List.of());
        }
        return "monitoring/google";
    }

    @PostMapping("/veille/{cabinetId}/google/{connectionId}")
    String follow(@PathVariable UUID cabinetId, @PathVariable UUID connectionId, @RequestParam(required = false) String location,
            Model model, RedirectAttributes redirect) throws InterruptedException {
        var connection = connections.get(connectionId);
        if (!connection.cabinetId().equals(cabinetId)) {
            throw new fr.egide.system.NotFoundException("Compte Google introuvable.");
        }
        if (location == null || !location.matches("accounts/[A-Za-z0-9_-]+/locations/[A-Za-z0-9_-]+")) {
            model.addAttribute("formError", "Choisissez l'établissement dont Égide doit suivre les avis.");
            return choose(cabinetId, connectionId, model);
        }
        // Only a listing the connected account really manages can be followed; its title names the source.
        GoogleConnections.Choice chosen;
        try {
            chosen = connections.locations(connectionId).stream().filter(c -> c.location().reviewsName().equals(location)).findFirst()
                .orElse(null);
        }
        catch (ConnectorException ex) {
            model.addAttribute("formError", ex.getMessage());
            return choose(cabinetId, connectionId, model);
        }
        if (chosen == null) {
            model.addAttribute("formError", "Ce compte Google ne gère pas l'établissement choisi : choisissez-en un de la liste.");
            return choose(cabinetId, connectionId, model);
        }
        var title = chosen.location().title();
        var settings = new LinkedHashMap<String, String>();
        settings.put("account", location.substring(0, location.indexOf("/locations/")));
        settings.put("location", location);
        settings.put(SourceScanner.GOOGLE_CONNECTION, connectionId.toString());
        var name = "Google — " + (title == null || title.isBlank() ? location.substring(location.lastIndexOf('/') + 1) : title.strip());
        try {
            scans.add(cabinetId, new SourceScans.SourceSettings(SourceKind.GOOGLE_BUSINESS,
                    name.length() > 120 ? name.substring(0, 120) : name, settings, null, null, null));
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("formError", ex.getMessage());
            return choose(cabinetId, connectionId, model);
        }
        redirect.addFlashAttribute("info", "veille.google.suivie");
        return "redirect:/veille/" + cabinetId;
    }

}
