package fr.egide.monitoring.internal;

import fr.egide.monitoring.SourceScans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the sources Égide scans on its own: add one, see where it stands and its scans, scan it now. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Veille")
@SecurityRequirement(name = "bearer")
class SourceScansApi {

    private final SourceScans scans;

    private final SourceStore store;

    private final SourceScanner scanner;

    SourceScansApi(SourceScans scans, SourceStore store, SourceScanner scanner) {
        this.scans = scans;
        this.store = store;
        this.scanner = scanner;
    }

    @GetMapping("/cabinets/{cabinetId}/watched-sources")
    @Operation(summary = "Les sources relevées automatiquement d'un cabinet : dernier et prochain relevé, erreurs")
    List<SourceScans.SourceStatus> list(@PathVariable UUID cabinetId) {
        return scans.statuses(cabinetId);
    }

    @PostMapping("/cabinets/{cabinetId}/watched-sources")
    @Operation(summary = "Ajouter une source relevée automatiquement (Google, recherche, flux, page web) ; premier relevé aussitôt")
    ResponseEntity<SourceScans.SourceStatus> add(@PathVariable UUID cabinetId, @RequestBody SourceScans.SourceSettings body) {
        var source = scans.add(cabinetId, body);
        return ResponseEntity.created(URI.create("/api/v1/watched-sources/" + source.id())).body(source);
    }

    record Detail(SourceScans.SourceStatus source, List<SourceStore.ScanRecord> scans) {
    }

    @GetMapping("/watched-sources/{id}")
    @Operation(summary = "Une source relevée et ses 20 derniers relevés")
    Detail get(@PathVariable UUID id) {
        return new Detail(scans.status(id), store.scans(id, 20));
    }

    @PostMapping("/watched-sources/{id}/scan")
    @Operation(summary = "Relever la source maintenant (et la remettre en service si elle était en erreur)")
    ResponseEntity<Void> scanNow(@PathVariable UUID id) {
        scans.scanNow(id);
        return ResponseEntity.accepted().build();
    }

    @PutMapping("/watched-sources/{id}")
    @Operation(summary = "Changer les réglages d'une source (nom, réglages, intervalle, plage horaire) ; une clé laissée vide est gardée")
    SourceScans.SourceStatus update(@PathVariable UUID id, @RequestBody SourceScans.SourceSettings body) {
        return scans.update(id, body);
    }

    @PostMapping("/watched-sources/{id}/test")
    @Operation(summary = "Tester la connexion : lit la première page sans rien enregistrer")
    SourceScanner.Trial test(@PathVariable UUID id) throws InterruptedException {
        scans.status(id, fr.egide.identity.Permission.TRIAGE);
        return scanner.trial(id);
    }

    @PostMapping("/watched-sources/{id}/pause")
    @Operation(summary = "Mettre une source en pause (ses mentions restent)")
    SourceScans.SourceStatus pause(@PathVariable UUID id) {
        return scans.pause(id);
    }

    @PostMapping("/watched-sources/{id}/resume")
    @Operation(summary = "Reprendre les relevés d'une source en pause ou en erreur")
    SourceScans.SourceStatus resume(@PathVariable UUID id) {
        return scans.resume(id);
    }

}
