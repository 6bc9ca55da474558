package fr.egide.evidence;

/** One verification of a bundle: what was checked, whether it passed, and a French explanation. */
public record Check(String subject, boolean passed, String detail) {
}
