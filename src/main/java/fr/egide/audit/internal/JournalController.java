package fr.egide.audit.internal;

import fr.egide.audit.AuditAction;
import fr.egide.audit.AuditFilter;
import fr.egide.audit.AuditLog;
import fr.egide.audit.CabinetPrivacy;
import fr.egide.audit.ProcessingRecords;
import fr.egide.identity.CabinetAccess;
import fr.egide.identity.CabinetRole;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The journal page (/journal), the GDPR page (/rgpd: export, retention, deletion) and the records of processing. */
@Controller
class JournalController {

    private final AuditLog audit;

    private final CabinetPrivacy privacy;

    private final ProcessingRecords records;

    private final CabinetAccess access;

    JournalController(AuditLog audit, CabinetPrivacy privacy, ProcessingRecords records, CabinetAccess access) {
        this.audit = audit;
        this.privacy = privacy;
        this.records = records;
        this.access = access;
    }

    @GetMapping("/journal")
    String journal(@RequestParam(required = false) UUID cabinet, @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) UUID utilisateur,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate du,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate au,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var chosen = chosen(cabinet, model, access.managedCabinets());
        privacy.requireJournalReader(chosen);
        var entries = audit.entries(chosen, new AuditFilter(action, utilisateur, du, au), page, 50);
        var ids = new ArrayList<>(audit.actors(chosen));
        model.addAttribute("entries", entries);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("users", access.displayNames(ids));
        model.addAttribute("check", audit.verify(chosen));
        model.addAttribute("action", action);
        model.addAttribute("utilisateur", utilisateur);
        model.addAttribute("du", du);
        model.addAttribute("au", au);
        return "audit/journal";
    }

    @GetMapping("/rgpd")
    String gdpr(@RequestParam(required = false) UUID cabinet, Model model) {
        var chosen = chosen(cabinet, model);
        privacy.requireTitulaire(chosen);
        model.addAttribute("retention", privacy.retention(chosen));
        model.addAttribute("warnings", privacy.deletionWarnings(chosen));
        model.addAttribute("cabinetName", privacy.cabinetName(chosen));
        return "audit/rgpd";
    }

    @GetMapping("/rgpd/registre")
    String registry(@RequestParam(required = false) UUID cabinet, Model model) {
        var chosen = chosen(cabinet, model);
        model.addAttribute("records", records.of(chosen));
        model.addAttribute("cabinetName", privacy.cabinetName(chosen));
        return "audit/registre";
    }

    @GetMapping("/rgpd/export")
    void export(@RequestParam UUID cabinet, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        privacy.requireTitulaire(cabinet);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"egide-export-rgpd-" + LocalDate.now() + ".zip\"");
        privacy.export(cabinet, response.getOutputStream());
    }

    @PostMapping("/rgpd/conservation")
    String retention(@RequestParam UUID cabinet, @RequestParam(required = false) Integer brutes, @RequestParam(required = false) Integer clos,
            RedirectAttributes redirect) {
        try {
            privacy.changeRetention(cabinet, brutes, clos);
            redirect.addFlashAttribute("info", "rgpd.conservation.enregistree");
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/rgpd?cabinet=" + cabinet;
    }

    @PostMapping("/rgpd/suppression")
    String delete(@RequestParam UUID cabinet, @RequestParam(required = false) String nom,
            @RequestParam(defaultValue = "false") boolean avertissementLu, RedirectAttributes redirect) {
        try {
            privacy.delete(cabinet, nom, avertissementLu);
        }
        catch (InvalidRequestException | ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/rgpd?cabinet=" + cabinet;
        }
        redirect.addFlashAttribute("info", "rgpd.suppression.faite");
        return "redirect:/cabinets";
    }

    /** The cabinet asked for, or the first the user is titulaire of; the choices go to the model. */
    private UUID chosen(UUID cabinet, Model model) {
        return chosen(cabinet, model, access.cabinetsOfCurrentUser().stream().filter(id -> access.roleIn(id) == CabinetRole.TITULAIRE)
            .collect(java.util.stream.Collectors.toSet()));
    }

    private UUID chosen(UUID cabinet, Model model, java.util.Set<UUID> offered) {
        var names = new LinkedHashMap<UUID, String>();
        for (var id : offered.stream().sorted().toList()) {
            // A deleted cabinet has no name any more: its journal is kept but no longer offered.
            privacy.existingName(id).ifPresent(n -> names.put(id, n));
        }
        var chosen = cabinet != null ? cabinet : names.keySet().stream().findFirst()
            .orElseThrow(() -> new NotFoundException("Aucun cabinet dont vous êtes titulaire."));
        model.addAttribute("cabinets", names);
        model.addAttribute("cabinet", chosen);
        return chosen;
    }

}
