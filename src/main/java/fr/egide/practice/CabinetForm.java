package fr.egide.practice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A cabinet's name and address as entered by a user. */
public record CabinetForm(@NotBlank(message = "{cabinet.nom.obligatoire}") @Size(max = 200) String name,
        @Size(max = 300) String street,
        @Pattern(regexp = "^(\\s*|[0-9]{5})$", message = "{cabinet.codepostal.format}") String postalCode,
        @Size(max = 120) String city) {
}
