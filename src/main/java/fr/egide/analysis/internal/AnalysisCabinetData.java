package fr.egide.analysis.internal;

import fr.egide.audit.CabinetData;
import fr.egide.audit.CabinetDeletionRequested;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The analyses and impact settings of a cabinet in the GDPR export, and their deletion. */
@Component
class AnalysisCabinetData implements CabinetData {

    /** The analyses' fixed sentences are written out in the export (the phrase book itself is not the cabinet's). */
    static final List<CabinetTable> TABLES = List.of(
            CabinetTable.byCabinet("analysis_mention").withJsonText("result").readingJsonWith("analysis_result_json"),
            CabinetTable.byCabinet("analysis_impact_setting"));

    private final JdbcClient jdbc;

    AnalysisCabinetData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "analysis";
    }

    @Override
    public List<CabinetTable> tables() {
        return TABLES;
    }

    @ApplicationModuleListener
    void on(CabinetDeletionRequested event) {
        CabinetData.deleteRows(jdbc, TABLES, event.cabinetId());
    }

}
