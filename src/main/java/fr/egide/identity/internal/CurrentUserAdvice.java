package fr.egide.identity.internal;

import fr.egide.identity.EgideUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in user available to every page (the layout shows their name). */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("currentUser")
    EgideUser currentUser(@AuthenticationPrincipal SignedInUser signedIn) {
        return signedIn == null ? null : signedIn.user();
    }

}
