package fr.egide.identity.internal;

import fr.egide.identity.SignInRecorded;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges an e-mail and a password for a bearer token for the REST API, under the same brute-force protection
 * as the sign-in form. An account with two-factor authentication must add its current code.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentification")
class TokenController {

    private static final String METHOD = "JETON_API";

    private final Users users;

    private final ApiTokens tokens;

    private final PasswordEncoder passwordEncoder;

    private final SignInThrottle throttle;

    private final SecondFactor secondFactor;

    private final SignInFlow flow;

    private final String dummyHash;

    TokenController(Users users, ApiTokens tokens, PasswordEncoder passwordEncoder, SignInThrottle throttle,
            SecondFactor secondFactor, SignInFlow flow) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.flow = flow;
        this.dummyHash = passwordEncoder.encode("pas un vrai mot de passe");
    }

    /**
     * @param scope read (GET only) or write (everything the account may do; the default)
     * @param code the current TOTP code (or a recovery code), for an account with two-factor authentication
     */
    record Credentials(@NotBlank String email, @NotBlank String password, String scope, String code) {
    }

    record Token(String token, String tokenType, String scope, Instant expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Obtenir un jeton d'accès",
            description = "Renvoie un jeton à envoyer ensuite dans l'en-tête « Authorization: Bearer … ». Portée "
                    + "« read » (lecture seule) ou « write » (par défaut). Après trop d'échecs, le compte ou l'adresse IP "
                    + "est bloqué quelques minutes (429).")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        var scope = ApiTokens.Scope.parse(credentials.scope());
        var address = SignInFlow.address(request);
        var lock = throttle.lockedUntil(credentials.email(), address);
        if (lock.isPresent()) {
            flow.record(null, credentials.email(), request, METHOD, SignInRecorded.Outcome.LOCKED);
            return locked(lock.get());
        }
        var found = users.findByEmail(credentials.email());
        if (found.isEmpty()) {
            // Same work and same answer as a wrong password, so that addresses cannot be probed.
            passwordEncoder.matches(credentials.password(), dummyHash);
            return failed(null, credentials, request);
        }
        var user = found.get();
        if (!user.isEnabled() || !passwordEncoder.matches(credentials.password(), user.getPassword())) {
            return failed(user.user().id(), credentials, request);
        }
        var userId = user.user().id();
        if (secondFactor.enabled(userId) && !secondFactor.verify(userId, credentials.code())) {
            return failed(userId, credentials, request);
        }
        if (passwordEncoder.upgradeEncoding(user.getPassword())) {
            users.updatePassword(user, passwordEncoder.encode(credentials.password()));
        }
        throttle.succeeded(credentials.email());
        flow.record(userId, user.user().email(), request, METHOD, SignInRecorded.Outcome.SUCCESS);
        var issued = tokens.issue(userId, "Jeton obtenu par l'API", scope, tokensValidity());
        return ResponseEntity.ok(new Token(issued.token(), "Bearer", scope.name().toLowerCase(java.util.Locale.ROOT),
                issued.expiresAt()));
    }

    @DeleteMapping("/token")
    @Operation(summary = "Révoquer le jeton utilisé pour cette requête", description = "Le jeton ne sera plus accepté.")
    ResponseEntity<Void> revoke(Authentication authentication) {
        var user = (SignedInUser) authentication.getPrincipal();
        tokens.revoke(user.user().id(), (UUID) authentication.getDetails());
        return ResponseEntity.noContent().build();
    }

    private java.time.Duration tokensValidity() {
        return tokens.defaultValidity();
    }

    private ResponseEntity<?> failed(UUID userId, Credentials credentials, HttpServletRequest request) {
        var lock = throttle.failed(credentials.email(), SignInFlow.address(request));
        flow.record(userId, credentials.email(), request, METHOD, SignInRecorded.Outcome.FAILURE);
        if (lock.isPresent()) {
            return locked(lock.get());
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Identifiants incorrects.");
        problem.setTitle("Authentification refusée");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

    private static ResponseEntity<ProblemDetail> locked(Instant until) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Trop de tentatives de connexion : par sécurité, les connexions sont suspendues. Réessayez dans "
                        + SignInThrottle.retryIn(until, Instant.now()) + ".");
        problem.setTitle("Connexion temporairement bloquée");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            .header("Retry-After", String.valueOf(Math.max(1, java.time.Duration.between(Instant.now(), until).toSeconds())))
            .body(problem);
    }

}
