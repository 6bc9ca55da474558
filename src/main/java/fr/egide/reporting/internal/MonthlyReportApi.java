package fr.egide.reporting.internal;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the monthly reports, for the caller's cabinets. */
@RestController
@Tag(name = "Rapports mensuels")
@SecurityRequirement(name = "bearer")
class MonthlyReportApi {

    private final MonthlyReports reports;

    MonthlyReportApi(MonthlyReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/cabinets/{id}/reports")
    @Operation(summary = "Les rapports mensuels conservés d'un cabinet, le plus récent d'abord (sans leur PDF)")
    List<MonthlyReports.ReportInfo> list(@PathVariable UUID id) {
        return reports.list(id);
    }

    @PostMapping("/api/v1/cabinets/{id}/reports")
    @Operation(summary = "Demander le rapport d'un mois (AAAA-MM, le mois en cours par défaut) : il est généré en arrière-plan "
            + "et remplace celui du mois ; suivre son état avec GET /api/v1/reports/{id}")
    ResponseEntity<MonthlyReports.ReportInfo> request(@PathVariable UUID id, @RequestParam(name = "month", required = false) String month) {
        var report = reports.request(id, MonthlyReportController.month(month));
        return ResponseEntity.accepted().location(URI.create("/api/v1/reports/" + report.id())).body(report);
    }

    @GetMapping("/api/v1/reports/{id}")
    @Operation(summary = "L'état d'un rapport mensuel (EN_COURS, PRET, ECHEC), son empreinte SHA-256 et son envoi")
    MonthlyReports.ReportInfo info(@PathVariable UUID id) {
        return reports.info(id);
    }

    @GetMapping(value = "/api/v1/reports/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le PDF d'un rapport prêt")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var info = reports.info(id);
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"veille-mensuelle-" + info.month() + ".pdf\"")
            .body(reports.pdf(id));
    }

}
