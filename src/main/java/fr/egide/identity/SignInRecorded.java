package fr.egide.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on every sign-in attempt that reaches a decision, for the audit log. The e-mail is the one typed
 * (it may belong to no account: {@code userId} is then null); the address is the client's IP address.
 *
 * @param method how the person signed in: FORMULAIRE (web form), JETON_API (POST /api/v1/auth/token), OIDC
 *        (the registration id follows, e.g. "OIDC:psc"), CODE_TOTP (the second step)
 */
public record SignInRecorded(UUID userId, String email, String address, String method, Outcome outcome, Instant at) {

    public enum Outcome {
        /** Signed in (after the second factor when the account has one). */
        SUCCESS,
        /** Wrong password, unknown account, wrong code or an OIDC identity that matches no account. */
        FAILURE,
        /** Refused without checking anything: the account or the address is locked after too many failures. */
        LOCKED
    }

}
