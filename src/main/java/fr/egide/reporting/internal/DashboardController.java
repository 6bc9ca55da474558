package fr.egide.reporting.internal;

import fr.egide.analysis.MentionAnalyses;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.PracticeManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: counts, possible campaigns (waves), the dossiers' coming deadlines, average rating per source and the latest mentions. */
@Controller
class DashboardController {

    private final Mentions mentions;

    private final PracticeManagement practice;

    private final MentionAnalyses analyses;

    private final fr.egide.cases.Dossiers dossiers;

    DashboardController(Mentions mentions, PracticeManagement practice, MentionAnalyses analyses, fr.egide.cases.Dossiers dossiers) {
        this.dossiers = dossiers;
        this.mentions = mentions;
        this.practice = practice;
        this.analyses = analyses;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        var cabinets = practice.cabinetsOfCurrentUser();
        model.addAttribute("cabinets", cabinets);
        // The deadlines' reminders (J-30, J-14, J-7, J-2) of the next 30 days, nearest first.
        var today = java.time.LocalDate.now(fr.egide.monitoring.FrenchDates.PARIS);
        var reminders = new java.util.ArrayList<fr.egide.cases.Dossiers.Reminder>();
        for (var cabinet : cabinets) {
            reminders.addAll(dossiers.reminders(cabinet.id(), today, today.plusDays(30)));
        }
        reminders.sort(java.util.Comparator.comparing(fr.egide.cases.Dossiers.Reminder::deadline));
        model.addAttribute("reminders", reminders.stream().limit(10).toList());
        model.addAttribute("overview", mentions.overview(8));
        model.addAttribute("waves", analyses.waves());
        return "reporting/tableau-de-bord";
    }

}
