package fr.egide.practice;

import java.util.UUID;

/** A cabinet (practice). {@code demo} marks the fictional cabinet loaded by {@code --demo}. */
public record Cabinet(UUID id, String name, String street, String postalCode, String city, boolean demo) {
}
