package fr.egide.monitoring.internal;

import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.MentionImports;
import fr.egide.monitoring.MentionLabelFamily;
import fr.egide.monitoring.MentionStatus;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Pages of the veille: the list of mentions with filters, a mention's detail, imports and manual entry. */
@Controller
class MentionController {

    private final Mentions mentions;

    private final MentionImports imports;

    private final PracticeManagement practice;

    private final List<MentionLabelFamily> labelFamilies;

    MentionController(Mentions mentions, MentionImports imports, PracticeManagement practice,
            List<MentionLabelFamily> labelFamilies) {
        this.mentions = mentions;
        this.imports = imports;
        this.practice = practice;
        this.labelFamilies = List.copyOf(labelFamilies);
    }

    /** Links to other pages of the same list: the current filters, another page number. */
    record PageLink(String query) {

        public String to(int page) {
            return UriComponentsBuilder.fromPath("/mentions").query(query).replaceQueryParam("page", page)
                .build().toUriString();
        }

    }

    @GetMapping("/mentions")
    String list(@RequestParam(required = false) UUID source, @RequestParam(required = false) Integer minRating,
            @RequestParam(required = false) Integer maxRating,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) MentionStatus status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam Map<String, String> parameters, HttpServletRequest request,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore, Model model) {
        var labels = new ArrayList<String>();
        var filter = new MentionFilter(null, source, minRating, maxRating, from, to, status, q, labels);
        try {
            for (var family : labelFamilies) {
                var value = parameters.get(family.family());
                if (value != null && !value.isBlank()) {
                    labels.add(family.label(value.strip()));
                }
            }
            filter = new MentionFilter(null, source, minRating, maxRating, from, to, status, q, labels);
            model.addAttribute("result", mentions.search(filter, Math.max(page, 0), Math.min(Math.max(size, 1), 100)));
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("filterError", ex.getMessage());
            model.addAttribute("result", mentions.search(MentionFilter.none(), 0, 20));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("sources", mentions.sources());
        model.addAttribute("statuses", MentionStatus.values());
        model.addAttribute("labelFamilies", labelFamilies);
        model.addAttribute("pageLink", new PageLink(request.getQueryString()));
        // A history restore that missed htmx's cache asks for the whole page, not the fragment.
        return htmx != null && historyRestore == null ? "monitoring/mentions :: results" : "monitoring/mentions";
    }

    @GetMapping("/mentions/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("detail", mentions.detail(id));
        model.addAttribute("statuses", MentionStatus.values());
        return "monitoring/mention";
    }

    @PostMapping("/mentions/{id}/statut")
    String status(@PathVariable UUID id, @RequestParam MentionStatus status, RedirectAttributes redirect) {
        mentions.changeStatus(id, status);
        redirect.addFlashAttribute("info", "mention.statut.modifie");
        return "redirect:/mentions/" + id;
    }

    @GetMapping("/import")
    String importPage(Model model) {
        model.addAttribute("cabinets", practice.cabinetsOfCurrentUser());
        model.addAttribute("latest", imports.latest(10));
        return "monitoring/import";
    }

    @PostMapping("/import")
    String importFile(@RequestParam UUID cabinetId, @RequestParam(required = false) String defaultSource,
            @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "import.fichier.vide");
            return "redirect:/import";
        }
        var report = imports.importFile(cabinetId, file.getOriginalFilename(), () -> {
            try {
                return file.getInputStream();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, defaultSource);
        return "redirect:/import/" + report.id();
    }

    @GetMapping("/import/{id}")
    String report(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("report", imports.report(id));
        model.addAttribute("issues", imports.issues(id, Math.max(page, 0), 50));
        return "monitoring/rapport-import";
    }

    @GetMapping("/mentions/nouvelle")
    String manualForm(Model model) {
        model.addAttribute("cabinets", practice.cabinetsOfCurrentUser());
        model.addAttribute("form", new ManualMention("", "", "", null, "", ""));
        return "monitoring/saisie";
    }

    @PostMapping("/mentions/nouvelle")
    String manual(@RequestParam UUID cabinetId, @Valid @ModelAttribute("form") ManualMention form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                mentions.addManual(cabinetId, form);
                redirect.addFlashAttribute("info", "mention.ajoutee");
                return "redirect:/mentions";
            }
            catch (InvalidRequestException ex) {
                errors.reject("erreur.motif", new Object[] { ex.getMessage() }, ex.getMessage());
            }
        }
        model.addAttribute("cabinets", practice.cabinetsOfCurrentUser());
        return "monitoring/saisie";
    }

}
