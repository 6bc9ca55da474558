package fr.egide.practice;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a user enters to describe a practitioner, from the settings page or the API. */
public record PractitionerForm(@NotNull(message = "{praticien.civilite.obligatoire}") Civility civility,
        @NotBlank(message = "{praticien.prenom.obligatoire}") @Size(max = 100) String firstName,
        @NotBlank(message = "{praticien.nom.obligatoire}") @Size(max = 100) String lastName,
        @NotNull(message = "{praticien.profession.obligatoire}") Profession profession,
        @Size(max = 120) String specialty,
        @Pattern(regexp = "^(\\s*|[0-9 ]{11,14})$", message = "{praticien.rpps.format}") String rpps,
        List<@Size(max = 300) String> addresses, List<@Size(max = 200) String> nameVariants,
        @Size(max = 120) String insurer, @Size(max = 60) String policyNumber, boolean ereputationGuarantee,
        @Min(value = 5, message = "{praticien.declaration.min}") @Max(value = 90, message = "{praticien.declaration.max}")
        Integer declarationDays,
        @Size(max = 500) @Pattern(regexp = "^(\\s*|(?i)https?://\\S+\\s*)$", message = "{praticien.adresse.web.format}") String professionalProfileUrl,
        @Size(max = 500) @Pattern(regexp = "^(\\s*|(?i)https?://\\S+\\s*)$", message = "{praticien.adresse.web.format}") String websiteUrl) {

    /** Without the online presence (profile, website). */
    public PractitionerForm(Civility civility, String firstName, String lastName, Profession profession, String specialty, String rpps,
            List<String> addresses, List<String> nameVariants, String insurer, String policyNumber, boolean ereputationGuarantee,
            Integer declarationDays) {
        this(civility, firstName, lastName, profession, specialty, rpps, addresses, nameVariants, insurer, policyNumber,
                ereputationGuarantee, declarationDays, null, null);
    }

    /** Without the contract's declaration deadline (the legal minimum of 5 working days then applies). */
    public PractitionerForm(Civility civility, String firstName, String lastName, Profession profession, String specialty, String rpps,
            List<String> addresses, List<String> nameVariants, String insurer, String policyNumber, boolean ereputationGuarantee) {
        this(civility, firstName, lastName, profession, specialty, rpps, addresses, nameVariants, insurer, policyNumber,
                ereputationGuarantee, null, null, null);
    }

}
