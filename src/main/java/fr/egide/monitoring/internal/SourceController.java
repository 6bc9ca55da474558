package fr.egide.monitoring.internal;

import fr.egide.monitoring.SourceScans;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.InvalidRequestException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One watched source: its state and scans, its settings to change, a connection test, pause and resume. */
@Controller
class SourceController {

    private final SourceScans scans;

    private final SourceStore store;

    private final SourceScanner scanner;

    private final PracticeManagement practice;

    SourceController(SourceScans scans, SourceStore store, SourceScanner scanner, PracticeManagement practice) {
        this.scans = scans;
        this.store = store;
        this.scanner = scanner;
        this.practice = practice;
    }

    @GetMapping("/veille/sources/{id}")
    String page(@PathVariable UUID id, Model model) {
        var source = scans.status(id);
        model.addAttribute("source", source);
        model.addAttribute("cabinet", practice.cabinet(source.cabinetId()));
        model.addAttribute("scans", store.scans(id, 20));
        return "monitoring/source";
    }

    @PostMapping("/veille/sources/{id}")
    String update(@PathVariable UUID id, @RequestParam(required = false) String name, @RequestParam(required = false) String url,
            @RequestParam(required = false) String selector, @RequestParam(required = false) String query,
            @RequestParam(required = false) String placeId, @RequestParam(required = false) String apiKey,
            @RequestParam(required = false) Integer intervalMinutes, @RequestParam(required = false) String windowStart,
            @RequestParam(required = false) String windowEnd, Model model, RedirectAttributes redirect) {
        var settings = new LinkedHashMap<String, String>();
        settings.put("url", url);
        settings.put("selector", selector);
        settings.put("extra", query);
        settings.put("placeId", placeId);
        settings.put("apiKey", apiKey);
        settings.values().removeIf(java.util.Objects::isNull);
        try {
            scans.update(id, new SourceScans.SourceSettings(null, name, settings, intervalMinutes, time(windowStart), time(windowEnd)));
            redirect.addFlashAttribute("info", "veille.source.modifiee");
            return "redirect:/veille/sources/" + id;
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("error", ex.getMessage());
            return page(id, model);
        }
    }

    @PostMapping("/veille/sources/{id}/test")
    String test(@PathVariable UUID id, Model model) throws InterruptedException {
        scans.status(id, fr.egide.identity.Permission.TRIAGE);
        model.addAttribute("trial", scanner.trial(id));
        return page(id, model);
    }

    @PostMapping("/veille/sources/{id}/pause")
    String pause(@PathVariable UUID id, RedirectAttributes redirect) {
        scans.pause(id);
        redirect.addFlashAttribute("info", "veille.source.pause");
        return "redirect:/veille/sources/" + id;
    }

    @PostMapping("/veille/sources/{id}/reprise")
    String resume(@PathVariable UUID id, RedirectAttributes redirect) {
        scans.resume(id);
        redirect.addFlashAttribute("info", "veille.source.reprise");
        return "redirect:/veille/sources/" + id;
    }

    static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        }
        catch (DateTimeParseException ex) {
            throw new InvalidRequestException("Heure illisible : « " + value.strip() + " » (format attendu : 08:00).");
        }
    }

}
