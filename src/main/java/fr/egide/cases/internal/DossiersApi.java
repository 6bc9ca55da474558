package fr.egide.cases.internal;

import fr.egide.analysis.StrategyKind;
import fr.egide.cases.Dossier;
import fr.egide.cases.DossierOutcome;
import fr.egide.cases.DossierQualification;
import fr.egide.cases.DossierStage;
import fr.egide.cases.Dossiers;
import fr.egide.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of dossiers: open, read, take through the method's steps, deadlines and reminders, export. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Dossiers")
@SecurityRequirement(name = "bearer")
class DossiersApi {

    private final Dossiers dossiers;

    private final DossierExport export;

    DossiersApi(Dossiers dossiers, DossierExport export) {
        this.dossiers = dossiers;
        this.export = export;
    }

    record Opening(List<UUID> mentionIds, UUID practitionerId, String title) {
    }

    record StageChange(DossierStage stage) {
    }

    record Closing(DossierOutcome outcome, String comment) {
    }

    record QualificationChoice(DossierQualification qualification, String reason) {
    }

    record ImpactCriteria(String position, String audience, String author) {
    }

    record StrategyChoice(StrategyKind strategy, String reason) {
    }

    record IndicatorDecision(UUID mentionId, String type, Boolean accepted) {
    }

    record CaptureLink(String captureId) {
    }

    record Event(String event, LocalDate on, String note) {
    }

    @GetMapping("/cabinets/{cabinetId}/dossiers")
    @Operation(summary = "Les dossiers d'un cabinet, du plus récent au plus ancien, avec leur prochain délai")
    List<Dossiers.DossierSummary> list(@PathVariable UUID cabinetId) {
        return dossiers.list(cabinetId);
    }

