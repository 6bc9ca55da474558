package fr.egide.audit.internal;

import fr.egide.audit.AuditAction;
import fr.egide.audit.AuditEntry;
import fr.egide.audit.AuditFilter;
import fr.egide.audit.AuditLog;
import fr.egide.audit.CabinetPrivacy;
import fr.egide.audit.ChainCheck;
import fr.egide.audit.ProcessingRecords;
import fr.egide.audit.Retention;
import fr.egide.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The journal and the GDPR requests of a cabinet, for its titulaire. */
@RestController
@RequestMapping("/api/v1/cabinets/{cabinetId}")
@Tag(name = "Journal et RGPD")
class AuditApi {

    private final AuditLog audit;

    private final CabinetPrivacy privacy;

    private final ProcessingRecords records;

    AuditApi(AuditLog audit, CabinetPrivacy privacy, ProcessingRecords records) {
        this.audit = audit;
        this.privacy = privacy;
        this.records = records;
    }

    @GetMapping("/audit")
    @Operation(summary = "Le journal d'audit du cabinet, du plus récent au plus ancien, filtré par acte, utilisateur et période")
    PageResult<AuditEntry> entries(@PathVariable UUID cabinetId, @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) UUID user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        privacy.requireJournalReader(cabinetId);
        return audit.entries(cabinetId, new AuditFilter(action, user, from, to), page, size);
    }

    @GetMapping("/audit/verification")
    @Operation(summary = "Vérifier la chaîne du journal : la première entrée modifiée, supprimée ou insérée")
    ChainCheck verify(@PathVariable UUID cabinetId) {
        privacy.requireJournalReader(cabinetId);
        return audit.verify(cabinetId);
    }

    @GetMapping(value = "/gdpr/export", produces = "application/zip")
    @Operation(summary = "Toutes les données du cabinet : un ZIP de fichiers JSON par module, avec un manifeste d'empreintes")
    void export(@PathVariable UUID cabinetId, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        privacy.requireTitulaire(cabinetId);
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"egide-export-rgpd.zip\"");
        privacy.export(cabinetId, response.getOutputStream());
    }

    record Deletion(String confirmation, boolean acknowledgeWarnings) {
    }

    @GetMapping("/gdpr/deletion")
    @Operation(summary = "Ce que la suppression du cabinet détruirait alors qu'une procédure en cours en a besoin")
    List<String> warnings(@PathVariable UUID cabinetId) {
        return privacy.deletionWarnings(cabinetId);
    }

    @PostMapping("/gdpr/deletion")
    @Operation(summary = "Supprimer le cabinet dans tous les modules",
            description = "confirmation : le nom exact du cabinet ; acknowledgeWarnings : obligatoire quand des preuves servent encore à une procédure en cours.")
    ResponseEntity<Void> delete(@PathVariable UUID cabinetId, @RequestBody Deletion body) {
        privacy.delete(cabinetId, body.confirmation(), body.acknowledgeWarnings());
        return ResponseEntity.accepted().build();
    }

    record RetentionForm(Integer rawMonths, Integer closedMonths) {
    }

    @GetMapping("/gdpr/retention")
    @Operation(summary = "Les durées de conservation du cabinet (mois)")
    Retention retention(@PathVariable UUID cabinetId) {
        privacy.requireTitulaire(cabinetId);
        return privacy.retention(cabinetId);
    }

    @PutMapping("/gdpr/retention")
    @Operation(summary = "Fixer les durées de conservation (données brutes de la veille, dossiers clos), appliquées chaque nuit")
    Retention changeRetention(@PathVariable UUID cabinetId, @RequestBody RetentionForm body) {
        return privacy.changeRetention(cabinetId, body.rawMonths(), body.closedMonths());
    }

    @GetMapping("/gdpr/records")
    @Operation(summary = "Le registre des traitements (art. 30 RGPD) tel que la configuration le fait")
    List<ProcessingRecords.Processing> records(@PathVariable UUID cabinetId) {
        return records.of(cabinetId);
    }

}
