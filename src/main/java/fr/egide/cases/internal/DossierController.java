package fr.egide.cases.internal;

import fr.egide.analysis.StrategyKind;
import fr.egide.cases.DossierOutcome;
import fr.egide.cases.DossierQualification;
import fr.egide.cases.DossierStage;
import fr.egide.cases.Dossiers;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dossier pages: the list of the user's dossiers, the panel on a mention's page (open a dossier from it), and the
 * dossier's own page, where each step of the method is one form. A refused step comes back with its French reason.
 */
@Controller
class DossierController {

    private final Dossiers dossiers;

    private final DossierExport export;

    private final PracticeManagement practice;


    private final fr.egide.identity.CabinetAccess access;

    DossierController(Dossiers dossiers, DossierExport export, PracticeManagement practice, fr.egide.identity.CabinetAccess access) {
        this.access = access;
        this.dossiers = dossiers;
        this.export = export;
        this.practice = practice;
    }

    @GetMapping("/dossiers")
    String list(Model model) {
        var all = new ArrayList<Dossiers.DossierSummary>();
        for (var cabinet : practice.memberCabinetsOfCurrentUser()) {
            all.addAll(dossiers.list(cabinet.id()));
        }
        model.addAttribute("dossiers", all);
        return "cases/dossiers";
    }

    @GetMapping("/dossiers/mentions/{mentionId}")
    String panel(@PathVariable UUID mentionId, @RequestParam(required = false) UUID cabinet,
            @RequestParam(required = false) String qualification, Model model) {
        model.addAttribute("mentionId", mentionId);
        model.addAttribute("cabinetId", cabinet);
        model.addAttribute("dossiers", dossiers.ofMention(mentionId));
        model.addAttribute("proposed", "A_EXAMINER".equals(qualification) || "ILLICITE_PROBABLE".equals(qualification));
        return "cases/panneau :: panel";
    }

    @PostMapping("/dossiers/mentions/{mentionId}")
    String openFromMention(@PathVariable UUID mentionId, @RequestParam UUID cabinetId, RedirectAttributes redirect) {
        var dossier = dossiers.open(cabinetId, List.of(mentionId), null, null);
        redirect.addFlashAttribute("info", "dossier.ouvert");
        return "redirect:/dossiers/" + dossier.id();
    }

    @GetMapping("/dossiers/{id}")
    String page(@PathVariable UUID id, Model model) {
        var dossier = dossiers.view(id);
        model.addAttribute("d", dossier);
        model.addAttribute("cabinet", practice.cabinet(dossier.cabinetId()));
        model.addAttribute("qualifications", DossierQualification.values());
        model.addAttribute("suggested", suggested(dossier));
        model.addAttribute("strategies", StrategyKind.values());
        model.addAttribute("outcomes", DossierOutcome.values());
        model.addAttribute("positions", fr.egide.analysis.ImpactContext.POSITIONS);
        model.addAttribute("audiences", fr.egide.analysis.ImpactContext.AUDIENCES);
        model.addAttribute("authors", fr.egide.analysis.ImpactContext.AUTHORS);
        model.addAttribute("next", dossier.stage().next() == DossierStage.CLOS ? null : dossier.stage().next());
        model.addAttribute("letterTypes", fr.egide.letters.LetterType.values());
        model.addAttribute("events", new java.util.TreeMap<>(Dossiers.EVENTS));
        model.addAttribute("today", java.time.LocalDate.now(fr.egide.monitoring.FrenchDates.PARIS));
        model.addAttribute("shares", dossiers.shares(id));
        model.addAttribute("canShare", access.may(dossier.cabinetId(), fr.egide.identity.Permission.MANAGE_CABINET));
        return "cases/dossier";
    }

    @PostMapping("/dossiers/{id}/partages")
    String share(@PathVariable UUID id, @RequestParam(required = false) String email, RedirectAttributes redirect) {
        return act(id, "dossier.partage.fait", redirect, () -> dossiers.share(id, email));
    }

    @PostMapping("/dossiers/{id}/partages/{userId}/retrait")
    String unshare(@PathVariable UUID id, @PathVariable UUID userId, RedirectAttributes redirect) {
        return act(id, "dossier.partage.retire", redirect, () -> dossiers.unshare(id, userId));
    }

