package fr.egide.evidence.internal;

import fr.egide.evidence.CaptureSummary;
import fr.egide.evidence.Captures;
import fr.egide.evidence.Check;
import fr.egide.evidence.CustodyEntry;
import fr.egide.evidence.WatchSummary;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import fr.egide.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of evidence captures: ask for a capture of a mention or of any URL (it runs in the background: 202,
 * then poll the capture), list them, download the sealed bundle with its chain of custody, verify it, read the
 * chain, and re-check a watched URL now.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Preuves")
@SecurityRequirement(name = "bearer")
class CapturesApi {

    private final Captures captures;

    CapturesApi(Captures captures) {
        this.captures = captures;
    }

    /** Either a mention (its page is captured) or a cabinet and a URL. */
    record CaptureRequest(UUID mentionId, UUID cabinetId, String url, String reason) {
    }

    record Verification(boolean passed, List<Check> checks) {
    }

    @PostMapping("/captures")
    @Operation(summary = "Demander une capture scellée (d'une mention, ou d'une adresse pour un cabinet)",
            description = "La capture se fait en arrière-plan : la réponse 202 donne la capture EN_ATTENTE ; suivre son statut "
                    + "jusqu'à SCELLEE ou ECHEC. Seules les adresses http(s) publiques sont acceptées.")
    ResponseEntity<CaptureSummary> request(@RequestBody CaptureRequest body) {
        CaptureSummary capture;
        if (body.mentionId() != null) {
            capture = captures.requestForMention(body.mentionId(), body.reason());
        }
        else if (body.cabinetId() != null) {
            capture = captures.request(body.cabinetId(), body.url(), body.reason());
        }
        else {
            throw new InvalidRequestException("Indiquez une mention (mentionId) ou un cabinet et une adresse (cabinetId, url).");
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/captures/" + capture.id())).body(capture);
    }

    @GetMapping("/captures")
    @Operation(summary = "Les captures, les plus récentes d'abord (filtrables par cabinet et par mention)")
    PageResult<CaptureSummary> list(@RequestParam(required = false) UUID cabinetId, @RequestParam(required = false) UUID mentionId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return captures.list(cabinetId, mentionId, page, size);
    }

    @GetMapping("/captures/{id}")
    @Operation(summary = "Une capture et où elle en est")
    CaptureSummary get(@PathVariable String id) {
        return captures.get(id);
    }

    @GetMapping(value = "/captures/{id}/bundle", produces = "application/zip")
    @Operation(summary = "Télécharger le lot scellé, avec sa chaîne de preuve (custody.jsonl)",
            description = "L'export est inscrit dans la chaîne de preuve avant l'envoi. Le lot se vérifie hors ligne avec "
                    + "java -jar egide.jar evidence verify.")
    void bundle(@PathVariable String id, jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        // Written on the request's thread (not streamed asynchronously): the export is checked and recorded first.
        var export = captures.export(id);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".zip\"");
        export.writeTo(response.getOutputStream());
    }

    @PostMapping("/captures/{id}/verification")
    @Operation(summary = "Vérifier le lot stocké et sa chaîne de preuve (la vérification est inscrite dans la chaîne)")
    Verification verify(@PathVariable String id) {
        var checks = captures.verify(id);
        return new Verification(fr.egide.evidence.BundleVerifier.allPassed(checks), checks);
    }

    @GetMapping("/captures/{id}/custody")
    @Operation(summary = "La chaîne de preuve : capture, scellement, consultations, exports, vérifications")
    List<CustodyEntry> custody(@PathVariable String id) {
        return captures.custody(id);
    }

    @GetMapping("/captures/{id}/watch")
    @Operation(summary = "Le contrôle programmé de l'adresse capturée (en ligne, modifiée, disparue)")
    WatchSummary watch(@PathVariable String id) {
        return captures.watch(id).orElseThrow(() -> new NotFoundException("Cette adresse n'est pas surveillée."));
    }

    record ShareRequest(String recipient, Integer days) {
    }

    @PostMapping("/captures/{id}/shares")
    @Operation(summary = "Partager le lot scellé par un lien secret (1 à 30 jours, 7 par défaut) avec une personne sans compte",
            description = "Le partage et chaque téléchargement par le lien sont inscrits dans la chaîne de preuve. Le lien n'est "
                    + "donné qu'une fois : seule son empreinte est conservée.")
    ResponseEntity<Captures.ShareLink> share(@PathVariable String id, @RequestBody ShareRequest body) {
        var link = captures.share(id, body.recipient(), body.days() == null ? 7 : body.days());
        return ResponseEntity.status(201).body(link);
    }

    @PostMapping("/captures/{id}/recheck")
    @Operation(summary = "Contrôler l'adresse capturée maintenant (une nouvelle capture scellée)")
    ResponseEntity<Void> recheck(@PathVariable String id) {
        captures.recheckNow(id);
        return ResponseEntity.accepted().build();
    }

}
