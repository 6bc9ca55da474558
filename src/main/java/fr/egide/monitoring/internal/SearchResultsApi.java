package fr.egide.monitoring.internal;

import fr.egide.monitoring.SourceScans;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the search-engine watch: the ranking a scan of a search source saw, compared with the scan before,
 * and a result's positions over time. A source outside the caller's cabinets is "not found".
 */
@RestController
@RequestMapping("/api/v1/watched-sources/{id}/search-results")
@Tag(name = "Veille")
@SecurityRequirement(name = "bearer")
class SearchResultsApi {

    /** Scans in a history at most. */
    static final int HISTORY = 100;

    private final SourceScans scans;

    private final SearchResults results;

    SearchResultsApi(SourceScans scans, SearchResults results) {
        this.scans = scans;
        this.results = results;
    }

    @GetMapping
    @Operation(summary = "Les résultats d'un relevé d'une source de recherche (le dernier terminé, ou ?scan=…) : requête, "
            + "moteurs, adresse, position, première page, classement pro/perso et sa règle, nouveaux résultats, positions "
            + "gagnées ou perdues, résultats sortis de la première page ; scan.partial dit quand des moteurs n'ont pas répondu")
    SearchResults.Ranking ranking(@PathVariable UUID id,
            @Parameter(description = "identifiant du relevé (par défaut le dernier terminé)") @RequestParam(required = false) UUID scan) {
        searchSource(id);
        var ranking = scan == null ? results.latest(id) : results.ofScan(id, scan);
        return ranking.orElseThrow(() -> new NotFoundException(
                scan == null ? "Aucun relevé terminé pour cette source : le premier est en cours ou a échoué." : "Relevé introuvable."));
    }

    @GetMapping("/history")
    @Operation(summary = "Les positions d'un résultat au fil des " + HISTORY + " derniers relevés terminés, par requête "
            + "(aucune position : le relevé ne l'a pas trouvé)")
    SearchResults.History history(@PathVariable UUID id,
            @Parameter(description = "adresse du résultat, telle que trouvée ou normalisée (urlKey)") @RequestParam String url) {
        searchSource(id);
        if (url.isBlank()) {
            throw new InvalidRequestException("Indiquez l'adresse du résultat (paramètre url).");
        }
        return results.history(id, url.strip(), HISTORY)
            .orElseThrow(() -> new NotFoundException("Cette adresse n'apparaît dans aucun relevé de cette source."));
    }

    private void searchSource(UUID id) {
        var source = scans.status(id);
        if (!SearchResults.KINDS.contains(source.kind().name())) {
            throw new InvalidRequestException("Cette source n'est pas une recherche sur le nom : elle n'a pas de résultats classés.");
        }
    }

}
