package fr.egide.monitoring.internal;

import fr.egide.monitoring.ImportIssue;
import fr.egide.monitoring.ImportReport;
import fr.egide.system.PageResult;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Lets the module's API reach the import engine while the engine stays package-private. */
@Component
public class ImportGateway {

    private final ImportEngine engine;

    private final ImportReports reports;

    ImportGateway(ImportEngine engine, ImportReports reports) {
        this.engine = engine;
        this.reports = reports;
    }

    public ImportReport run(UUID cabinetId, UUID userId, String fileName, Supplier<InputStream> content,
            String defaultSource) {
        return engine.run(new ImportEngine.Request(cabinetId, userId, fileName, content, defaultSource));
    }

    public Optional<ImportReport> report(UUID importId) {
        return reports.find(importId, ImportReports.FIRST_ISSUES);
    }

    public PageResult<ImportIssue> issues(UUID importId, int page, int size) {
        return reports.issues(importId, Math.max(page, 0), Math.min(Math.max(size, 1), 500));
    }

    public List<ImportReport> latest(Collection<UUID> cabinetIds, int limit) {
        return reports.latest(cabinetIds, limit);
    }

}
