package fr.egide.reporting.internal;

import fr.egide.practice.PracticeManagement;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The « bons réflexes » page: the checklist of one of the user's cabinets, with a selector when they have several. */
@Controller
class ReadinessController {

    private final PracticeManagement practice;

    private final ReadinessChecks checks;

    ReadinessController(PracticeManagement practice, ReadinessChecks checks) {
        this.practice = practice;
        this.checks = checks;
    }

    @GetMapping("/bons-reflexes")
    String readiness(@RequestParam(name = "cabinet", required = false) UUID cabinetId, Model model) {
        var cabinets = practice.cabinetsOfCurrentUser();
        model.addAttribute("cabinets", cabinets);
        if (cabinets.isEmpty()) {
            return "reporting/bons-reflexes";
        }
        var chosen = cabinetId == null ? cabinets.get(0).id() : cabinetId;
        model.addAttribute("readiness", checks.of(chosen));
        return "reporting/bons-reflexes";
    }

}
