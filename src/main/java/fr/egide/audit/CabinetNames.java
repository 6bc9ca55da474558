package fr.egide.audit;

import java.util.Optional;
import java.util.UUID;

/** A cabinet's name (the deletion asks the titulaire to type it); implemented by the practice module. */
public interface CabinetNames {

    Optional<String> name(UUID cabinetId);

}
