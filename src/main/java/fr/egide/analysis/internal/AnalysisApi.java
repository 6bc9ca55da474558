package fr.egide.analysis.internal;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.MentionAnalyses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the analyser: any text on demand, or a stored mention's analysis. */
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
        return analyses.analyze(new AnalysisRequest(body.text(), body.rating(), body.source(), body.audience(),
                body.searchPosition(), body.author(), null, 0, null));
    }

    @GetMapping("/mentions/{id}/analysis")
    @Operation(summary = "L'analyse enregistrée d'une mention")
    Analysis ofMention(@PathVariable UUID id) {
        return analyses.ofMention(id);
    }

}