    @PostMapping("/cabinets/{cabinetId}/dossiers")
    @Operation(summary = "Ouvrir un dossier sur une ou plusieurs mentions (leurs captures scellées y sont jointes)")
    ResponseEntity<Dossier> open(@PathVariable UUID cabinetId, @RequestBody Opening body) {
        var dossier = dossiers.open(cabinetId, body.mentionIds(), body.practitionerId(), body.title());
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + dossier.id())).body(dossier);
    }

    @GetMapping("/dossiers/{id}")
    @Operation(summary = "Un dossier : étape, mentions, indicateurs et décisions, qualification, impact, stratégie, preuves, courriers, délais, chronologie")
    Dossier get(@PathVariable UUID id) {
        return dossiers.view(id);
    }

    @PostMapping("/dossiers/{id}/stage")
    @Operation(summary = "Passer à l'étape suivante (contrôlée : pas de saut, pas de retour, chaque étape avec ce qu'elle demande)")
    Dossier stage(@PathVariable UUID id, @RequestBody StageChange body) {
        return dossiers.advance(id, body.stage());
    }

    @PostMapping("/dossiers/{id}/close")
    @Operation(summary = "Clore le dossier avec son issue")
    Dossier close(@PathVariable UUID id, @RequestBody Closing body) {
        return dossiers.close(id, body.outcome(), body.comment());
    }

    @PutMapping("/dossiers/{id}/qualification")
    @Operation(summary = "La qualification retenue par l'utilisateur (seul un juge qualifie)")
    Dossier qualify(@PathVariable UUID id, @RequestBody QualificationChoice body) {
        return dossiers.qualify(id, body.qualification(), body.reason());
    }

    @PutMapping("/dossiers/{id}/impact")
    @Operation(summary = "Les critères d'impact connus de l'utilisateur (position, audience, auteur) ; le risque vient de l'analyse")
    Dossier impact(@PathVariable UUID id, @RequestBody ImpactCriteria body) {
        return dossiers.assessImpact(id, body.position(), body.audience(), body.author());
    }

    @PutMapping("/dossiers/{id}/strategy")
    @Operation(summary = "La stratégie choisie (une autre que celle recommandée demande une raison)")
    Dossier strategy(@PathVariable UUID id, @RequestBody StrategyChoice body) {
        return dossiers.chooseStrategy(id, body.strategy(), body.reason());
    }

    @PutMapping("/dossiers/{id}/indicators")
    @Operation(summary = "Retenir ou écarter un indicateur de l'analyse pour une mention du dossier")
    Dossier indicator(@PathVariable UUID id, @RequestBody IndicatorDecision body) {
        if (body.accepted() == null || body.mentionId() == null || body.type() == null) {
            throw new InvalidRequestException("Indiquez la mention (mentionId), l'indicateur (type) et la décision (accepted : true ou false).");
        }
        return dossiers.decideIndicator(id, body.mentionId(), body.type(), body.accepted());
    }

    @PostMapping("/dossiers/{id}/evidence/captures")
    @Operation(summary = "Lier une capture du module Preuves au dossier")
    Dossier link(@PathVariable UUID id, @RequestBody CaptureLink body) {
        return dossiers.linkCapture(id, body.captureId());
    }

    @PostMapping("/dossiers/{id}/evidence/capture-now")
    @Operation(summary = "Capturer maintenant la page de chaque mention du dossier (en arrière-plan) et lier les captures")
    Dossier captureNow(@PathVariable UUID id) {
        return dossiers.captureNow(id);
    }

    @PostMapping(path = "/dossiers/{id}/evidence/screenshots", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Joindre une capture d'écran (PNG, JPEG, WebP ou PDF, 10 Mo au plus), gardée avec son SHA-256")
    Dossier screenshot(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        return dossiers.addScreenshot(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @PostMapping("/dossiers/{id}/events")
    @Operation(summary = "Enregistrer un événement qui ouvre un délai : DECISION_PLATEFORME (réclamation interne, 6 mois), "
            + "SAISINE_ORGANISME (décision sous 90 jours), DEMANDE_RGPD_PROLONGEE (réponse sous 3 mois)")
    Dossier event(@PathVariable UUID id, @RequestBody Event body) {
        return dossiers.recordEvent(id, body.event(), body.on(), body.note());
    }

    @GetMapping("/dossiers/{id}/deadlines")
    @Operation(summary = "Les délais du dossier, chacun avec sa base légale, ou la raison pour laquelle il ne peut être calculé")
    List<Dossier.DeadlineItem> deadlines(@PathVariable UUID id) {
        return dossiers.deadlines(id);
    }

    @GetMapping("/cabinets/{cabinetId}/deadline-reminders")
    @Operation(summary = "Les rappels (J-30, J-14, J-7, J-2) des délais des dossiers ouverts, entre deux dates (30 jours par défaut)")
    List<Dossiers.Reminder> reminders(@PathVariable UUID cabinetId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        var start = from == null ? LocalDate.now(fr.egide.monitoring.FrenchDates.PARIS) : from;
        return dossiers.reminders(cabinetId, start, to == null ? start.plusDays(30) : to);
    }

    @GetMapping("/dossiers/{id}/export")
    @Operation(summary = "Le dossier entier en un ZIP pour l'avocat ou le commissaire de justice")
    void export(@PathVariable UUID id, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        // Written on the request's thread: checked and recorded first, with the caller's rights.
        var prepared = export.prepare(id);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + prepared.fileName() + "\"");
        prepared.writeTo(response.getOutputStream());
    }

    record ShareRequest(String email) {
    }

    @GetMapping("/dossiers/{id}/shares")
    @Operation(summary = "Les conseils avec qui le dossier est partagé")
    List<Dossiers.Share> shares(@PathVariable UUID id) {
        return dossiers.shares(id);
    }

    @PostMapping("/dossiers/{id}/shares")
    @Operation(summary = "Partager le dossier avec un membre du cabinet de rôle CONSEIL (titulaire seulement)")
    List<Dossiers.Share> share(@PathVariable UUID id, @RequestBody ShareRequest body) {
        return dossiers.share(id, body == null ? null : body.email());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/dossiers/{id}/shares/{userId}")
    @Operation(summary = "Retirer le partage du dossier à un conseil (le partage retiré reste enregistré, daté)")
    List<Dossiers.Share> unshare(@PathVariable UUID id, @PathVariable UUID userId) {
        return dossiers.unshare(id, userId);
    }

}
