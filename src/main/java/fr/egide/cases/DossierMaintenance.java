package fr.egide.cases;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What background jobs do to dossiers, without a signed-in user. */
@Component
public class DossierMaintenance {

    private static final Logger log = LoggerFactory.getLogger(DossierMaintenance.class);

    private final Dossiers dossiers;

    DossierMaintenance(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    /** Marks prescribed the open dossiers whose criminal deadlines all passed without action; returns how many. */
    public int markPrescribed() {
        var marked = dossiers.markPrescribed();
        if (marked > 0) {
            log.info("{} dossier(s) marqué(s) prescrit(s)", marked);
        }
        return marked;
    }

}
