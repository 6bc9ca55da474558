package fr.egide.audit;

import java.util.List;
import java.util.UUID;

/**
 * Where a module sends a cabinet's data (a webhook, a connected account), for the records of processing; each
 * line in French says who receives what.
 */
public interface DataRecipients {

    List<String> recipients(UUID cabinetId);

}
