package fr.egide.identity.internal;

import fr.egide.identity.PractitionerDirectory;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;

/**
 * Finds the Égide account of a person who signed in with an OpenID Connect provider, or refuses in French.
 * With Pro Santé Connect the identity is the RPPS number: the account linked to that RPPS, provided a cabinet of
 * that account has declared a practitioner with it. With another provider, the account with the verified e-mail.
 * Nobody gets an account by signing in: accounts are created in Égide.
 */
@Service
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();

    private final Users users;

    private final Memberships memberships;

    private final List<PractitionerDirectory> practitioners;

    OidcAccounts(Users users, Memberships memberships, List<PractitionerDirectory> practitioners) {
        this.users = users;
        this.memberships = memberships;
        this.practitioners = practitioners;
        // PSC sends the RPPS in the userinfo response only, and asks for no standard scope: always read it.
        delegate.setRetrieveUserInfo(request -> request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
            .getUri() != null);
    }

    /** The OIDC identity with the Égide account it was matched to. */
    static final class Linked extends DefaultOidcUser {

        private final transient SignedInUser account;

        Linked(OidcUser oidc, SignedInUser account) {
            super(oidc.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
            this.account = account;
        }

        SignedInUser account() {
            return account;
        }

    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var oidc = delegate.loadUser(request);
        var registration = request.getClientRegistration().getRegistrationId();
        var account = OidcSettings.REGISTRATION_ID.equals(registration) ? byRpps(oidc) : byEmail(oidc);
        if (!account.isEnabled()) {
            throw refused("compte_desactive", "Ce compte Égide est désactivé : adressez-vous à votre administrateur.");
        }
        return new Linked(oidc, account);
    }

    private SignedInUser byRpps(OidcUser oidc) {
        var rpps = rpps(oidc.getClaims());
        if (rpps == null) {
            throw refused("rpps_absent", "Pro Santé Connect n'a pas transmis de numéro RPPS : la connexion par Pro Santé "
                    + "Connect est réservée aux professionnels inscrits au RPPS.");
        }
        var account = users.findByRpps(rpps)
            .orElseThrow(() -> refused("rpps_inconnu", "Aucun compte Égide n'est lié au numéro RPPS " + rpps + ". Connectez-vous "
                    + "une première fois avec votre adresse e-mail et votre mot de passe, puis renseignez ce numéro dans "
                    + "« Mon compte » ; ou demandez à votre cabinet de vous inviter."));
        var cabinets = memberships.cabinetsOf(account.user().id());
        if (!practitioners.isEmpty() && practitioners.stream().noneMatch(directory -> directory.practisesIn(rpps, cabinets))) {
            throw refused("rpps_hors_cabinet", "Le numéro RPPS " + rpps + " ne correspond à aucun praticien déclaré dans vos "
                    + "cabinets Égide : ajoutez ce praticien (avec son RPPS) à la fiche du cabinet, puis reconnectez-vous.");
        }
        return account;
    }

    private SignedInUser byEmail(OidcUser oidc) {
        if (oidc.getEmail() == null || !Boolean.TRUE.equals(oidc.getEmailVerified())) {
            throw refused("email_non_verifie", "Le fournisseur d'identité n'a pas transmis d'adresse e-mail vérifiée : "
                    + "connectez-vous avec votre mot de passe.");
        }
        return users.findByEmail(oidc.getEmail())
            .orElseThrow(() -> refused("compte_inconnu", "Aucun compte Égide n'a l'adresse " + oidc.getEmail()
                    + " : demandez à votre cabinet de vous inviter."));
    }

    /**
     * The RPPS from PSC's claims. PSC gives the national identifier of the professional (IDNPS) in SubjectNameID
     * and preferred_username: for an RPPS holder it is "8" followed by the 11 RPPS digits.
     */
    static String rpps(Map<String, Object> claims) {
        for (var name : new String[] { "SubjectNameID", "preferred_username" }) {
            var value = claims.get(name);
            if (value instanceof String text) {
                var digits = text.strip();
                if (digits.matches("8[0-9]{11}")) {
                    return digits.substring(1);
                }
                if (digits.matches("[0-9]{11}")) {
                    return digits;
                }
            }
        }
        return null;
    }

    static UUID accountId(OidcUser user) {
        return ((Linked) user).account().user().id();
    }

    private static OAuth2AuthenticationException refused(String code, String message) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
    }

}
