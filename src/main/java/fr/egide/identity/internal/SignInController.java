package fr.egide.identity.internal;

import fr.egide.system.InvalidRequestException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sign-in page and the first-run installation page. */
@Controller
class SignInController {

    private final Installation installation;

    private final OidcSettings oidc;

    SignInController(Installation installation, OidcSettings oidc) {
        this.installation = installation;
        this.oidc = oidc;
    }

    @GetMapping("/connexion")
    String signIn(Model model, jakarta.servlet.http.HttpServletRequest request) {
        if (!installation.installed()) {
            return "redirect:/installation";
        }
        model.addAttribute("pscEnabled", oidc.enabled());
        var session = request.getSession(false);
        if (session != null && session.getAttribute("egide.signin.oidc.erreur") != null) {
            model.addAttribute("oidcError", session.getAttribute("egide.signin.oidc.erreur"));
            session.removeAttribute("egide.signin.oidc.erreur");
        }
        return "identity/connexion";
    }

    record FirstAdministrator(@NotBlank(message = "{installation.email.obligatoire}") @Email(
            message = "{installation.email.invalide}") String email,
            @NotBlank(message = "{installation.nom.obligatoire}") @Size(max = 120) String displayName,
            @Size(min = Installation.MIN_PASSWORD_LENGTH, max = 128,
                    message = "{installation.motdepasse.longueur}") String password,
            String passwordConfirmation) {
    }

    @GetMapping("/installation")
    String installationForm(Model model) {
        if (installation.installed()) {
            return "redirect:/connexion";
        }
        model.addAttribute("form", new FirstAdministrator("", "", "", ""));
        return "identity/installation";
    }

    @PostMapping("/installation")
    String install(@Valid @ModelAttribute("form") FirstAdministrator form, BindingResult errors,
            RedirectAttributes redirect) {
        if (installation.installed()) {
            return "redirect:/connexion";
        }
        if (form.password() != null && !form.password().equals(form.passwordConfirmation())) {
            errors.rejectValue("passwordConfirmation", "installation.motdepasse.different");
        }
        if (errors.hasErrors()) {
            return "identity/installation";
        }
        try {
            installation.createFirstAdministrator(form.email(), form.displayName(), form.password());
        }
        catch (InvalidRequestException ex) {
            errors.reject("erreur.motif", new Object[] { ex.getMessage() }, ex.getMessage());
            return "identity/installation";
        }
        redirect.addFlashAttribute("info", "installation.terminee");
        return "redirect:/connexion";
    }

}
