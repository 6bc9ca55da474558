package fr.egide.replies;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.MentionAnalyses;
import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.LintResult;
import fr.egide.compliance.ReplyLinter;
import fr.egide.compliance.Verdict;
import fr.egide.identity.CabinetAccess;
import fr.egide.identity.Permission;
import fr.egide.monitoring.MentionFeed;
import fr.egide.monitoring.MentionText;
import fr.egide.replies.internal.LanguageModelDrafts;
import fr.egide.replies.internal.ReplyStore;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies to the mentions of the caller's cabinets: the assistant's advice, drafts and their versions (each
 * linted), and the workflow with its rules, enforced here whatever the client (page or API):
 * <ul>
 * <li>a reply whose latest version is BLOQUANT can be neither submitted, approved nor published;</li>
 * <li>délai de réflexion: no approval before the cabinet's delay (24 h by default) after the review was first
 * opened, unless a written reason is given, which is kept;</li>
 * <li>relecture par un tiers: when the cabinet requires it, the approver is neither the author of the latest
 * version nor the person who submitted it;</li>
 * <li>states move only BROUILLON → EN_RELECTURE → APPROUVE → PUBLIE, or to ABANDONNE with a reason; editing
 * a reply under review or approved sends it back to BROUILLON.</li>
 * </ul>
 * Every step is recorded with who and when, and so is every change of a cabinet's rules (only its titulaire
 * changes them); an approval records the rules in force.
 */
@Service
public class Replies {

    private final fr.egide.audit.AuditLog audit;

    /** A reason to approve before the end of the délai de réflexion must say something. */
    static final int MIN_REASON = 10;

    static final int MAX_TEXT = 5_000;

    private final ReplyStore store;

    private final CabinetAccess access;

    private final MentionFeed feed;

    private final MentionAnalyses analyses;

    private final ReviewAnalyzer analyzer;

    private final ReplyLinter linter;

    private final ReplyAssistant assistant;

    private final List<ReplyPublisher> publishers;

    private final LanguageModelDrafts languageModel;

    Replies(ReplyStore store, CabinetAccess access, MentionFeed feed, MentionAnalyses analyses, ReviewAnalyzer analyzer,
            @Qualifier("replyLinter") ReplyLinter linter, ReplyAssistant assistant, List<ReplyPublisher> publishers,
            LanguageModelDrafts languageModel, fr.egide.audit.AuditLog audit) {
        this.audit = audit;
        this.languageModel = languageModel;
        this.store = store;
        this.access = access;
        this.feed = feed;
        this.analyses = analyses;
        this.analyzer = analyzer;
        this.linter = linter;
        this.assistant = assistant;
        this.publishers = List.copyOf(publishers);
    }

    public ReplySettings settings(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return store.settings(cabinetId);
    }

    /** Only the titulaire changes the rules; each change is kept (who, when) and approvals record the rules in force. */
    @Transactional
    public ReplySettings changeSettings(UUID cabinetId, int reflectionHours, boolean requirePeerReview) {
        access.require(cabinetId, Permission.MANAGE_CABINET);
        if (reflectionHours < 0 || reflectionHours > 720) {
            throw new InvalidRequestException("Le délai de réflexion va de 0 à 720 heures (30 jours).");
        }
        var settings = new ReplySettings(cabinetId, reflectionHours, requirePeerReview);
        store.saveSettings(settings, access.currentUser().id());
        audit.record(cabinetId, fr.egide.audit.AuditAction.PARAMETRES_MODIFIES, "regles-reponse", cabinetId,
                java.util.Map.of("delaiReflexionHeures", Integer.toString(reflectionHours), "relectureObligatoire", Boolean.toString(requirePeerReview)));
        return settings;
    }

    /** Records that the review was opened (the délai de réflexion starts at the first time) and returns that time. */
    @Transactional
    public Instant open(UUID mentionId) {
        var mention = mention(mentionId, Permission.READ);
        return store.firstRead(mentionId, mention.cabinetId(), access.currentUser().id());
    }

    /** Whether to reply, and proposed drafts (each linted against the review). Opening the advice opens the review. */
    @Transactional
    public ReplyAdvice advice(UUID mentionId) {
        var mention = mention(mentionId, Permission.READ);
        store.firstRead(mentionId, mention.cabinetId(), access.currentUser().id());
        return assistant.advise(analysis(mention), mention.text());
    }

    /** Whether drafting by a language model is configured. */
    public boolean languageModelEnabled() {
        return languageModel.enabled();
    }

