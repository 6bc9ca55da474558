package fr.egide.identity.internal;

import fr.egide.system.ConflictException;
import fr.egide.system.ForbiddenException;
import fr.egide.system.InvalidRequestException;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The members page of a cabinet, the organisation pages, and the page where an invitation is accepted. */
@Controller
class TenancyController {

    private final Tenancy tenancy;

    TenancyController(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    private static String act(String back, Supplier<?> action, String done, RedirectAttributes redirect) {
        try {
            action.get();
            redirect.addFlashAttribute("info", done);
        }
        catch (InvalidRequestException | ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:" + back;
    }

    // ------------------------------------------------------------------ cabinet members

    @GetMapping("/cabinet/membres")
    String teams(Model model) {
        var teams = tenancy.teamsOfCurrentUser();
        if (teams.size() == 1) {
            return "redirect:/cabinet/membres/" + teams.keySet().iterator().next();
        }
        model.addAttribute("teams", teams);
        return "identity/equipes";
    }

    @GetMapping("/cabinet/membres/{cabinetId}")
    String team(@PathVariable UUID cabinetId, Model model) {
        model.addAttribute("team", tenancy.team(cabinetId));
        model.addAttribute("roles", fr.egide.identity.CabinetRole.values());
        model.addAttribute("labels", Tenancy.roleLabels());
        return "identity/membres";
    }

    @PostMapping("/cabinet/membres/{cabinetId}/invitations")
    String invite(@PathVariable UUID cabinetId, @RequestParam(required = false) String email,
            @RequestParam(required = false) String role, RedirectAttributes redirect) {
        return act("/cabinet/membres/" + cabinetId, () -> tenancy.invite(cabinetId, email, TenancyApi.role(role)),
                "membres.invitation.envoyee", redirect);
    }

    @PostMapping("/cabinet/membres/{cabinetId}/invitations/{invitationId}/annulation")
    String cancel(@PathVariable UUID cabinetId, @PathVariable UUID invitationId, RedirectAttributes redirect) {
        return act("/cabinet/membres/" + cabinetId, () -> {
            tenancy.cancelInvitation(cabinetId, invitationId);
            return null;
        }, "membres.invitation.annulee", redirect);
    }

    @PostMapping("/cabinet/membres/{cabinetId}/retrait/{userId}")
    String remove(@PathVariable UUID cabinetId, @PathVariable UUID userId, RedirectAttributes redirect) {
        return act("/cabinet/membres/" + cabinetId, () -> {
            tenancy.remove(cabinetId, userId);
            return null;
        }, "membres.retire", redirect);
    }

    @PostMapping("/cabinet/membres/{cabinetId}/depart")
    String leave(@PathVariable UUID cabinetId, RedirectAttributes redirect) {
        try {
            tenancy.leave(cabinetId);
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/cabinet/membres/" + cabinetId;
        }
        redirect.addFlashAttribute("info", "membres.parti");
        return "redirect:/";
    }

    @PostMapping("/cabinet/membres/{cabinetId}/organisation")
    String grant(@PathVariable UUID cabinetId, @RequestParam(required = false) String organisationId, RedirectAttributes redirect) {
        return act("/cabinet/membres/" + cabinetId, () -> tenancy.grantConsent(cabinetId, uuid(organisationId)),
                "membres.accord.donne", redirect);
    }

    @PostMapping("/cabinet/membres/{cabinetId}/organisation/retrait")
    String withdraw(@PathVariable UUID cabinetId, RedirectAttributes redirect) {
        return act("/cabinet/membres/" + cabinetId, () -> tenancy.withdrawConsent(cabinetId), "membres.accord.retire", redirect);
    }

    static UUID uuid(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException("Identifiant d'organisation invalide : « " + value.strip() + " ».");
        }
    }

    // ------------------------------------------------------------------ organisations

    @GetMapping("/organisation")
    String organisations(Model model) {
        var organisations = tenancy.myOrganisations();
        if (organisations.size() == 1) {
            return "redirect:/organisation/" + organisations.get(0).id();
        }
        model.addAttribute("organisations", organisations);
        return "identity/organisations";
    }

    @PostMapping("/organisation")
    String create(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            var organisation = tenancy.createOrganisation(name);
            redirect.addFlashAttribute("info", "organisation.creee");
            return "redirect:/organisation/" + organisation.id();
        }
        catch (InvalidRequestException | ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/organisation";
        }
    }

    @GetMapping("/organisation/{organisationId}")
    String organisation(@PathVariable UUID organisationId, Model model) {
        model.addAttribute("view", tenancy.view(organisationId));
        model.addAttribute("twoFactorRequired", tenancy.twoFactorRequired(organisationId));
        return "identity/organisation";
    }

    @PostMapping("/organisation/{organisationId}/double-authentification")
    String requireTwoFactor(@PathVariable UUID organisationId, @RequestParam(defaultValue = "false") boolean required,
            RedirectAttributes redirect) {
        return act("/organisation/" + organisationId, () -> tenancy.requireTwoFactor(organisationId, required),
                required ? "organisation.totp.exigee" : "organisation.totp.levee", redirect);
    }

    @PostMapping("/organisation/{organisationId}/invitations")
    String inviteAdministrator(@PathVariable UUID organisationId, @RequestParam(required = false) String email,
            RedirectAttributes redirect) {
        return act("/organisation/" + organisationId, () -> tenancy.inviteAdministrator(organisationId, email),
                "membres.invitation.envoyee", redirect);
    }

    @PostMapping("/organisation/{organisationId}/administrateurs/{userId}/retrait")
    String removeAdministrator(@PathVariable UUID organisationId, @PathVariable UUID userId, RedirectAttributes redirect) {
        return act("/organisation/" + organisationId, () -> {
            tenancy.removeAdministrator(organisationId, userId);
            return null;
        }, "organisation.administrateur.retire", redirect);
    }

    // ------------------------------------------------------------------ accepting an invitation

    @GetMapping("/invitation/{token}")
    String invitation(@PathVariable String token, Model model) {
        try {
            model.addAttribute("invitation", tenancy.pending(token));
        }
        catch (ConflictException ex) {
            model.addAttribute("error", ex.getMessage());
        }
        model.addAttribute("token", token);
        model.addAttribute("labels", Tenancy.roleLabels());
        return "identity/invitation";
    }

    @PostMapping("/invitation/{token}")
    String accept(@PathVariable String token, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password, @AuthenticationPrincipal SignedInUser signedIn, Model model,
            RedirectAttributes redirect) {
        try {
            tenancy.accept(token, signedIn == null ? null : signedIn.user(), displayName, password);
        }
        catch (InvalidRequestException | ConflictException | ForbiddenException ex) {
            model.addAttribute("error", ex.getMessage());
            return invitation(token, model);
        }
        redirect.addFlashAttribute("info", "invitation.acceptee");
        return signedIn == null ? "redirect:/connexion" : "redirect:/";
    }

}
