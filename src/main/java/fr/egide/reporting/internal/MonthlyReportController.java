package fr.egide.reporting.internal;

import fr.egide.monitoring.FrenchDates;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.InvalidRequestException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * The « Rapports » page: a cabinet's kept monthly reports, their download, and « Générer le rapport du mois », whose
 * progress the page polls (htmx) until the PDF is ready.
 */
@Controller
class MonthlyReportController {

    private final PracticeManagement practice;

    private final MonthlyReports reports;

    MonthlyReportController(PracticeManagement practice, MonthlyReports reports) {
        this.practice = practice;
        this.reports = reports;
    }

    @GetMapping("/rapports")
    String list(@RequestParam(name = "cabinet", required = false) UUID cabinetId, Model model) {
        var cabinets = practice.cabinetsOfCurrentUser();
        model.addAttribute("cabinets", cabinets);
        if (cabinets.isEmpty()) {
            return "reporting/rapports";
        }
        var cabinet = cabinetId == null ? cabinets.get(0) : practice.cabinet(cabinetId);
        model.addAttribute("cabinet", cabinet);
        model.addAttribute("reports", reports.list(cabinet.id()));
        var months = new ArrayList<YearMonth>();
        var current = YearMonth.now(FrenchDates.PARIS);
        for (int i = 0; i < 12; i++) {
            months.add(current.minusMonths(i));
        }
        model.addAttribute("months", months.stream().map(m -> new MonthChoice(m.toString(), MonthlyReportPdf.monthName(m))).toList());
        return "reporting/rapports";
    }

    record MonthChoice(String value, String label) {
    }

    @PostMapping("/rapports/generer")
    String generate(@RequestParam("cabinet") UUID cabinetId, @RequestParam(name = "mois", required = false) String month,
            RedirectAttributes redirect) {
        try {
            reports.request(cabinetId, month(month));
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        redirect.addAttribute("cabinet", cabinetId);
        return "redirect:/rapports";
    }

    /** The status of one report, polled every two seconds while it is generated. */
    @GetMapping("/rapports/{id}/etat")
    String status(@PathVariable UUID id, Model model) {
        model.addAttribute("r", reports.info(id));
        return "reporting/rapports :: status";
    }

    @GetMapping("/rapports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var info = reports.info(id);
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"veille-mensuelle-" + info.month() + ".pdf\"")
            .body(reports.pdf(id));
    }

    static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(FrenchDates.PARIS);
        }
        try {
            return YearMonth.parse(value.strip());
        }
        catch (DateTimeParseException ex) {
            throw new InvalidRequestException("Mois illisible : « " + value.strip() + " » (format attendu : 2026-11).");
        }
    }

}
