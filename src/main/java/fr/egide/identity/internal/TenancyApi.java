package fr.egide.identity.internal;

import fr.egide.identity.CabinetRole;
import fr.egide.identity.EgideUser;
import fr.egide.system.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Members, invitations, organisations and the cabinets' consent, through the REST API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisations et rôles")
class TenancyApi {

    private final Tenancy tenancy;

    TenancyApi(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    record InvitationRequest(String email, String role) {
    }

    record ConsentRequest(UUID organisationId) {
    }

    record OrganisationRequest(String name) {
    }

    record Acceptance(String token, String displayName, String password) {
    }

    record Accepted(UUID userId, String email) {
    }

    static CabinetRole role(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CabinetRole.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException("Rôle inconnu : « " + value + " » (TITULAIRE, SECRETARIAT, RELECTEUR ou CONSEIL).");
        }
    }

    @GetMapping("/cabinets/{cabinetId}/members")
    @Operation(summary = "Les membres du cabinet, leurs rôles, les invitations en cours et l'accord donné à une organisation")
    Tenancy.Team members(@PathVariable UUID cabinetId) {
        return tenancy.team(cabinetId);
    }

    @PostMapping("/cabinets/{cabinetId}/invitations")
    @Operation(summary = "Inviter quelqu'un par e-mail avec un rôle (le lien n'est envoyé qu'à son adresse, sert une fois, expire)")
    ResponseEntity<Tenancy.Invitation> invite(@PathVariable UUID cabinetId, @RequestBody InvitationRequest body) {
        var invitation = tenancy.invite(cabinetId, body == null ? null : body.email(), role(body == null ? null : body.role()));
        return ResponseEntity.status(HttpStatus.CREATED).body(invitation);
    }

    @DeleteMapping("/cabinets/{cabinetId}/invitations/{invitationId}")
    @Operation(summary = "Annuler une invitation pas encore acceptée")
    ResponseEntity<Void> cancel(@PathVariable UUID cabinetId, @PathVariable UUID invitationId) {
        tenancy.cancelInvitation(cabinetId, invitationId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/cabinets/{cabinetId}/members/{userId}")
    @Operation(summary = "Retirer un membre du cabinet (le dernier titulaire ne peut pas l'être)")
    ResponseEntity<Void> remove(@PathVariable UUID cabinetId, @PathVariable UUID userId) {
        tenancy.remove(cabinetId, userId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cabinets/{cabinetId}/leave")
    @Operation(summary = "Quitter le cabinet (le dernier titulaire ne peut pas)")
    ResponseEntity<Void> leave(@PathVariable UUID cabinetId) {
        tenancy.leave(cabinetId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/cabinets/{cabinetId}/organisation-consent")
    @Operation(summary = "Les accords du cabinet à une organisation, en cours et retirés, datés")
    List<Tenancy.Consent> consents(@PathVariable UUID cabinetId) {
        return tenancy.team(cabinetId).consents();
    }

    @PutMapping("/cabinets/{cabinetId}/organisation-consent")
    @Operation(summary = "Donner l'accord du cabinet à une organisation (titulaire) : elle voit le cabinet, pas ses données")
    List<Tenancy.Consent> grant(@PathVariable UUID cabinetId, @RequestBody ConsentRequest body) {
        return tenancy.grantConsent(cabinetId, body == null ? null : body.organisationId());
    }

    @DeleteMapping("/cabinets/{cabinetId}/organisation-consent")
    @Operation(summary = "Retirer l'accord du cabinet à son organisation (l'historique reste)")
    List<Tenancy.Consent> withdraw(@PathVariable UUID cabinetId) {
        return tenancy.withdrawConsent(cabinetId);
    }

    @GetMapping("/organisations")
    @Operation(summary = "Les organisations que vous administrez")
    List<Tenancy.Organisation> organisations() {
        return tenancy.myOrganisations();
    }

    @PostMapping("/organisations")
    @Operation(summary = "Créer une organisation (administrateur de l'installation) ; vous en devenez l'administrateur")
    ResponseEntity<Tenancy.Organisation> create(@RequestBody OrganisationRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tenancy.createOrganisation(body == null ? null : body.name()));
    }

    @GetMapping("/organisations/{organisationId}")
    @Operation(summary = "L'organisation : ses administrateurs et les cabinets qui lui ont donné leur accord")
    Tenancy.OrganisationView organisation(@PathVariable UUID organisationId) {
        return tenancy.view(organisationId);
    }

    @PostMapping("/organisations/{organisationId}/invitations")
    @Operation(summary = "Inviter un administrateur de l'organisation (ADMIN_ORG) par e-mail")
    ResponseEntity<Tenancy.Invitation> inviteAdministrator(@PathVariable UUID organisationId, @RequestBody InvitationRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(tenancy.inviteAdministrator(organisationId, body == null ? null : body.email()));
    }

    record TwoFactorPolicy(boolean required) {
    }

    @PutMapping("/organisations/{organisationId}/two-factor")
    @Operation(summary = "Exiger (ou non) la double authentification (TOTP) des administrateurs et des membres des cabinets de l'organisation")
    TwoFactorPolicy requireTwoFactor(@PathVariable UUID organisationId, @RequestBody TwoFactorPolicy body) {
        return new TwoFactorPolicy(tenancy.requireTwoFactor(organisationId, body != null && body.required()));
    }

    @DeleteMapping("/organisations/{organisationId}/administrators/{userId}")
    @Operation(summary = "Retirer un administrateur de l'organisation (pas le dernier)")
    ResponseEntity<Void> removeAdministrator(@PathVariable UUID organisationId, @PathVariable UUID userId) {
        tenancy.removeAdministrator(organisationId, userId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/invitations/accept")
    @Operation(summary = "Accepter une invitation avec le jeton reçu par e-mail : crée le compte (nom, mot de passe) ou, "
            + "avec le jeton d'API du compte invité, le relie")
    ResponseEntity<Accepted> accept(@RequestBody Acceptance body, @AuthenticationPrincipal SignedInUser signedIn) {
        if (body == null) {
            throw new InvalidRequestException("Envoyez le jeton de l'invitation (token), votre nom (displayName) et un mot de passe (password).");
        }
        EgideUser user = tenancy.accept(body.token(), signedIn == null ? null : signedIn.user(), body.displayName(), body.password());
        return ResponseEntity.ok(new Accepted(user.id(), user.email()));
    }

}
