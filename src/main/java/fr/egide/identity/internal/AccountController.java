package fr.egide.identity.internal;

import fr.egide.identity.PractitionerDirectory;
import fr.egide.identity.SignInRecorded;
import fr.egide.system.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mon compte": the password, the RPPS number for Pro Santé Connect, two-factor authentication and personal API
 * tokens; and the second step of a sign-in, the TOTP code.
 */
@Controller
class AccountController {

    private static final String ENROLMENT_SECRET = "egide.totp.secret";

    private final Users users;

    private final PasswordEncoder passwordEncoder;

    private final SecondFactor secondFactor;

    private final ApiTokens tokens;

    private final SignInFlow flow;

    private final SignInThrottle throttle;

    private final Memberships memberships;

    private final List<PractitionerDirectory> practitioners;

    AccountController(Users users, PasswordEncoder passwordEncoder, SecondFactor secondFactor, ApiTokens tokens, SignInFlow flow,
            SignInThrottle throttle, Memberships memberships, List<PractitionerDirectory> practitioners) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.secondFactor = secondFactor;
        this.tokens = tokens;
        this.flow = flow;
        this.throttle = throttle;
        this.memberships = memberships;
        this.practitioners = practitioners;
    }

    @GetMapping("/compte")
    String account(@AuthenticationPrincipal SignedInUser user, Model model) {
        var id = user.user().id();
        model.addAttribute("rpps", users.rppsOf(id).orElse(null));
        model.addAttribute("totpEnabled", secondFactor.enabled(id));
        model.addAttribute("activeTokens", tokens.of(id).stream().filter(ApiTokens.Listed::active).count());
        return "identity/compte";
    }

    @PostMapping("/compte/mot-de-passe")
    String changePassword(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirmation,
            RedirectAttributes redirect) {
        var id = user.user().id();
        try {
            if (!passwordEncoder.matches(current, users.passwordHash(id))) {
                throw new InvalidRequestException("Le mot de passe actuel est incorrect.");
            }
            if (!password.equals(confirmation)) {
                throw new InvalidRequestException("Les deux mots de passe ne sont pas identiques.");
            }
            PasswordPolicy.check(password, user.user().email(), user.user().displayName());
            users.changePassword(id, passwordEncoder.encode(password));
            redirect.addFlashAttribute("info", "compte.motdepasse.change");
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/compte";
    }

    @PostMapping("/compte/rpps")
    String linkRpps(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String rpps,
            RedirectAttributes redirect) {
        var id = user.user().id();
        try {
            var number = normalizeRpps(rpps);
            if (number != null) {
                if (users.rppsTaken(number, id)) {
                    throw new InvalidRequestException("Ce numéro RPPS est déjà lié à un autre compte Égide.");
                }
                var cabinets = memberships.cabinetsOf(id);
                if (!practitioners.isEmpty() && practitioners.stream().noneMatch(directory -> directory.practisesIn(number, cabinets))) {
                    throw new InvalidRequestException("Aucun praticien de vos cabinets ne porte le numéro RPPS " + number
                            + " : ajoutez-le d'abord à la fiche du cabinet.");
                }
            }
            users.linkRpps(id, number);
            redirect.addFlashAttribute("info", number == null ? "compte.rpps.retire" : "compte.rpps.lie");
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/compte";
    }

    /** The 11 digits (spaces allowed), or null when left empty; practice's own rule, repeated: identity cannot call it. */
    private static String normalizeRpps(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        var digits = input.replace(" ", "").replace("\u00a0", "");
        if (!digits.matches("[0-9]{11}")) {
            throw new InvalidRequestException("Le numéro RPPS doit compter exactement 11 chiffres (lu : « " + input.strip() + " »).");
        }
        return digits;
    }

    // Two-factor authentication

    @GetMapping("/compte/double-authentification")
    String twoFactor(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        var id = user.user().id();
        var enabled = secondFactor.enabled(id);
        model.addAttribute("totpEnabled", enabled);
        model.addAttribute("totpRequired", secondFactor.required(id));
        if (enabled) {
            model.addAttribute("remaining", secondFactor.remainingRecoveryCodes(id));
        }
        else {
            var secret = (String) session.getAttribute(ENROLMENT_SECRET);
            if (secret == null) {
                secret = Totp.newSecret();
                session.setAttribute(ENROLMENT_SECRET, secret);
            }
            model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
            model.addAttribute("otpauth", Totp.uri("Égide", user.user().email(), secret));
        }
        return "identity/double-authentification";
    }

    @PostMapping("/compte/double-authentification")
    String enable(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code, HttpSession session,
            Model model, RedirectAttributes redirect) {
        var secret = (String) session.getAttribute(ENROLMENT_SECRET);
        if (secret == null) {
            return "redirect:/compte/double-authentification";
        }
        try {
            var codes = secondFactor.enable(user.user().id(), secret, code);
            session.removeAttribute(ENROLMENT_SECRET);
            session.removeAttribute(SignInFlow.PENDING_ENROLMENT);
            model.addAttribute("codes", codes);
            return "identity/codes-de-secours";
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/compte/double-authentification";
        }
    }

    @PostMapping("/compte/double-authentification/codes")
    String regenerate(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code, Model model,
            RedirectAttributes redirect) {
        if (!secondFactor.verify(user.user().id(), code)) {
            redirect.addFlashAttribute("error", "Code incorrect : les codes de secours n'ont pas été changés.");
            return "redirect:/compte/double-authentification";
        }
        model.addAttribute("codes", secondFactor.regenerateRecoveryCodes(user.user().id()));
        return "identity/codes-de-secours";
    }

    @PostMapping("/compte/double-authentification/desactiver")
    String disable(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
            RedirectAttributes redirect) {
        try {
            secondFactor.disable(user.user().id(), code);
            redirect.addFlashAttribute("info", "totp.desactivee");
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/compte/double-authentification";
    }

    // The second step of a sign-in

    @GetMapping("/connexion/code")
    String codeForm(HttpSession session) {
        return session.getAttribute(SignInFlow.PENDING_CODE) == null ? "redirect:/" : "identity/code";
    }

    @PostMapping("/connexion/code")
    String checkCode(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
            HttpServletRequest request, HttpSession session, Model model) {
        if (session.getAttribute(SignInFlow.PENDING_CODE) == null) {
            return "redirect:/";
        }
        var email = user.user().email();
        var lock = throttle.lockedUntil(email, SignInFlow.address(request));
        if (lock.isEmpty() && secondFactor.verify(user.user().id(), code)) {
            flow.codeAccepted(request, user);
            return "redirect:/";
        }
        flow.record(user.user().id(), email, request, "CODE_TOTP",
                lock.isPresent() ? SignInRecorded.Outcome.LOCKED : SignInRecorded.Outcome.FAILURE);
        var newLock = lock.isPresent() ? lock : throttle.failed(email, SignInFlow.address(request));
        if (newLock.isPresent()) {
            // Locked: the half-open session ends; the person starts again, after the wait, from the password.
            session.invalidate();
            return "redirect:/connexion?bloque=" + SignInThrottle.retryIn(newLock.get(), Instant.now()).replace(' ', '+');
        }
        model.addAttribute("error", "Code incorrect.");
        return "identity/code";
    }

    // Personal API tokens

    @GetMapping("/compte/jetons")
    String tokens(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("tokens", tokens.of(user.user().id()));
        return "identity/jetons";
    }

    @PostMapping("/compte/jetons")
    String createToken(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "read") String scope, @RequestParam(defaultValue = "90") int days, Model model,
            RedirectAttributes redirect) {
        try {
            if (days < 1 || days > 365) {
                throw new InvalidRequestException("La durée de validité d'un jeton va de 1 à 365 jours.");
            }
            var issued = tokens.issue(user.user().id(), name, ApiTokens.Scope.parse(scope), Duration.ofDays(days));
            model.addAttribute("issued", issued);
            model.addAttribute("tokens", tokens.of(user.user().id()));
            return "identity/jetons";
        }
        catch (InvalidRequestException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            return "redirect:/compte/jetons";
        }
    }

    @PostMapping("/compte/jetons/{id}/revoquer")
    String revokeToken(@AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        if (tokens.revoke(user.user().id(), id)) {
            redirect.addFlashAttribute("info", "jetons.revoque");
        }
        else {
            redirect.addFlashAttribute("error", "Ce jeton n'existe pas ou est déjà révoqué.");
        }
        return "redirect:/compte/jetons";
    }

}
