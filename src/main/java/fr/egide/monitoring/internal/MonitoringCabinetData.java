package fr.egide.monitoring.internal;

import fr.egide.audit.CabinetData;
import fr.egide.audit.CabinetDeletionRequested;
import fr.egide.audit.Retention;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The watch's data of a cabinet in the GDPR export and its deletion; the retention of raw data: the sources'
 * payloads kept beside mentions last seen before the cabinet's period are removed (the mention itself stays).
 */
@Component
class MonitoringCabinetData implements CabinetData, Retention.Purge, fr.egide.audit.DataRecipients {

    private static final String SOURCES = "(select id from monitoring_source where cabinet_id = ?)";

    static final List<CabinetTable> TABLES = List.of(
            new CabinetTable("monitoring_search_result", "t.source_id in " + SOURCES),
            new CabinetTable("monitoring_scan", "t.source_id in " + SOURCES),
            new CabinetTable("monitoring_mention_version", "t.mention_id in (select id from monitoring_mention where cabinet_id = ?)"),
            new CabinetTable("monitoring_import_issue", "t.import_id in (select id from monitoring_import where cabinet_id = ?)"),
            CabinetTable.byCabinet("monitoring_mention"),
            CabinetTable.byCabinet("monitoring_import"),
            CabinetTable.byCabinet("monitoring_survey"),
            CabinetTable.byCabinet("monitoring_oauth_state"),
            CabinetTable.byCabinet("monitoring_google_connection"),
            CabinetTable.byCabinet("monitoring_source"));

    private final JdbcClient jdbc;

    MonitoringCabinetData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "monitoring";
    }

    @Override
    public List<CabinetTable> tables() {
        return TABLES;
    }

    @Override
    public List<String> recipients(java.util.UUID cabinetId) {
        var connected = jdbc.sql("select count(*) from monitoring_google_connection where cabinet_id = ? and revoked_at is null")
            .param(cabinetId).query(Long.class).single();
        var kinds = jdbc.sql("select distinct kind from monitoring_source where cabinet_id = ? order by kind").param(cabinetId).query(String.class).list();
        var lines = new java.util.ArrayList<String>();
        if (connected > 0) {
            lines.add("Google (compte Business Profile connecté) : lecture des avis de la fiche, réponses approuvées publiées");
        }
        if (!kinds.isEmpty()) {
            lines.add("sources de veille interrogées (" + String.join(", ", kinds) + ") : le nom du praticien et les adresses suivies");
        }
        return lines;
    }

    @ApplicationModuleListener
    void on(CabinetDeletionRequested event) {
        CabinetData.deleteRows(jdbc, TABLES, event.cabinetId());
    }

    @Override
    public String purge(Retention retention, Instant now) {
        if (retention.rawMonths() == null) {
            return "";
        }
        var cutoff = Timestamp.from(now.atOffset(ZoneOffset.UTC).minusMonths(retention.rawMonths()).toInstant());
        var count = jdbc.sql("update monitoring_mention set raw = null where cabinet_id = ? and raw is not null and last_seen < ?")
            .params(retention.cabinetId(), cutoff).update();
        return count == 0 ? "" : count + " donnée(s) brute(s) de mention";
    }

}
