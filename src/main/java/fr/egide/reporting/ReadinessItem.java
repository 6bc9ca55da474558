package fr.egide.reporting;

/**
 * One « bon réflexe » of a cabinet.
 *
 * @param title what the réflexe is
 * @param finding what Égide sees for the cabinet, in words
 * @param guidance what to do, in French from the message bundle (empty once done)
 * @param actionPath the page of Égide where it is done
 */
public record ReadinessItem(ReadinessCheck check, ReadinessStatus status, String title, String finding, String guidance, String actionPath) {
}
