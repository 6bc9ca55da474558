package fr.egide.evidence.internal;

import fr.egide.evidence.BundleVerifier;
import fr.egide.evidence.Captures;
import fr.egide.evidence.engine.ChromiumCapture;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The evidence pages: the list of captures with a form to capture any page, a capture's page (status while it
 * runs, limits, digests, re-check state, chain of custody, download, verification), and the panel of a
 * mention's page (its captures and a "capture now" button). A capture in progress refreshes itself.
 */
@Controller
class EvidenceController {

    private final Captures captures;

    private final PracticeManagement practice;

    private final EvidenceSettings settings;

    EvidenceController(Captures captures, PracticeManagement practice, EvidenceSettings settings) {
        this.captures = captures;
        this.practice = practice;
        this.settings = settings;
    }

    private void browserNotice(Model model) {
        model.addAttribute("noBrowser", settings.browser() && ChromiumCapture.findChromium() == null);
    }

    @GetMapping("/preuves")
    String list(@RequestParam(required = false) UUID cabinet, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("cabinets", practice.cabinetsOfCurrentUser());
        model.addAttribute("cabinet", cabinet);
        model.addAttribute("result", captures.list(cabinet, null, Math.max(0, page), 20));
        browserNotice(model);
        return "evidence/liste";
    }

    @PostMapping("/preuves")
    String request(@RequestParam(required = false) UUID cabinet, @RequestParam(required = false) String url,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            if (cabinet == null) {
                throw new InvalidRequestException("Choisissez le cabinet pour lequel la capture est faite.");
            }
            var capture = captures.request(cabinet, url, reason);
            redirect.addFlashAttribute("info", "preuve.demandee.page");
            return "redirect:/preuves/" + capture.id();
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("error", ex.getMessage());
            model.addAttribute("url", url);
            model.addAttribute("reason", reason);
            return list(cabinet, 0, model);
        }
    }

    @GetMapping("/preuves/{id}")
    String capture(@PathVariable String id, Model model) {
        model.addAttribute("capture", captures.get(id));
        model.addAttribute("custody", captures.custody(id));
        model.addAttribute("watch", captures.watch(id).orElse(null));
        browserNotice(model);
        return "evidence/capture";
    }

    /** The status block alone, polled by htmx while the capture runs. */
    @GetMapping("/preuves/{id}/statut")
    String status(@PathVariable String id, Model model) {
        model.addAttribute("capture", captures.get(id));
        return "evidence/capture :: status";
    }

    @PostMapping("/preuves/{id}/verification")
    String verify(@PathVariable String id, Model model) {
        try {
            var checks = captures.verify(id);
            model.addAttribute("checks", checks);
            model.addAttribute("passed", BundleVerifier.allPassed(checks));
        }
        catch (ConflictException ex) {
            model.addAttribute("error", ex.getMessage());
        }
        return capture(id, model);
    }

    @PostMapping("/preuves/{id}/controle")
    String recheck(@PathVariable String id, RedirectAttributes redirect) {
        try {
            captures.recheckNow(id);
            redirect.addFlashAttribute("info", "preuve.controle.demande");
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/preuves/" + id;
    }

    @PostMapping("/preuves/{id}/partage")
    String share(@PathVariable String id, @RequestParam(required = false) String recipient,
            @RequestParam(defaultValue = "7") int days, jakarta.servlet.http.HttpServletRequest request, Model model) {
        try {
            var link = captures.share(id, recipient, days);
            var base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
            model.addAttribute("shareUrl", base + link.path());
            model.addAttribute("share", link);
        }
        catch (InvalidRequestException | ConflictException ex) {
            model.addAttribute("error", ex.getMessage());
        }
        return capture(id, model);
    }

    /** A share link: no account needed; the download is written in the chain of custody. */
    @GetMapping("/partage/{token}")
    void shared(@PathVariable String token, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        var export = captures.shared(token);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"preuve.zip\"");
        export.writeTo(response.getOutputStream());
    }

    @GetMapping("/preuves/{id}/lot")
    void download(@PathVariable String id, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // Written on the request's thread (not streamed asynchronously): the export is checked and recorded first.
        var export = captures.export(id);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".zip\"");
        export.writeTo(response.getOutputStream());
    }

    @GetMapping("/preuves/{id}/apercu.png")
    ResponseEntity<byte[]> preview(@PathVariable String id) throws IOException {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(captures.preview(id));
    }

    @GetMapping("/preuves/mentions/{mentionId}")
    String panel(@PathVariable UUID mentionId, Model model) {
        model.addAttribute("mentionId", mentionId);
        model.addAttribute("result", captures.list(null, mentionId, 0, 10));
        model.addAttribute("watches", captures.watches(mentionId));
        browserNotice(model);
        return "evidence/panneau :: panel";
    }

    @PostMapping("/preuves/mentions/{mentionId}")
    String requestForMention(@PathVariable UUID mentionId, @RequestParam(required = false) String reason, Model model) {
        try {
            captures.requestForMention(mentionId, reason);
            model.addAttribute("info", "preuve.demandee");
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("error", ex.getMessage());
        }
        return panel(mentionId, model);
    }

}
