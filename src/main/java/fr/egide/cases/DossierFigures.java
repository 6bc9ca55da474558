package fr.egide.cases;

import fr.egide.identity.CabinetAccess;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The dossiers' figures for the dashboard of one cabinet. */
@Service
public class DossierFigures {

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    DossierFigures(JdbcClient jdbc, CabinetAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /**
     * How many dossiers not yet closed stand at each stage, in the method's order (every stage but CLOS is present, 0
     * included). Refuses, as "not found", a cabinet the signed-in user may not see.
     */
    public Map<DossierStage, Long> openByStage(UUID cabinetId) {
        access.requireAccess(cabinetId);
        var stages = new EnumMap<DossierStage, Long>(DossierStage.class);
        for (var stage : DossierStage.values()) {
            if (stage != DossierStage.CLOS) {
                stages.put(stage, 0L);
            }
        }
        jdbc.sql("select stage, count(*) as dossiers from cases_dossier where cabinet_id = ? and stage <> 'CLOS' group by stage")
            .param(cabinetId).query(rs -> {
                stages.put(DossierStage.valueOf(rs.getString("stage")), rs.getLong("dossiers"));
            });
        return stages;
    }

}
