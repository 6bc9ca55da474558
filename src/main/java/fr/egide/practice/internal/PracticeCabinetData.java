package fr.egide.practice.internal;

import fr.egide.audit.CabinetData;
import fr.egide.audit.CabinetDeletionRequested;
import fr.egide.audit.CabinetNames;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The cabinet and its practitioners in the GDPR export, their deletion, and the cabinet's name for the confirmation. */
@Component
class PracticeCabinetData implements CabinetData, CabinetNames {

    static final List<CabinetTable> TABLES = List.of(CabinetTable.byCabinet("practice_practitioner"),
            new CabinetTable("practice_cabinet", "t.id = ?"));

    private final JdbcClient jdbc;

    PracticeCabinetData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "practice";
    }

    @Override
    public List<CabinetTable> tables() {
        return TABLES;
    }

    @Override
    public Optional<String> name(UUID cabinetId) {
        return jdbc.sql("select name from practice_cabinet where id = ?").param(cabinetId).query(String.class).optional();
    }

    @ApplicationModuleListener
    void on(CabinetDeletionRequested event) {
        CabinetData.deleteRows(jdbc, TABLES, event.cabinetId());
    }

}
