package fr.egide.practice;

import fr.egide.identity.CabinetAccess;
import fr.egide.identity.CabinetRole;
import fr.egide.identity.Permission;
import fr.egide.practice.internal.PracticeRepository;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cabinets and practitioners, always seen through the current user's memberships: asking for a cabinet
 * one does not belong to answers "not found".
 */
@Service
public class PracticeManagement {

    private final PracticeRepository repository;

    private final CabinetAccess access;

    private final fr.egide.audit.AuditLog audit;

    PracticeManagement(PracticeRepository repository, CabinetAccess access, fr.egide.audit.AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.access = access;
    }

    /** Creates a cabinet; its creator becomes its titulaire. */
    @Transactional
    public Cabinet createCabinet(CabinetForm form) {
        var cabinet = createCabinet(form, false);
        access.grant(access.currentUser().id(), cabinet.id(), CabinetRole.TITULAIRE);
        return cabinet;
    }

    /** Creates a cabinet with no member, for loaders that run without a signed-in user (the demo). */
    @Transactional
    public Cabinet createCabinet(CabinetForm form, boolean demo) {
        var cabinet = new Cabinet(UUID.randomUUID(), form.name().strip(), blankToNull(form.street()),
                blankToNull(form.postalCode()), blankToNull(form.city()), demo);
        repository.insert(cabinet);
        return cabinet;
    }

    @Transactional
    public Cabinet updateCabinet(UUID cabinetId, CabinetForm form) {
        access.require(cabinetId, Permission.MANAGE_CABINET);
        var existing = cabinet(cabinetId);
        var cabinet = new Cabinet(existing.id(), form.name().strip(), blankToNull(form.street()),
                blankToNull(form.postalCode()), blankToNull(form.city()), existing.demo());
        repository.update(cabinet);
        audit.record(cabinetId, fr.egide.audit.AuditAction.PARAMETRES_MODIFIES, "cabinet", cabinetId, java.util.Map.of("quoi", "cabinet"));
        return cabinet;
    }

    /** The cabinets whose contents the current user may read (the pickers and the dashboard use them). */
    public List<Cabinet> cabinetsOfCurrentUser() {
        return repository.cabinets(access.cabinetsOfCurrentUser());
    }

    /** Every cabinet the current user belongs to, whatever the role (a CONSEIL's cabinet included). */
    public List<Cabinet> memberCabinetsOfCurrentUser() {
        return repository.cabinets(access.memberCabinets());
    }

    /** A cabinet's identity (name, address), which every member may see. */
    public Cabinet cabinet(UUID cabinetId) {
        access.require(cabinetId);
        return repository.cabinet(cabinetId).orElseThrow(() -> new NotFoundException("Cabinet introuvable."));
    }

    /** The fictional demo cabinet, if one was loaded (no access check: used by the demo loader only). */
    public Optional<Cabinet> demoCabinet() {
        return repository.demoCabinet();
    }

    public List<Practitioner> practitioners(UUID cabinetId) {
        access.require(cabinetId);
        return repository.practitioners(cabinetId);
    }

    /**
     * How the cabinet's practitioners may be written, for the background scans that look for them (no user):
     * "Dr Claire Martin", "Claire Martin", "Martin Claire" and the variants entered for each.
     */
    public List<String> nameVariants(UUID cabinetId) {
        var names = new java.util.LinkedHashSet<String>();
        for (var practitioner : repository.practitioners(cabinetId)) {
            names.add(practitioner.displayName().strip());
            names.add((practitioner.firstName() + " " + practitioner.lastName()).strip());
            names.add((practitioner.lastName() + " " + practitioner.firstName()).strip());
            practitioner.nameVariants().stream().map(String::strip).filter(name -> !name.isEmpty()).forEach(names::add);
        }
        return List.copyOf(names);
    }

    public Practitioner practitioner(UUID cabinetId, UUID practitionerId) {
        access.require(cabinetId);
        return repository.practitioner(cabinetId, practitionerId)
            .orElseThrow(() -> new NotFoundException("Praticien introuvable."));
    }

    @Transactional
    public Practitioner addPractitioner(UUID cabinetId, PractitionerForm form) {
        access.require(cabinetId, Permission.MANAGE_CABINET);
        return addPractitionerUnchecked(cabinetId, form);
    }

    /** For loaders that run without a signed-in user (the demo). */
    @Transactional
    public Practitioner addPractitionerUnchecked(UUID cabinetId, PractitionerForm form) {
        var practitioner = build(UUID.randomUUID(), cabinetId, form);
        repository.insert(practitioner);
        return practitioner;
    }

    @Transactional
    public Practitioner updatePractitioner(UUID cabinetId, UUID practitionerId, PractitionerForm form) {
        access.require(cabinetId, Permission.MANAGE_CABINET);
        practitioner(cabinetId, practitionerId);
        var practitioner = build(practitionerId, cabinetId, form);
        repository.update(practitioner);
        audit.record(cabinetId, fr.egide.audit.AuditAction.PARAMETRES_MODIFIES, "praticien", practitionerId, java.util.Map.of("quoi", "praticien"));
        return practitioner;
    }

    @Transactional
    public void removePractitioner(UUID cabinetId, UUID practitionerId) {
        access.require(cabinetId, Permission.MANAGE_CABINET);
        practitioner(cabinetId, practitionerId);
        repository.deletePractitioner(cabinetId, practitionerId);
        audit.record(cabinetId, fr.egide.audit.AuditAction.PARAMETRES_MODIFIES, "praticien", practitionerId,
                java.util.Map.of("quoi", "praticien retiré"));
    }

    private Practitioner build(UUID id, UUID cabinetId, PractitionerForm form) {
        var rpps = Rpps.normalize(form.rpps());
        if (rpps != null && repository.rppsTaken(cabinetId, rpps, id)) {
            throw new InvalidRequestException("Un praticien du cabinet porte déjà le numéro RPPS " + rpps + ".");
        }
        return new Practitioner(id, cabinetId, form.civility(), form.firstName().strip(), form.lastName().strip(),
                form.profession(), blankToNull(form.specialty()), rpps, lines(form.addresses()),
                lines(form.nameVariants()), blankToNull(form.insurer()), blankToNull(form.policyNumber()),
                form.ereputationGuarantee(), form.declarationDays(), blankToNull(form.professionalProfileUrl()),
                blankToNull(form.websiteUrl()));
    }

    private static List<String> lines(List<String> values) {
        return values == null ? List.of()
                : values.stream()
                    .filter(java.util.Objects::nonNull)
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .distinct()
                    .toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
