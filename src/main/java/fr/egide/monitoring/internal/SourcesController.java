package fr.egide.monitoring.internal;

import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceScans;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.InvalidRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The cabinet's watch page: the sources Égide scans on its own, their state, and a form to add one. */
@Controller
class SourcesController {

    private final SourceScans scans;

    private final SourceStore store;

    private final PracticeManagement practice;

    private final GoogleConnections google;

    SourcesController(SourceScans scans, SourceStore store, PracticeManagement practice, GoogleConnections google) {
        this.google = google;
        this.scans = scans;
        this.store = store;
        this.practice = practice;
    }

    @GetMapping("/veille/{cabinetId}")
    String page(@PathVariable UUID cabinetId, Model model) {
        model.addAttribute("cabinet", practice.cabinet(cabinetId));
        var sources = scans.statuses(cabinetId).stream().filter(source -> source.kind().scanned()).toList();
        model.addAttribute("sources", sources);
        var history = new LinkedHashMap<UUID, java.util.List<SourceStore.ScanRecord>>();
        sources.forEach(source -> history.put(source.id(), store.scans(source.id(), 5)));
        model.addAttribute("history", history);
        // The own Google listing is added by connecting its account (section above the form), not by typing ids.
        model.addAttribute("kinds", Arrays.stream(SourceKind.values()).filter(SourceKind::scanned)
            .filter(kind -> kind != SourceKind.GOOGLE_BUSINESS).toList());
        model.addAttribute("googleConfigured", google.configured());
        model.addAttribute("googleConnections", google.ofCabinet(cabinetId));
        return "monitoring/veille";
    }

    @PostMapping("/veille/{cabinetId}")
    String add(@PathVariable UUID cabinetId, @RequestParam(required = false) SourceKind kind, @RequestParam(required = false) String name,
            @RequestParam(required = false) String url, @RequestParam(required = false) String selector,
            @RequestParam(required = false) String query, @RequestParam(required = false) String placeId,
            @RequestParam(required = false) String apiKey, @RequestParam(required = false) Integer intervalMinutes,
            @RequestParam(required = false) String scripts,
            Model model, RedirectAttributes redirect) {
        var settings = new LinkedHashMap<String, String>();
        put(settings, "url", url);
        put(settings, "selector", selector);
        // Ticked: the page is always rendered; unticked, Égide decides on its own (WebPageConnector).
        if (kind == SourceKind.PAGE_WEB && "oui".equals(scripts)) {
            settings.put("scripts", "oui");
        }
        put(settings, "extra", query);
        put(settings, "placeId", placeId);
        put(settings, "apiKey", apiKey);
        try {
            scans.add(cabinetId, new SourceScans.SourceSettings(kind, name, settings, intervalMinutes, null, null));
            redirect.addFlashAttribute("info", "veille.source.ajoutee");
            return "redirect:/veille/" + cabinetId;
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("error", ex.getMessage());
            return page(cabinetId, model);
        }
    }

    @PostMapping("/veille/sources/{id}/releve")
    String scanNow(@PathVariable UUID id, RedirectAttributes redirect) {
        var source = scans.status(id);
        scans.scanNow(id);
        redirect.addFlashAttribute("info", "veille.releve.demande");
        return "redirect:/veille/" + source.cabinetId();
    }

    private static void put(java.util.Map<String, String> settings, String key, String value) {
        if (value != null && !value.isBlank()) {
            settings.put(key, value.strip());
        }
    }

}
