package fr.egide.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges an e-mail and a password for a bearer token for the REST API. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentification")
class TokenController {

    private final Users users;

    private final ApiTokens tokens;

    private final PasswordEncoder passwordEncoder;

    private final String dummyHash;

    TokenController(Users users, ApiTokens tokens, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.tokens = tokens;
        this.passwordEncoder = passwordEncoder;
        this.dummyHash = passwordEncoder.encode("pas un vrai mot de passe");
    }

    record Credentials(@NotBlank String email, @NotBlank String password) {
    }

    record Token(String token, String tokenType, Instant expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Obtenir un jeton d'accès",
            description = "Renvoie un jeton à envoyer ensuite dans l'en-tête « Authorization: Bearer … ».")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials) {
        SignedInUser user;
        try {
            user = users.loadUserByUsername(credentials.email());
        }
        catch (UsernameNotFoundException ex) {
            // Same work and same answer as a wrong password, so that addresses cannot be probed.
            passwordEncoder.matches(credentials.password(), dummyHash);
            return refused();
        }
        if (!user.isEnabled() || !passwordEncoder.matches(credentials.password(), user.getPassword())) {
            return refused();
        }
        var issued = tokens.issue(user.user().id());
        return ResponseEntity.ok(new Token(issued.token(), "Bearer", issued.expiresAt()));
    }

    private static ResponseEntity<ProblemDetail> refused() {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Identifiants incorrects.");
        problem.setTitle("Authentification refusée");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
    }

}
