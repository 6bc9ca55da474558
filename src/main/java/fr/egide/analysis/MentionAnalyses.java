package fr.egide.analysis;

import fr.egide.analysis.internal.AnalysisRunner;
import fr.egide.analysis.internal.AnalysisStore;
import fr.egide.identity.CabinetAccess;
import fr.egide.monitoring.MentionFeed;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Analyses as the web UI and the API ask for them: a stored mention's, any text's on demand, the impact
 * context practitioners correct, and the waves of their practices. Limited to the caller's cabinets.
 */
@Service
public class MentionAnalyses {

    private static final String NOT_FOUND = "Analyse introuvable ou en cours.";

    private final AnalysisStore store;

    private final ReviewAnalyzer analyzer;

    private final AnalysisRunner runner;

    private final MentionFeed feed;

    private final CabinetAccess access;

    MentionAnalyses(AnalysisStore store, ReviewAnalyzer analyzer, AnalysisRunner runner, MentionFeed feed,
            CabinetAccess access) {
        this.store = store;
        this.analyzer = analyzer;
        this.runner = runner;
        this.feed = feed;
        this.access = access;
    }

    /** The stored analysis of a mention of the caller's cabinets; "not found" also while it is being made. */
    public Analysis ofMention(UUID mentionId) {
        return stored(mentionId).analysis();
    }

    /**
     * Whether the analysis of a mention the caller may read is still being made ("not found" for a mention outside
     * their cabinets, "forbidden" for a role that does not read contents).
     */
    public boolean pending(UUID mentionId) {
        var mention = feed.get(mentionId).orElseThrow(() -> new NotFoundException("Mention introuvable."));
        access.requireOn(mention.cabinetId(), "Mention introuvable.", fr.egide.identity.Permission.READ);
        return store.find(mentionId).isEmpty();
    }

    /** What the practitioner said about the mention's author, position and audience (all null when nothing). */
    public ImpactContext context(UUID mentionId) {
        stored(mentionId);
        return store.contexts(List.of(mentionId)).getOrDefault(mentionId, ImpactContext.UNKNOWN);
    }

    /**
     * Records what the practitioner knows about the mention (kept with who and when; earlier values stay in
     * the history) and analyses it again so that its impact and strategy take it into account at once.
     */
    public Analysis changeContext(UUID mentionId, ImpactContext context) {
        var stored = stored(mentionId, fr.egide.identity.Permission.TRIAGE);
        var mention = feed.get(mentionId).orElseThrow(() -> new NotFoundException("Mention introuvable."));
        store.addContext(mentionId, stored.cabinetId(), context, access.currentUser().id());
        runner.analyze(List.of(mention));
        return ofMention(mentionId);
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

    /** The waves (possible campaigns) in one of the caller's cabinets, newest first. */
    public List<Wave> waves(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return runner.waves(cabinetId);
    }

    /** The waves in all the caller's cabinets, newest first. */
    public List<Wave> waves() {
        var waves = new ArrayList<Wave>();
        for (var cabinetId : access.cabinetsOfCurrentUser()) {
            waves.addAll(runner.waves(cabinetId));
        }
        waves.sort(Comparator.comparing(Wave::to, Comparator.nullsLast(Comparator.reverseOrder())));
        return List.copyOf(waves);
    }

    private AnalysisStore.Stored stored(UUID mentionId) {
        return stored(mentionId, fr.egide.identity.Permission.READ);
    }

    private AnalysisStore.Stored stored(UUID mentionId, fr.egide.identity.Permission permission) {
        var stored = store.find(mentionId).orElseThrow(() -> new NotFoundException(NOT_FOUND));
        access.requireOn(stored.cabinetId(), NOT_FOUND, fr.egide.identity.Permission.READ, permission);
        return stored;
    }

}
