package fr.egide.monitoring.internal;

import fr.egide.monitoring.WatchSurveys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the monthly "état des lieux" of the watch. */
@RestController
@Tag(name = "Veille")
@SecurityRequirement(name = "bearer")
class SurveysApi {

    private final WatchSurveys surveys;

    SurveysApi(WatchSurveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/api/v1/cabinets/{cabinetId}/watch-surveys")
    @Operation(summary = "Les mois dont l'état des lieux de la veille est conservé, du plus récent au plus ancien")
    List<YearMonth> months(@PathVariable UUID cabinetId) {
        return surveys.months(cabinetId);
    }

    @GetMapping("/api/v1/cabinets/{cabinetId}/watch-surveys/{month}")
    @Operation(summary = "L'état des lieux d'un mois (AAAA-MM) : par source, nouveautés, modifications, retraits, relevés en échec")
    WatchSurveys.Survey survey(@PathVariable UUID cabinetId, @PathVariable String month) {
        return surveys.of(cabinetId, SurveyController.month(month));
    }

}
