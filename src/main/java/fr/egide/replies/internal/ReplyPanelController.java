package fr.egide.replies.internal;

import fr.egide.practice.PracticeManagement;
import fr.egide.replies.Replies;
import fr.egide.replies.ReplyOrigin;
import fr.egide.replies.ReplyState;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply panel of a mention's page (loaded by htmx, like the analysis panel): the assistant's advice, the
 * proposed drafts, the editor with its live check, the workflow's buttons and the history; and the page of a
 * cabinet's reply rules. Every action goes through {@link Replies}, which enforces the workflow's rules; a refused
 * action comes back in the panel with its French reason. Without JavaScript the forms post and redirect.
 */
@Controller
class ReplyPanelController {

    private final Replies replies;

    private final PracticeManagement practice;

    ReplyPanelController(Replies replies, PracticeManagement practice) {
        this.replies = replies;
        this.practice = practice;
    }

    @GetMapping("/reponses/mentions/{id}")
    String panel(@PathVariable UUID id, Model model) {
        return show(id, model);
    }

    /** The live check of the text being written: the findings only. */
    @PostMapping("/reponses/verifier")
    String check(@RequestParam(required = false) String text, @RequestParam(required = false) UUID mentionId, Model model) {
        if (text == null || text.isBlank()) {
            model.addAttribute("lint", null);
        }
        else {
            try {
                model.addAttribute("lint", replies.lint(text, mentionId));
            }
            catch (InvalidRequestException ex) {
                model.addAttribute("lintError", ex.getMessage());
            }
        }
        return "replies/panneau :: verification";
    }

    @PostMapping("/reponses/mentions/{id}/brouillon")
    String create(@PathVariable UUID id, @RequestParam String text, @RequestParam(defaultValue = "MANUEL") ReplyOrigin origin,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        return act(id, () -> replies.create(id, text, origin), "Brouillon enregistré.", htmx, model, redirect);
    }

    @PostMapping("/reponses/mentions/{id}/ia")
    String languageModel(@PathVariable UUID id, Model model) {
        try {
            model.addAttribute("aiProposal", replies.languageModelProposal(id));
        }
        catch (ConflictException ex) {
            model.addAttribute("replyError", ex.getMessage());
        }
        return show(id, model);
    }

    /**
     * One form per action, each with its own fields, so that pressing Enter in a field does that form's action
     * and nothing else. Submitting saves the text first when it was changed.
     */
    @PostMapping("/reponses/{draftId}/action")
    String action(@PathVariable UUID draftId, @RequestParam String action, @RequestParam(required = false) String text,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String overrideReason,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String url,
            @RequestHeader(value = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        var draft = replies.get(draftId);
        var mentionId = draft.mentionId();
        return switch (action) {
            case "enregistrer" -> act(mentionId, () -> replies.revise(draftId, text, ReplyOrigin.MANUEL), "Nouvelle version enregistrée.", htmx, model, redirect);
            case "soumettre" -> act(mentionId, () -> {
                if (text != null && !text.isBlank() && !text.strip().equals(draft.current().text())) {
                    replies.revise(draftId, text, ReplyOrigin.MANUEL);
                }
                return replies.submit(draftId);
            }, "Réponse soumise à relecture.", htmx, model, redirect);
            case "renvoyer" -> act(mentionId, () -> replies.sendBack(draftId, comment), "Réponse renvoyée à son auteur.", htmx, model, redirect);
            case "approuver" -> act(mentionId, () -> replies.approve(draftId, overrideReason), "Réponse approuvée.", htmx, model, redirect);
            case "modifier" -> act(mentionId, () -> replies.reopen(draftId), "Réponse remise en brouillon : modifiez-la puis soumettez-la de nouveau.", htmx, model, redirect);
            case "publier" -> act(mentionId, () -> replies.publish(draftId, url), "Publication enregistrée.", htmx, model, redirect);
            case "abandonner" -> act(mentionId, () -> replies.abandon(draftId, reason), "Réponse abandonnée.", htmx, model, redirect);
            default -> throw new InvalidRequestException("Action inconnue : " + action);
        };
    }

    @GetMapping("/reponses/reglages/{cabinetId}")
    String settings(@PathVariable UUID cabinetId, Model model) {
        model.addAttribute("settings", replies.settings(cabinetId));
        model.addAttribute("cabinet", practice.cabinet(cabinetId));
        return "replies/reglages";
    }

    @PostMapping("/reponses/reglages/{cabinetId}")
    String changeSettings(@PathVariable UUID cabinetId, @RequestParam int reflectionHours,
            @RequestParam(defaultValue = "false") boolean requirePeerReview, Model model, RedirectAttributes redirect) {
        try {
            replies.changeSettings(cabinetId, reflectionHours, requirePeerReview);
            redirect.addFlashAttribute("flash", "Règles de réponse enregistrées.");
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/reponses/reglages/" + cabinetId;
    }

    private String act(UUID mentionId, Supplier<?> action, String done, String htmx, Model model, RedirectAttributes redirect) {
        String error = null;
        try {
            action.get();
        }
        catch (ConflictException | InvalidRequestException ex) {
            error = ex.getMessage();
        }
        if (htmx == null) {
            redirect.addFlashAttribute(error == null ? "flash" : "error", error == null ? done : error);
            return "redirect:/mentions/" + mentionId + "#reponse";
        }
        model.addAttribute(error == null ? "replyDone" : "replyError", error == null ? done : error);
        return show(mentionId, model);
    }

    private String show(UUID mentionId, Model model) {
        var draft = replies.ofMention(mentionId).orElse(null);
        model.addAttribute("mentionId", mentionId);
        model.addAttribute("readAt", replies.open(mentionId));
        model.addAttribute("advice", replies.advice(mentionId));
        model.addAttribute("draft", draft);
        model.addAttribute("editable", draft != null && draft.state() == ReplyState.BROUILLON);
        model.addAttribute("early", draft != null && Instant.now().isBefore(draft.reflectionEndsAt()));
        model.addAttribute("languageModel", replies.languageModelEnabled());
        return "replies/panneau :: panel";
    }

}
