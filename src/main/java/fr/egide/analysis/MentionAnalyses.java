package fr.egide.analysis;

import fr.egide.analysis.internal.AnalysisStore;
import fr.egide.identity.CabinetAccess;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import org.springframework.stereotype.Service;

/** Analyses as the web UI and the API ask for them: a stored mention's, or any text's on demand. */
@Service
public class MentionAnalyses {

    private final AnalysisStore store;

    private final ReviewAnalyzer analyzer;

    private final CabinetAccess access;

    MentionAnalyses(AnalysisStore store, ReviewAnalyzer analyzer, CabinetAccess access) {
        this.store = store;
        this.analyzer = analyzer;
        this.access = access;
    }

    /** The stored analysis of a mention of the caller's cabinets; "not found" also while it is being made. */
    public Analysis ofMention(java.util.UUID mentionId) {
        var stored = store.find(mentionId).orElseThrow(() -> new NotFoundException("Analyse introuvable ou en cours."));
        if (!access.canAccess(stored.cabinetId())) {
            throw new NotFoundException("Analyse introuvable ou en cours.");
        }
        return stored.analysis();
    }

    public Analysis analyze(AnalysisRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            throw new InvalidRequestException("Le texte à analyser est vide.");
        }
        if (request.rating() != null && (request.rating() < 1 || request.rating() > 5)) {
            throw new InvalidRequestException("La note va de 1 à 5.");
        }
        return analyzer.analyze(request);
    }

}
