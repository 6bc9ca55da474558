package fr.egide.analysis.internal;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.ImpactContext;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.analysis.Wave;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the analyser: any text on demand, a stored mention's analysis and impact context, waves. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Analyse")
@SecurityRequirement(name = "bearer")
class AnalysisApi {

    private final MentionAnalyses analyses;

    AnalysisApi(MentionAnalyses analyses) {
        this.analyses = analyses;
    }

    /**
     * @param audience GENERALISTE, SPECIALISE or CONFIDENTIEL
     * @param searchPosition FIRST_PAGE or BEYOND
     * @param author PATIENT, ANONYME, PROFESSIONNEL_CONCURRENT, JOURNALISTE or INFLUENCEUR
     */
    record TextToAnalyze(@NotBlank @Size(max = 1_000_000) String text, @Min(1) @Max(5) Integer rating, String source,
            String audience, String searchPosition, String author) {
    }

    @PostMapping("/analysis")
    @Operation(summary = "Analyser un texte (avis, message de forum, extrait d'article)",
            description = "Renvoie des indices, jamais un verdict : langue, tonalité, thèmes, indicateurs de risque juridique "
                    + "avec les mots, la raison et la base légale, qualification, impact, stratégie et délais.")
    Analysis analyze(@Valid @RequestBody TextToAnalyze body) {
        var context = ImpactContext.of(body.author(), body.searchPosition(), body.audience());
        return analyses.analyze(new AnalysisRequest(body.text(), body.rating(), body.source(), context.audience(),
                context.searchPosition(), context.author(), null, 0, null));
    }

    /** What the practitioner knows; each field optional, blank or absent meaning "inconnu". */
    record ContextChange(String author, String searchPosition, String audience) {
    }

    @GetMapping("/mentions/{id}/impact-context")
    @Operation(summary = "Ce que le praticien a indiqué sur une mention (auteur, position, audience)")
    ImpactContext context(@PathVariable UUID id) {
        return analyses.context(id);
    }

    @PutMapping("/mentions/{id}/impact-context")
    @Operation(summary = "Corriger les facteurs d'impact d'une mention",
            description = "Par exemple : l'auteur est un concurrent, l'avis est en première page. Chaque changement est "
                    + "conservé (qui, quand) et la mention est analysée de nouveau ; renvoie la nouvelle analyse.")
    Analysis changeContext(@PathVariable UUID id, @RequestBody ContextChange body) {
        return analyses.changeContext(id, ImpactContext.of(body.author(), body.searchPosition(), body.audience()));
    }

    @GetMapping("/waves")
    @Operation(summary = "Vagues d'avis (campagne possible)",
            description = "Rafales d'avis négatifs en quelques jours et pseudonymes qui reviennent, par cabinet de l'appelant "
                    + "(ou pour un cabinet). Un indice, pas la preuve que les avis sont faux.")
    List<Wave> waves(@RequestParam(required = false) UUID cabinetId) {
        return cabinetId == null ? analyses.waves() : analyses.waves(cabinetId);
    }

    @GetMapping("/mentions/{id}/analysis")
    @Operation(summary = "L'analyse enregistrée d'une mention")
    Analysis ofMention(@PathVariable UUID id) {
        return analyses.ofMention(id);
    }

}