    /** The qualification proposed in the form: the user's, else the strongest accepted or found indicator's. */
    static DossierQualification suggested(fr.egide.cases.Dossier dossier) {
        if (dossier.qualification() != null) {
            return dossier.qualification();
        }
        var names = Arrays.stream(DossierQualification.values()).map(Enum::name).toList();
        var candidates = dossier.indicators().stream().filter(i -> !Boolean.FALSE.equals(i.accepted())).filter(i -> names.contains(i.type()))
            .sorted((a, b) -> Boolean.compare(Boolean.TRUE.equals(b.accepted()), Boolean.TRUE.equals(a.accepted()))).toList();
        return candidates.isEmpty() ? DossierQualification.CRITIQUE_LICITE : DossierQualification.valueOf(candidates.get(0).type());
    }

    interface Action {

        void run() throws IOException;

    }

    private String act(UUID id, String done, RedirectAttributes redirect, Action action) {
        try {
            action.run();
            redirect.addFlashAttribute("info", done);
        }
        catch (InvalidRequestException | ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        catch (IOException ex) {
            redirect.addFlashAttribute("error", "Le fichier n'a pas pu être lu : " + ex.getMessage());
        }
        return "redirect:/dossiers/" + id;
    }

    @PostMapping("/dossiers/{id}/preuves/capture")
    String captureNow(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(id, "dossier.capture.demandee", redirect, () -> dossiers.captureNow(id));
    }

    @PostMapping("/dossiers/{id}/preuves/lien")
    String link(@PathVariable UUID id, @RequestParam String captureId, RedirectAttributes redirect) {
        return act(id, "dossier.preuve.liee", redirect, () -> dossiers.linkCapture(id, captureId.strip()));
    }

    @PostMapping("/dossiers/{id}/preuves/ecran")
    String upload(@PathVariable UUID id, @RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, "dossier.preuve.jointe", redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw new InvalidRequestException("Choisissez le fichier de la capture d'écran à joindre.");
            }
            dossiers.addScreenshot(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
        });
    }

    @GetMapping("/dossiers/{id}/preuves/{evidenceId}")
    ResponseEntity<byte[]> screenshot(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        var upload = dossiers.screenshot(id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(upload.contentType()))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + upload.fileName() + "\"")
            .header("X-Content-Type-Options", "nosniff").body(upload.content());
    }

    @PostMapping("/dossiers/{id}/indicateurs")
    String decide(@PathVariable UUID id, @RequestParam UUID mentionId, @RequestParam String type, @RequestParam boolean accepted,
            RedirectAttributes redirect) {
        return act(id, accepted ? "dossier.indicateur.retenu" : "dossier.indicateur.ecarte", redirect,
                () -> dossiers.decideIndicator(id, mentionId, type, accepted));
    }

    @PostMapping("/dossiers/{id}/qualification")
    String qualify(@PathVariable UUID id, @RequestParam(required = false) DossierQualification qualification,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, "dossier.qualifie", redirect, () -> dossiers.qualify(id, qualification, reason));
    }

    @PostMapping("/dossiers/{id}/impact")
    String impact(@PathVariable UUID id, @RequestParam(required = false) String position, @RequestParam(required = false) String audience,
            @RequestParam(required = false) String author, RedirectAttributes redirect) {
        return act(id, "dossier.impact.evalue", redirect, () -> dossiers.assessImpact(id, position, audience, author));
    }

    @PostMapping("/dossiers/{id}/strategie")
    String strategy(@PathVariable UUID id, @RequestParam(required = false) StrategyKind strategy, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, "dossier.strategie.choisie", redirect, () -> dossiers.chooseStrategy(id, strategy, reason));
    }

    @PostMapping("/dossiers/{id}/etape")
    String advance(@PathVariable UUID id, @RequestParam(required = false) DossierStage stage, RedirectAttributes redirect) {
        return act(id, "dossier.etape.changee", redirect, () -> dossiers.advance(id, stage));
    }

    @PostMapping("/dossiers/{id}/evenements")
    String event(@PathVariable UUID id, @RequestParam(required = false) String event, @RequestParam(required = false) String on,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, "dossier.evenement.enregistre", redirect, () -> dossiers.recordEvent(id, event, LetterController.date(on), note));
    }

    @PostMapping("/dossiers/{id}/cloture")
    String close(@PathVariable UUID id, @RequestParam(required = false) DossierOutcome outcome, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return act(id, "dossier.clos", redirect, () -> dossiers.close(id, outcome, comment));
    }

    @GetMapping("/dossiers/{id}/export")
    void download(@PathVariable UUID id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        var prepared = export.prepare(id);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + prepared.fileName() + "\"");
        prepared.writeTo(response.getOutputStream());
    }

}
