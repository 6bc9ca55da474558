package fr.egide.practice;

import java.util.List;
import java.util.UUID;

/**
 * A health professional of a cabinet.
 *
 * @param rpps the 11-digit RPPS number, the national identifier of health professionals, or null
 * @param nameVariants how people name the practitioner online ("Dr Dupont", "dupont pédiatre Mérignac"),
 * watched by the monitoring
 * @param ereputationGuarantee whether the professional insurance policy covers e-reputation disputes
 * @param declarationDays the contract's deadline to declare a claim, in working days (at least 5, Code des assurances,
 * art. L113-2 4°), or null when not recorded
 * @param professionalProfileUrl a professional profile the practitioner controls (annuaire, Doctolib…), or null
 * @param websiteUrl a website the practitioner controls, or null
 */
public record Practitioner(UUID id, UUID cabinetId, Civility civility, String firstName, String lastName,
        Profession profession, String specialty, String rpps, List<String> addresses, List<String> nameVariants,
        String insurer, String policyNumber, boolean ereputationGuarantee, Integer declarationDays,
        String professionalProfileUrl, String websiteUrl) {

    public String displayName() {
        return civility.label() + " " + firstName + " " + lastName;
    }

}
