package fr.egide.monitoring.internal;

import fr.egide.monitoring.WatchSurveys;
import fr.egide.practice.PracticeManagement;
import fr.egide.system.InvalidRequestException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The monthly "état des lieux" of the watch (its API: {@link SurveysApi}). */
@Controller
class SurveyController {

    private final WatchSurveys surveys;

    private final PracticeManagement practice;

    SurveyController(WatchSurveys surveys, PracticeManagement practice) {
        this.surveys = surveys;
        this.practice = practice;
    }

    @GetMapping("/veille/{cabinetId}/etat-des-lieux")
    String page(@PathVariable UUID cabinetId, @RequestParam(name = "mois", required = false) String month, Model model) {
        model.addAttribute("cabinet", practice.cabinet(cabinetId));
        model.addAttribute("months", surveys.months(cabinetId));
        try {
            model.addAttribute("survey", surveys.of(cabinetId, month(month)));
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("error", ex.getMessage());
            model.addAttribute("survey", surveys.of(cabinetId, YearMonth.now(ZoneId.of("Europe/Paris"))));
        }
        return "monitoring/etat-des-lieux";
    }

    static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            return YearMonth.now(ZoneId.of("Europe/Paris"));
        }
        try {
            return YearMonth.parse(value.strip());
        }
        catch (DateTimeParseException ex) {
            throw new InvalidRequestException("Mois illisible : « " + value.strip() + " » (format attendu : 2026-11).");
        }
    }

}
