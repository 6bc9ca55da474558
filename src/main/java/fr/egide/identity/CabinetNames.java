package fr.egide.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The names of cabinets, for the organisation and members pages. The practice module, which owns cabinets,
 * implements it: identity does not depend on practice (practice depends on identity).
 */
public interface CabinetNames {

    Map<UUID, String> namesOf(Collection<UUID> cabinetIds);

}
