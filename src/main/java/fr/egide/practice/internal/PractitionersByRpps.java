package fr.egide.practice.internal;

import fr.egide.identity.PractitionerDirectory;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers identity's question for Pro Santé Connect: is this RPPS a practitioner of these cabinets? */
@Component
class PractitionersByRpps implements PractitionerDirectory {

    private final JdbcClient jdbc;

    PractitionersByRpps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean practisesIn(String rpps, Set<UUID> cabinetIds) {
        if (rpps == null || cabinetIds.isEmpty()) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from practice_practitioner where rpps = :rpps and cabinet_id in (:cabinets))")
            .param("rpps", rpps)
            .param("cabinets", cabinetIds)
            .query(Boolean.class)
            .single();
    }

}
