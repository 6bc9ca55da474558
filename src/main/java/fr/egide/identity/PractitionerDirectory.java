package fr.egide.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Whether an RPPS number is that of a practitioner of one of the given cabinets. Implemented by the practice
 * module (which depends on identity, so identity asks through this interface rather than calling it): a
 * Pro Santé Connect sign-in, and the linking of an account to an RPPS, are accepted only for a practitioner
 * the user's cabinets have declared.
 */
public interface PractitionerDirectory {

    boolean practisesIn(String rpps, Set<UUID> cabinetIds);

}
