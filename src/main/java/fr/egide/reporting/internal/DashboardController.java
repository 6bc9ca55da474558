package fr.egide.reporting.internal;

import fr.egide.analysis.MentionAnalyses;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.PracticeManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: counts, possible campaigns (waves), average rating per source and the latest mentions. */
@Controller
class DashboardController {

    private final Mentions mentions;

    private final PracticeManagement practice;

    private final MentionAnalyses analyses;

    DashboardController(Mentions mentions, PracticeManagement practice, MentionAnalyses analyses) {
        this.mentions = mentions;
        this.practice = practice;
        this.analyses = analyses;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        model.addAttribute("cabinets", practice.cabinetsOfCurrentUser());
        model.addAttribute("overview", mentions.overview(8));
        model.addAttribute("waves", analyses.waves());
        return "reporting/tableau-de-bord";
    }

}
