package fr.egide.analysis.internal;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.ImpactContext;
import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.monitoring.MentionFeed;
import fr.egide.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analysis panel of a mention's page, loaded by htmx so that the monitoring module does not depend on
 * the analysis module: the text with the indicator words highlighted, the reasons and legal bases, the
 * impact factors, the strategy and the deadlines.
 */
@Controller
class AnalysisPanelController {

    private final MentionAnalyses analyses;

    private final MentionFeed feed;

    AnalysisPanelController(MentionAnalyses analyses, MentionFeed feed) {
        this.analyses = analyses;
        this.feed = feed;
    }

    /** A piece of the text, highlighted when an indicator's words cover it. */
    record Segment(String text, IndicatorType type) {
    }

    @GetMapping("/analyses/mentions/{id}")
    String panel(@PathVariable UUID id, Model model) {
        if (analyses.pending(id)) {
            return "analysis/panneau :: pending";
        }
        return show(id, analyses.ofMention(id), model);
    }

    /** The practitioner corrects the impact factors; the panel comes back analysed again. */
    @PostMapping("/analyses/mentions/{id}/contexte")
    String changeContext(@PathVariable UUID id, @RequestParam(required = false) String author,
            @RequestParam(required = false) String searchPosition, @RequestParam(required = false) String audience,
            Model model) {
        try {
            var analysis = analyses.changeContext(id, ImpactContext.of(author, searchPosition, audience));
            model.addAttribute("contextSaved", true);
            return show(id, analysis, model);
        }
        catch (InvalidRequestException ex) {
            model.addAttribute("contextError", ex.getMessage());
            return show(id, analyses.ofMention(id), model);
        }
    }

    private String show(UUID id, Analysis analysis, Model model) {
        var text = feed.get(id).map(mention -> mention.text()).orElse("");
        model.addAttribute("mentionId", id);
        model.addAttribute("analysis", analysis);
        model.addAttribute("segments", segments(text, analysis));
        model.addAttribute("context", analyses.context(id));
        model.addAttribute("authors", ImpactContext.AUTHORS);
        model.addAttribute("positions", ImpactContext.POSITIONS);
        model.addAttribute("audiences", ImpactContext.AUDIENCES);
        return "analysis/panneau :: panel";
    }

    static List<Segment> segments(String text, Analysis analysis) {
        record Mark(int start, int end, IndicatorType type) {
        }
        var marks = new ArrayList<Mark>();
        for (var indicator : analysis.indicators()) {
            for (var span : indicator.spans()) {
                if (span.end() <= text.length() && text.substring(span.start(), span.end()).equals(span.text())) {
                    marks.add(new Mark(span.start(), span.end(), indicator.type()));
                }
            }
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        var segments = new ArrayList<Segment>();
        int position = 0;
        for (var mark : marks) {
            if (mark.start() < position) {
                continue;
            }
            if (mark.start() > position) {
                segments.add(new Segment(text.substring(position, mark.start()), null));
            }
            segments.add(new Segment(text.substring(mark.start(), mark.end()), mark.type()));
            position = mark.end();
        }
        if (position < text.length()) {
            segments.add(new Segment(text.substring(position), null));
        }
        return segments;
    }

}
