package fr.egide.replies.internal;

import fr.egide.audit.CabinetData;
import fr.egide.audit.CabinetDeletionRequested;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The replies of a cabinet (drafts, versions, workflow, settings) in the GDPR export, and their deletion. */
@Component
class RepliesCabinetData implements CabinetData {

    private static final String DRAFTS = "(select id from replies_draft where cabinet_id = ?)";

    static final List<CabinetTable> TABLES = List.of(new CabinetTable("replies_event", "t.draft_id in " + DRAFTS),
            new CabinetTable("replies_version", "t.draft_id in " + DRAFTS), CabinetTable.byCabinet("replies_draft"),
            CabinetTable.byCabinet("replies_first_read"), CabinetTable.byCabinet("replies_setting"));

    private final JdbcClient jdbc;

    RepliesCabinetData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String module() {
        return "replies";
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
