package fr.egide.cases.internal;

import fr.egide.audit.CabinetData;
import fr.egide.audit.CabinetDeletionRequested;
import fr.egide.audit.ProcedureHolds;
import fr.egide.audit.Retention;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cabinet's dossiers in the GDPR export and their deletion; what an ongoing procedure still needs (open dossiers,
 * deadlines not passed); and the retention of closed dossiers, erased whole (timeline included) once past it.
 */
@Component
class CasesCabinetData implements CabinetData, ProcedureHolds, Retention.Purge {

    private static final String DOSSIERS = "(select id from cases_dossier where cabinet_id = ?)";

    private static final List<String> CHILDREN = List.of("cases_timeline", "cases_deadline", "cases_letter", "cases_evidence",
            "cases_indicator_decision", "cases_dossier_mention");

    static final List<CabinetTable> TABLES;

    static {
        var tables = new ArrayList<CabinetTable>();
        CHILDREN.forEach(table -> tables.add(new CabinetTable(table, "t.dossier_id in " + DOSSIERS)));
        tables.add(CabinetTable.byCabinet("cases_dossier"));
        TABLES = List.copyOf(tables);
    }

    private final JdbcClient jdbc;

    CasesCabinetData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "cases";
    }

    @Override
    public List<CabinetTable> tables() {
        return TABLES;
    }

    @Override
    public List<String> holds(UUID cabinetId) {
        var holds = new ArrayList<String>();
        jdbc.sql("select reference, title from cases_dossier where cabinet_id = ? and closed_at is null order by reference")
            .param(cabinetId)
            .query((rs, n) -> "dossier " + rs.getString(1) + " (« " + rs.getString(2) + " ») encore ouvert")
            .list()
            .forEach(holds::add);
        var today = LocalDate.now(ZoneId.of("Europe/Paris"));
        jdbc.sql("""
                select d.reference, min(l.due_date) from cases_deadline l join cases_dossier d on d.id = l.dossier_id
                where d.cabinet_id = ? and l.due_date >= ? group by d.reference order by d.reference
                """)
            .params(cabinetId, today)
            .query((rs, n) -> "délai légal du dossier " + rs.getString(1) + " non échu (jusqu'au " + rs.getObject(2, LocalDate.class) + ")")
            .list()
            .forEach(holds::add);
        return holds;
    }

    @ApplicationModuleListener
    void on(CabinetDeletionRequested event) {
        allowErasure();
        CabinetData.deleteRows(jdbc, TABLES, event.cabinetId());
    }

    @Override
    @Transactional
    public String purge(Retention retention, Instant now) {
        if (retention.closedMonths() == null) {
            return "";
        }
        var cutoff = Timestamp.from(now.atOffset(ZoneOffset.UTC).minusMonths(retention.closedMonths()).toInstant());
        var ids = jdbc.sql("select id from cases_dossier where cabinet_id = ? and closed_at is not null and closed_at < ?")
            .params(retention.cabinetId(), cutoff)
            .query(UUID.class)
            .list();
        if (ids.isEmpty()) {
            return "";
        }
        allowErasure();
        var array = "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
        for (var table : CHILDREN) {
            jdbc.sql("delete from " + table + " where dossier_id = any(cast(? as uuid[]))").param(array).update();
        }
        jdbc.sql("delete from cases_dossier where id = any(cast(? as uuid[]))").param(array).update();
        return ids.size() + " dossier(s) clos";
    }

    /** The timeline refuses deletion except in a transaction that erases whole dossiers (cases V2). */
    private void allowErasure() {
        jdbc.sql("select set_config('egide.effacement', 'dossier', true)").query().singleRow();
    }

}
