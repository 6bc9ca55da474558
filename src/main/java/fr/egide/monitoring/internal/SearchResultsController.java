package fr.egide.monitoring.internal;

import fr.egide.monitoring.SourceScans;
import fr.egide.practice.PracticeManagement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The search-engine page of a cabinet: for each search source, the latest first page of each query with its
 * pro/perso labels and what moved since the scan before, the results that left the first page, and their
 * positions over the last scans.
 */
@Controller
class SearchResultsController {

    /** Scans shown as columns of the positions over time. */
    static final int COLUMNS = 8;

    private final SourceScans scans;

    private final SearchResults results;

    private final PracticeManagement practice;

    SearchResultsController(SourceScans scans, SearchResults results, PracticeManagement practice) {
        this.scans = scans;
        this.results = results;
        this.practice = practice;
    }

    /** One query of a source: its first page, what left it, and their positions over the scans shown. */
    record QueryView(String query, List<SearchResults.Result> firstPage, List<SearchResults.Departure> leftFirstPage,
            List<SearchResults.Track> tracks, long results) {
    }

    /** One search source: where it stands, its latest ranking (null before the first finished scan), by query. */
    record SourceView(SourceScans.SourceStatus source, SearchResults.Ranking ranking, List<QueryView> queries,
            List<SearchResults.Scan> columns) {
    }

    @GetMapping("/veille/{cabinetId}/recherche")
    String page(@PathVariable UUID cabinetId, Model model) {
        var sources = scans.statuses(cabinetId).stream()
            .filter(source -> SearchResults.KINDS.contains(source.kind().name()))
            .toList();
        model.addAttribute("cabinet", practice.cabinet(cabinetId));
        var views = new ArrayList<SourceView>();
        for (var source : sources) {
            var ranking = results.latest(source.id()).orElse(null);
            if (ranking == null) {
                views.add(new SourceView(source, null, List.of(), List.of()));
                continue;
            }
            var columns = results.scans(source.id(), COLUMNS);
            var queries = ranking.queries().stream()
                .map(query -> new QueryView(query, ranking.firstPage(query), ranking.leftFirstPage(query),
                        results.tracks(ranking, query, columns),
                        ranking.results().stream().filter(r -> r.query().equals(query)).count()))
                .toList();
            views.add(new SourceView(source, ranking, queries, columns));
        }
        model.addAttribute("sources", views);
        return "monitoring/recherche";
    }

}
