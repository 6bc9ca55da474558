package fr.egide.reporting.internal;

import fr.egide.reporting.Readiness;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the « bons réflexes », for the caller's cabinets. */
@RestController
@Tag(name = "Bons réflexes")
@SecurityRequirement(name = "bearer")
class ReadinessApi {

    private final ReadinessChecks checks;

    ReadinessApi(ReadinessChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/api/v1/cabinets/{id}/readiness")
    @Operation(summary = "Les bons réflexes d'un cabinet : score sur 100, état, constat et conseil de chaque réflexe")
    Readiness readiness(@PathVariable UUID id) {
        return checks.of(id);
    }

}