    /** A draft written by the configured language model from the public review text, linted like any other. */
    public ReplyAdvice.Proposal languageModelProposal(UUID mentionId) {
        var mention = mention(mentionId, Permission.DRAFT_REPLY);
        if (!languageModel.enabled()) {
            throw new ConflictException("La rédaction par un modèle de langue n'est pas activée sur cette installation.");
        }
        String text;
        try {
            text = languageModel.propose(mention.text());
        }
        catch (IllegalStateException ex) {
            throw new ConflictException(ex.getMessage());
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        return new ReplyAdvice.Proposal("IA", 0, text, linter.lint(text, mention.text()));
    }

    /** Lints a text, against the mention's review when one is given. */
    public LintResult lint(String text, UUID mentionId) {
        checkText(text);
        var review = mentionId == null ? null : mention(mentionId, Permission.READ).text();
        return linter.lint(text, review);
    }

    @Transactional
    public ReplyDraft create(UUID mentionId, String text, ReplyOrigin origin) {
        var mention = mention(mentionId, Permission.DRAFT_REPLY);
        checkText(text);
        var user = access.currentUser().id();
        store.firstRead(mentionId, mention.cabinetId(), user);
        if (store.latestOfMention(mentionId).filter(row -> row.state().active()).isPresent()) {
            throw new ConflictException("Une réponse est déjà en cours pour cette mention : reprenez-la plutôt que d'en créer une autre.");
        }
        var id = UUID.randomUUID();
        store.insertDraft(id, mentionId, mention.cabinetId(), user);
        store.event(id, "CREE", user, null);
        store.addVersion(id, text.strip(), origin == null ? ReplyOrigin.MANUEL : origin, user, linter.lint(text.strip(), mention.text()));
        return get(id);
    }

    /** The reply in progress for a mention, or its latest one. */
    public Optional<ReplyDraft> ofMention(UUID mentionId) {
        mention(mentionId, Permission.READ);
        return store.latestOfMention(mentionId).map(row -> get(row.id()));
    }

    public ReplyDraft get(UUID draftId) {
        var row = row(draftId, Permission.READ);
        var settings = store.settings(row.cabinetId());
        var versions = store.versions(draftId);
        var events = store.events(draftId);
        var ids = new HashSet<UUID>();
        versions.forEach(version -> ids.add(version.authorId()));
        events.forEach(event -> ids.add(event.userId()));
        var names = access.displayNames(ids);
        var named = versions.stream().map(v -> new ReplyVersion(v.id(), v.number(), v.text(), v.origin(), v.authorId(),
                names.get(v.authorId()), v.createdAt(), v.lint())).toList();
        var namedEvents = events.stream().map(e -> new ReplyEvent(e.kind(), e.userId(), names.get(e.userId()), e.at(),
                e.comment())).toList();
        var readAt = store.readAt(row.mentionId()).orElse(row.createdAt());
        return new ReplyDraft(row.id(), row.mentionId(), row.cabinetId(), row.state(), row.createdBy(), row.createdAt(),
                readAt.plus(Duration.ofHours(settings.reflectionHours())), settings.requirePeerReview(), row.publishedText(),
                row.publishedUrl(), row.publishedVia(), row.publishedAt(), named, namedEvents);
    }

    /** A new version of the text; a reply under review or approved goes back to BROUILLON. */
    @Transactional
    public ReplyDraft revise(UUID draftId, String text, ReplyOrigin origin) {
        var row = row(draftId, Permission.DRAFT_REPLY);
        checkText(text);
        if (!row.state().active()) {
            throw new ConflictException("Une réponse " + label(row.state()) + " ne se modifie plus : créez-en une nouvelle si besoin.");
        }
        if (store.versions(draftId).get(0).text().equals(text.strip())) {
            throw new InvalidRequestException("Le texte n'a pas changé : aucune nouvelle version enregistrée.");
        }
        var user = access.currentUser().id();
        if (row.state() != ReplyState.BROUILLON) {
            move(row, ReplyState.BROUILLON);
            store.event(draftId, "RENVOYE", user, "Texte modifié : la réponse revient en brouillon et doit être relue de nouveau.");
        }
        var review = feed.get(row.mentionId()).map(MentionText::text).orElse(null);
        var number = store.addVersion(draftId, text.strip(), origin == null ? ReplyOrigin.MANUEL : origin, user,
                linter.lint(text.strip(), review));
        store.event(draftId, "VERSION", user, "Version " + number);
        return get(draftId);
    }

    @Transactional
    public ReplyDraft submit(UUID draftId) {
        var row = row(draftId, Permission.DRAFT_REPLY);
        requireState(row, ReplyState.BROUILLON, "soumise à relecture");
        requireNotBlocked(draftId);
        move(row, ReplyState.EN_RELECTURE);
        store.event(draftId, "SOUMIS", access.currentUser().id(), null);
        return get(draftId);
    }

    /** Puts a reply under review or approved back to BROUILLON so that it can be changed (and reviewed again). */
    @Transactional
    public ReplyDraft reopen(UUID draftId) {
        var row = row(draftId, Permission.DRAFT_REPLY);
        if (row.state() != ReplyState.EN_RELECTURE && row.state() != ReplyState.APPROUVE) {
            throw new ConflictException("Une réponse " + label(row.state()) + " ne peut pas être remise en brouillon.");
        }
        move(row, ReplyState.BROUILLON);
        store.event(draftId, "RENVOYE", access.currentUser().id(), "Remise en brouillon pour être modifiée.");
        return get(draftId);
    }

    /** Sends a reply under review back to its author, with a comment. */
    @Transactional
    public ReplyDraft sendBack(UUID draftId, String comment) {
        var row = row(draftId, Permission.APPROVE_REPLY);
        requireState(row, ReplyState.EN_RELECTURE, "renvoyée à son auteur");
        if (comment == null || comment.isBlank()) {
            throw new InvalidRequestException("Dites à l'auteur ce qu'il faut revoir.");
        }
        move(row, ReplyState.BROUILLON);
        store.event(draftId, "RENVOYE", access.currentUser().id(), comment.strip());
        return get(draftId);
    }

    /**
     * Approves a reply under review. Before the end of the délai de réflexion it needs {@code overrideReason}; when
     * the cabinet requires a second reader, the approver must be someone else than the author and the submitter.
     */
    @Transactional
    public ReplyDraft approve(UUID draftId, String overrideReason) {
        var row = row(draftId, Permission.APPROVE_REPLY);
        requireState(row, ReplyState.EN_RELECTURE, "approuvée");
        var draft = get(draftId);
        var user = access.currentUser().id();
        var review = feed.get(row.mentionId()).map(MentionText::text).orElse(null);
        var lint = linter.lint(draft.current().text(), review);
        if (lint.verdict() == Verdict.BLOQUANT) {
            throw new ConflictException("La réponse est bloquée par la vérification : " + summary(lint) + ".");
        }
        if (draft.peerReviewRequired()) {
            var submitter = draft.events().stream().filter(e -> e.kind().equals("SOUMIS")).reduce((a, b) -> b)
                .map(ReplyEvent::userId).orElse(null);
            if (user.equals(draft.current().authorId()) || user.equals(submitter)) {
                throw new ConflictException("Ce cabinet demande une relecture par un tiers : la réponse doit être approuvée par "
                        + "quelqu'un d'autre que son auteur (un confrère, un associé, votre conseil).");
            }
        }
        var early = Instant.now().isBefore(draft.reflectionEndsAt());
        if (early) {
            if (overrideReason == null || overrideReason.strip().length() < MIN_REASON) {
                throw new ConflictException("Délai de réflexion en cours jusqu'au " + Dates.format(draft.reflectionEndsAt())
                        + " : ne répondez pas sous le coup de l'émotion. Pour approuver avant, donnez une raison écrite "
                        + "(elle sera conservée).");
            }
            store.event(draftId, "DELAI_LEVE", user, overrideReason.strip());
        }
        move(row, ReplyState.APPROUVE);
        var settings = store.settings(row.cabinetId());
        store.event(draftId, "APPROUVE", user, "Règles en vigueur : délai de réflexion de " + settings.reflectionHours() + " h"
                + (settings.requirePeerReview() ? ", relecture par un tiers exigée." : ", relecture par un tiers non exigée."));
        return get(draftId);
    }

    /**
     * Publishes an approved reply: through the site's connector when one can, otherwise the user has copied it to
     * the site and gives the address where it appears. The published text is the approved version's.
     */
    @Transactional
    public ReplyDraft publish(UUID draftId, String url) {
        var row = row(draftId, Permission.PUBLISH_REPLY);
        // Claim the reply first: two clicks must not post it twice through a connector.
        var state = store.lock(draftId).orElseThrow(() -> new NotFoundException("Réponse introuvable."));
        requireState(new ReplyStore.Row(row.id(), row.mentionId(), row.cabinetId(), state, row.createdBy(), row.createdAt(),
                row.publishedText(), row.publishedUrl(), row.publishedVia(), row.publishedAt()), ReplyState.APPROUVE, "publiée");
        var draft = get(draftId);
        var text = draft.current().text();
        var mention = feed.get(row.mentionId()).orElseThrow(() -> new NotFoundException("Mention introuvable."));
        var lint = linter.lint(text, mention.text());
        if (lint.verdict() == Verdict.BLOQUANT) {
            throw new ConflictException("La réponse est bloquée par la vérification : " + summary(lint) + ".");
        }
        var address = checkUrl(url);
        var publisher = publishers.stream().filter(p -> p.canPublish(mention)).findFirst();
        String via;
        if (publisher.isPresent()) {
            via = publisher.get().name();
            address = publisher.get().publish(mention, text);
        }
        else {
            via = "copie manuelle";
        }
        if (!store.publish(draftId, text, address, via, access.currentUser().id())) {
            throw new ConflictException("La réponse vient de changer d'état : rechargez-la.");
        }
        store.event(draftId, "PUBLIE", access.currentUser().id(), address == null ? via : via + " : " + address);
        var facts = new java.util.HashMap<String, String>();
        facts.put("mention", row.mentionId().toString());
        facts.put("via", via);
        if (address != null) {
            facts.put("adresse", address);
        }
        audit.record(row.cabinetId(), fr.egide.audit.AuditAction.REPONSE_PUBLIEE, "reponse", draftId, facts);
        return get(draftId);
    }

    @Transactional
    public ReplyDraft abandon(UUID draftId, String reason) {
        var row = row(draftId, Permission.DRAFT_REPLY);
        if (!row.state().active()) {
            throw new ConflictException("Une réponse " + label(row.state()) + " ne peut plus être abandonnée.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("Indiquez pourquoi la réponse est abandonnée (par exemple : « ne pas répondre »).");
        }
        move(row, ReplyState.ABANDONNE);
        store.event(draftId, "ABANDONNE", access.currentUser().id(), reason.strip());
        return get(draftId);
    }

    private Analysis analysis(MentionText mention) {
        try {
            return analyses.ofMention(mention.id());
        }
        catch (NotFoundException pending) {
            return analyzer.analyze(fr.egide.analysis.AnalysisRequest.of(mention.text(), mention.rating(), mention.sourceName()));
        }
    }

    private MentionText mention(UUID mentionId, Permission permission) {
        var mention = feed.get(mentionId).orElseThrow(() -> new NotFoundException("Mention introuvable."));
        access.requireOn(mention.cabinetId(), "Mention introuvable.", Permission.READ, permission);
        return mention;
    }

    private ReplyStore.Row row(UUID draftId, Permission permission) {
        var row = store.draft(draftId).orElseThrow(() -> new NotFoundException("Réponse introuvable."));
        access.requireOn(row.cabinetId(), "Réponse introuvable.", Permission.READ, permission);
        return row;
    }

    private void move(ReplyStore.Row row, ReplyState to) {
        if (!store.transition(row.id(), row.state(), to)) {
            throw new ConflictException("La réponse vient de changer d'état : rechargez-la.");
        }
    }

    private static void requireState(ReplyStore.Row row, ReplyState expected, String action) {
        if (row.state() != expected) {
            throw new ConflictException("Une réponse " + label(row.state()) + " ne peut pas être " + action + " : il faut qu'elle soit "
                    + label(expected) + ".");
        }
    }

    private void requireNotBlocked(UUID draftId) {
        var lint = store.versions(draftId).get(0).lint();
        if (lint.verdict() == Verdict.BLOQUANT) {
            throw new ConflictException("La réponse est bloquée par la vérification : " + summary(lint) + ". Corrigez-la d'abord.");
        }
    }

    private static String summary(LintResult lint) {
        return String.join(" ; ", lint.findings().stream().filter(f -> f.severity() == fr.egide.compliance.Severity.BLOQUANT)
            .map(f -> f.rule() + (f.spans().isEmpty() ? "" : " (« " + f.spans().get(0).text() + " »)")).distinct().toList());
    }

    private static void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequestException("Le texte de la réponse est vide.");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidRequestException("Une réponse publique tient en quelques phrases : 5 000 caractères au plus.");
        }
    }

    private static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            var uri = URI.create(url.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri.toString();
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException("L'adresse de publication doit être une adresse web (https://…).");
        }
    }

    static String label(ReplyState state) {
        return switch (state) {
            case BROUILLON -> "en brouillon";
            case EN_RELECTURE -> "en relecture";
            case APPROUVE -> "approuvée";
            case PUBLIE -> "publiée";
            case ABANDONNE -> "abandonnée";
        };
    }

    /** Dates in messages, in Paris time. */
    static final class Dates {

        private static final java.time.format.DateTimeFormatter FORMAT = java.time.format.DateTimeFormatter
            .ofPattern("dd/MM/yyyy à HH:mm", java.util.Locale.FRANCE).withZone(java.time.ZoneId.of("Europe/Paris"));

        static String format(Instant instant) {
            return FORMAT.format(instant);
        }

    }

}
