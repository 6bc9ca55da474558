package fr.egide.alerts.internal;

import fr.egide.audit.CabinetData;
import fr.egide.audit.CabinetDeletionRequested;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The alerts of a cabinet and its webhook in the GDPR export (the webhook's secret stays encrypted), and their deletion. */
@Component
class AlertsCabinetData implements CabinetData, fr.egide.audit.DataRecipients {

    private static final String ALERTS = "(select id from alerts_alert where cabinet_id = ?)";

    static final List<CabinetTable> TABLES = List.of(
            new CabinetTable("alerts_webhook_attempt", "t.delivery_id in (select id from alerts_delivery where alert_id in " + ALERTS + ")"),
            new CabinetTable("alerts_delivery", "t.alert_id in " + ALERTS), CabinetTable.byCabinet("alerts_alert"),
            CabinetTable.byCabinet("alerts_webhook"));

    private final JdbcClient jdbc;

    AlertsCabinetData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "alerts";
    }

    @Override
    public List<CabinetTable> tables() {
        return TABLES;
    }

    @Override
    public List<String> recipients(java.util.UUID cabinetId) {
        return jdbc.sql("select url from alerts_webhook where cabinet_id = ?").param(cabinetId).query(String.class).list().stream()
            .map(url -> "webhook " + java.net.URI.create(url).getHost() + " : les alertes du cabinet (titre, lien, type), signées HMAC-SHA256")
            .toList();
    }

    @ApplicationModuleListener
    void on(CabinetDeletionRequested event) {
        CabinetData.deleteRows(jdbc, TABLES, event.cabinetId());
    }

}
