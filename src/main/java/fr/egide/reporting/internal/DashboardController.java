package fr.egide.reporting.internal;

import fr.egide.analysis.AnalysisFigures;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.analysis.Theme;
import fr.egide.cases.DossierFigures;
import fr.egide.cases.Dossiers;
import fr.egide.monitoring.FrenchDates;
import fr.egide.monitoring.MentionFigures;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.Mentions;
import fr.egide.practice.Cabinet;
import fr.egide.practice.PracticeManagement;
import fr.egide.replies.ReplyFigures;
import fr.egide.system.NotFoundException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The home page, for one cabinet of the signed-in user at a time (a selector when they have several): counts, rating
 * per source and month, volume and share of negative mentions, replies to the negative ones, themes praised and
 * criticised, open dossiers by stage and their coming deadlines, the first page of the searches on the practitioner's
 * name, the sources' health, possible waves and the latest mentions. Every figure comes from the owning module's
 * root API, which checks the user may see the cabinet.
 */
@Controller
class DashboardController {

    private final PracticeManagement practice;

    private final Mentions mentions;

    private final MentionFigures mentionFigures;

    private final MentionAnalyses analyses;

    private final AnalysisFigures analysisFigures;

    private final ReplyFigures replyFigures;

    private final DossierFigures dossierFigures;

    private final Dossiers dossiers;

    private final MessageSource messages;

    private final JsonMapper json;

    DashboardController(PracticeManagement practice, Mentions mentions, MentionFigures mentionFigures, MentionAnalyses analyses,
            AnalysisFigures analysisFigures, ReplyFigures replyFigures, DossierFigures dossierFigures, Dossiers dossiers,
            MessageSource messages, JsonMapper json) {
        this.practice = practice;
        this.mentions = mentions;
        this.mentionFigures = mentionFigures;
        this.analyses = analyses;
        this.analysisFigures = analysisFigures;
        this.replyFigures = replyFigures;
        this.dossierFigures = dossierFigures;
        this.dossiers = dossiers;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(name = "cabinet", required = false) UUID cabinetId, Model model) {
        var cabinets = practice.cabinetsOfCurrentUser().stream().sorted(Comparator.comparing(Cabinet::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
        model.addAttribute("cabinets", cabinets);
        if (cabinets.isEmpty()) {
            return "reporting/tableau-de-bord";
        }
        var cabinet = cabinetId == null ? cabinets.get(0)
                : cabinets.stream().filter(c -> c.id().equals(cabinetId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("Cabinet introuvable."));
        var id = cabinet.id();
        model.addAttribute("cabinet", cabinet);

        var today = LocalDate.now(FrenchDates.PARIS);
        var months = DashboardView.months(YearMonth.from(today));
        var since = months.get(0);
        model.addAttribute("periode", DashboardView.monthName(since) + " – " + DashboardView.monthName(months.get(months.size() - 1)));

        model.addAttribute("counts", mentionFigures.counts(id));
        model.addAttribute("tone", analysisFigures.toneOverall(id));

        var monthly = mentionFigures.monthly(id, since);
        var rated = monthly.stream().anyMatch(m -> m.rated() > 0);
        model.addAttribute("ratingTable", DashboardView.ratingTable(months, monthly, text("tableau.note.aucune")));
        model.addAttribute("ratingChart", rated ? write(DashboardView.ratingChart(months, monthly)) : null);

        var volume = DashboardView.volume(months, monthly, analysisFigures.tone(id, since));
        model.addAttribute("volume", volume);
        model.addAttribute("volumeEmpty", volume.stream().allMatch(v -> v.mentions() == 0 && v.analysed() == 0));
        model.addAttribute("volumeChart", write(DashboardView.volumeChart(volume, text("tableau.serie.mentions"),
                text("tableau.serie.negatives"))));

        model.addAttribute("replies", replyFigures.ofNegativeMentions(id));

        var themeRows = analysisFigures.themes(id, since);
        var themes = DashboardView.themes(months, themeRows);
        var themeNames = new EnumMap<Theme, String>(Theme.class);
        for (var theme : Theme.values()) {
            themeNames.put(theme, text("theme." + theme.name()));
        }
        model.addAttribute("themes", themes);
        model.addAttribute("themesCriticised", themes.stream().anyMatch(t -> t.criticised() > 0));
        model.addAttribute("improve", themes.stream().filter(t -> t.criticised() > 0).limit(3).toList());
        model.addAttribute("strengths", themes.stream().filter(t -> t.praised() > 0)
            .sorted(Comparator.comparing((DashboardView.ThemeLine t) -> -t.praised())).limit(3).toList());
        model.addAttribute("themesChart", write(DashboardView.themesChart(months, themeRows, themes, themeNames)));

        var stages = dossierFigures.openByStage(id);
        model.addAttribute("stages", stages);
        model.addAttribute("openDossiers", stages.values().stream().mapToLong(Long::longValue).sum());
        // The deadlines' reminders (J-30, J-14, J-7, J-2) of the next 30 days, nearest first.
        model.addAttribute("reminders", dossiers.reminders(id, today, today.plusDays(30)).stream()
            .sorted(Comparator.comparing(Dossiers.Reminder::deadline)).limit(10).toList());

        model.addAttribute("search", DashboardView.search(mentionFigures.searchFirstPage(id)));
        model.addAttribute("health", mentionFigures.health(id));
        model.addAttribute("waves", analyses.waves(id));
        model.addAttribute("latest", mentions.search(new MentionFilter(id, null, null, null, null, null, null, null), 0, 8).items());
        return "reporting/tableau-de-bord";
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private String write(DashboardView.Chart chart) {
        return json.writeValueAsString(chart);
    }

}
