package fr.egide.practice.internal;

import fr.egide.practice.Cabinet;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.Practitioner;
import fr.egide.practice.PractitionerForm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API for cabinets and practitioners, limited to the caller's cabinets. */
@RestController
@RequestMapping("/api/v1/cabinets")
@Tag(name = "Cabinets et praticiens")
@SecurityRequirement(name = "bearer")
class PracticeApi {

    private final PracticeManagement practice;

    PracticeApi(PracticeManagement practice) {
        this.practice = practice;
    }

    @GetMapping
    @Operation(summary = "Les cabinets de l'utilisateur")
    List<Cabinet> cabinets() {
        return practice.memberCabinetsOfCurrentUser();
    }

    @PostMapping
    @Operation(summary = "Créer un cabinet (son créateur en devient titulaire)")
    ResponseEntity<Cabinet> create(@Valid @RequestBody CabinetForm form) {
        var cabinet = practice.createCabinet(form);
        return ResponseEntity.created(URI.create("/api/v1/cabinets/" + cabinet.id())).body(cabinet);
    }

    @GetMapping("/{id}")
    Cabinet cabinet(@PathVariable UUID id) {
        return practice.cabinet(id);
    }

    @PutMapping("/{id}")
    Cabinet update(@PathVariable UUID id, @Valid @RequestBody CabinetForm form) {
        return practice.updateCabinet(id, form);
    }

    @GetMapping("/{id}/practitioners")
    @Operation(summary = "Les praticiens d'un cabinet")
    List<Practitioner> practitioners(@PathVariable UUID id) {
        return practice.practitioners(id);
    }

    @PostMapping("/{id}/practitioners")
    @Operation(summary = "Ajouter un praticien (numéro RPPS : 11 chiffres)")
    ResponseEntity<Practitioner> addPractitioner(@PathVariable UUID id, @Valid @RequestBody PractitionerForm form) {
        var practitioner = practice.addPractitioner(id, form);
        return ResponseEntity.created(URI.create("/api/v1/cabinets/" + id + "/practitioners/" + practitioner.id()))
            .body(practitioner);
    }

    @GetMapping("/{id}/practitioners/{practitionerId}")
    Practitioner practitioner(@PathVariable UUID id, @PathVariable UUID practitionerId) {
        return practice.practitioner(id, practitionerId);
    }

    @PutMapping("/{id}/practitioners/{practitionerId}")
    Practitioner updatePractitioner(@PathVariable UUID id, @PathVariable UUID practitionerId,
            @Valid @RequestBody PractitionerForm form) {
        return practice.updatePractitioner(id, practitionerId, form);
    }

    @DeleteMapping("/{id}/practitioners/{practitionerId}")
    ResponseEntity<Void> removePractitioner(@PathVariable UUID id, @PathVariable UUID practitionerId) {
        practice.removePractitioner(id, practitionerId);
        return ResponseEntity.noContent().build();
    }

}
