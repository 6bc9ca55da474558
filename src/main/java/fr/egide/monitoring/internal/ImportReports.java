package fr.egide.monitoring.internal;

import fr.egide.monitoring.ImportIssue;
import fr.egide.monitoring.ImportReport;
import fr.egide.system.PageResult;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads back what imports did. */
@Repository
public class ImportReports {

    public static final int FIRST_ISSUES = 100;

    private final JdbcClient jdbc;

    ImportReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ImportReport> find(UUID importId, int issues) {
        var first = issues(importId, 0, issues).items();
        return jdbc.sql("select * from monitoring_import where id = ?")
            .param(importId)
            .query((rs, row) -> map(rs, first))
            .optional();
    }

    public PageResult<ImportIssue> issues(UUID importId, int page, int size) {
        var items = jdbc.sql("""
                select line_no, kind, reason, excerpt from monitoring_import_issue
                where import_id = ? order by seq limit ? offset ?
                """)
            .params(importId, size, (long) page * size)
            .query((rs, row) -> new ImportIssue(rs.getLong("line_no"), rs.getString("kind"), rs.getString("reason"),
                    rs.getString("excerpt")))
            .list();
        var total = jdbc.sql("select count(*) from monitoring_import_issue where import_id = ?")
            .param(importId)
            .query(Long.class)
            .single();
        return new PageResult<>(items, page, size, total);
    }

    public List<ImportReport> latest(Collection<UUID> cabinetIds, int limit) {
        if (cabinetIds.isEmpty()) {
            return List.of();
        }
        // Pages stored by connector scans are listed with their source, not among the imported files.
        return jdbc.sql("select * from monitoring_import where cabinet_id in (:ids) and format is distinct from 'CONNECTEUR' order by started_at desc limit :limit")
            .param("ids", cabinetIds)
            .param("limit", limit)
            .query((rs, row) -> map(rs, List.of()))
            .list();
    }

    private static ImportReport map(ResultSet rs, List<ImportIssue> issues) throws SQLException {
        return new ImportReport(rs.getObject("id", UUID.class), rs.getObject("cabinet_id", UUID.class),
                rs.getString("file_name"), rs.getString("format"), rs.getString("charset"), rs.getString("status"),
                rs.getString("error"), strings(rs.getArray("warnings")), rs.getLong("total_rows"),
                rs.getLong("created"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("duplicates"),
                rs.getLong("rejected"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), issues);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

}
