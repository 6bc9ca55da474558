package fr.egide.reporting.internal;

import fr.egide.monitoring.Mentions;
import fr.egide.practice.PracticeManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: counts, average rating per source and the latest mentions. */
@Controller
class DashboardController {

    private final Mentions mentions;

    private final PracticeManagement practice;

    DashboardController(Mentions mentions, PracticeManagement practice) {
        this.mentions = mentions;
        this.practice = practice;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("cabinets", practice.cabinetsOfCurrentUser());
        model.addAttribute("overview", mentions.overview(8));
        return "reporting/tableau-de-bord";
    }

}
