package fr.egide.replies.internal;

import fr.egide.compliance.LintResult;
import fr.egide.replies.Replies;
import fr.egide.replies.ReplyAdvice;
import fr.egide.replies.ReplyDraft;
import fr.egide.replies.ReplyOrigin;
import fr.egide.replies.ReplySettings;
import fr.egide.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the replies: advice, linting, drafts and the workflow. The workflow's rules (délai de réflexion,
 * relecture par un tiers, no blocked reply approved or published) are the service's, so the API cannot skip
 * them; a refused step answers 409 with the reason in French.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Réponses")
@SecurityRequirement(name = "bearer")
class RepliesApi {

    private final Replies replies;

    RepliesApi(Replies replies) {
        this.replies = replies;
    }

    record LintRequest(String reply, UUID mentionId) {
    }

    record TextBody(String text, ReplyOrigin origin) {
    }

    record CommentBody(String comment) {
    }

    record ApprovalBody(String overrideReason) {
    }

    record PublicationBody(String url) {
    }

    record SettingsBody(Integer reflectionHours, Boolean requirePeerReview) {
    }

    @GetMapping("/mentions/{id}/reply-advice")
    @Operation(summary = "Faut-il répondre ? Conseil et propositions de réponse",
            description = "Ne pas répondre est souvent le plus sûr. Les propositions sont déjà vérifiées. Consulter le conseil "
                    + "vaut première lecture de l'avis : le délai de réflexion part de là.")
    ReplyAdvice advice(@PathVariable UUID id) {
        return replies.advice(id);
    }

    @PostMapping("/mentions/{id}/reply-proposals/language-model")
    @Operation(summary = "Proposition rédigée par le modèle de langue configuré (désactivé par défaut)",
            description = "Seul le texte public de l'avis est envoyé. La proposition est vérifiée et n'est jamais publiée "
                    + "sans relecture.")
    ReplyAdvice.Proposal languageModel(@PathVariable UUID id) {
        return replies.languageModelProposal(id);
    }

    @PostMapping("/replies/lint")
    @Operation(summary = "Vérifier un projet de réponse (secret médical, publicité, ton, forme)")
    LintResult lint(@RequestBody LintRequest body) {
        return replies.lint(body.reply(), body.mentionId());
    }

    @GetMapping("/mentions/{id}/reply")
    @Operation(summary = "La réponse en cours (ou la dernière) d'une mention")
    ReplyDraft ofMention(@PathVariable UUID id) {
        return replies.ofMention(id).orElseThrow(() -> new NotFoundException("Aucune réponse pour cette mention."));
    }

    @PostMapping("/mentions/{id}/replies")
    @Operation(summary = "Commencer une réponse (brouillon, version 1)")
    ResponseEntity<ReplyDraft> create(@PathVariable UUID id, @RequestBody TextBody body) {
        var draft = replies.create(id, body.text(), body.origin());
        return ResponseEntity.created(URI.create("/api/v1/replies/" + draft.id())).body(draft);
    }

    @GetMapping("/replies/{id}")
    @Operation(summary = "Une réponse avec ses versions et son historique")
    ReplyDraft get(@PathVariable UUID id) {
        return replies.get(id);
    }

    @PostMapping("/replies/{id}/versions")
    @Operation(summary = "Nouvelle version du texte (une réponse en relecture ou approuvée revient en brouillon)")
    ReplyDraft revise(@PathVariable UUID id, @RequestBody TextBody body) {
        return replies.revise(id, body.text(), body.origin());
    }

    @PostMapping("/replies/{id}/submit")
    @Operation(summary = "Soumettre à relecture (refusé si la vérification bloque)")
    ReplyDraft submit(@PathVariable UUID id) {
        return replies.submit(id);
    }

    @PostMapping("/replies/{id}/reopen")
    @Operation(summary = "Remettre en brouillon une réponse en relecture ou approuvée, pour la modifier")
    ReplyDraft reopen(@PathVariable UUID id) {
        return replies.reopen(id);
    }

    @PostMapping("/replies/{id}/send-back")
    @Operation(summary = "Renvoyer à l'auteur avec un commentaire")
    ReplyDraft sendBack(@PathVariable UUID id, @RequestBody CommentBody body) {
        return replies.sendBack(id, body.comment());
    }

    @PostMapping("/replies/{id}/approve")
    @Operation(summary = "Approuver",
            description = "Refusé (409) avant la fin du délai de réflexion sans raison écrite (overrideReason), par l'auteur "
                    + "lui-même quand le cabinet exige une relecture par un tiers, ou si la vérification bloque.")
    ReplyDraft approve(@PathVariable UUID id, @RequestBody(required = false) ApprovalBody body) {
        return replies.approve(id, body == null ? null : body.overrideReason());
    }

    @PostMapping("/replies/{id}/publish")
    @Operation(summary = "Publier une réponse approuvée",
            description = "Par le connecteur du site quand il sait répondre ; sinon la réponse a été copiée sur le site et l'on "
                    + "enregistre l'adresse où elle paraît.")
    ReplyDraft publish(@PathVariable UUID id, @RequestBody(required = false) PublicationBody body) {
        return replies.publish(id, body == null ? null : body.url());
    }

    @PostMapping("/replies/{id}/abandon")
    @Operation(summary = "Abandonner (avec la raison, par exemple « ne pas répondre »)")
    ReplyDraft abandon(@PathVariable UUID id, @RequestBody CommentBody body) {
        return replies.abandon(id, body.comment());
    }

    @GetMapping("/cabinets/{id}/reply-settings")
    @Operation(summary = "Règles de réponse du cabinet (délai de réflexion, relecture par un tiers)")
    ReplySettings settings(@PathVariable UUID id) {
        return replies.settings(id);
    }

    @PutMapping("/cabinets/{id}/reply-settings")
    @Operation(summary = "Changer les règles de réponse du cabinet",
            description = "Réservé au titulaire (403 sinon). Chaque changement est conservé ; une approbation enregistre "
                    + "les règles en vigueur.")
    ReplySettings changeSettings(@PathVariable UUID id, @RequestBody SettingsBody body) {
        var current = replies.settings(id);
        return replies.changeSettings(id, body.reflectionHours() == null ? current.reflectionHours() : body.reflectionHours(),
                body.requirePeerReview() == null ? current.requirePeerReview() : body.requirePeerReview());
    }

}
