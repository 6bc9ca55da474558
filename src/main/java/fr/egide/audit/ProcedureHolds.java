package fr.egide.audit;

import java.util.List;
import java.util.UUID;

/**
 * What of a cabinet's data is still needed for an ongoing procedure (an open dossier, a legal deadline not passed):
 * the GDPR deletion shows each as a warning and asks for an explicit confirmation. Implemented by the modules that
 * know (cases).
 */
public interface ProcedureHolds {

    /** French sentences, one per hold; empty when nothing is held. */
    List<String> holds(UUID cabinetId);

}
