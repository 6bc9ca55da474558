package fr.egide.monitoring;

import fr.egide.identity.CabinetAccess;
import fr.egide.identity.Permission;
import fr.egide.monitoring.internal.ImportGateway;
import fr.egide.system.NotFoundException;
import fr.egide.system.PageResult;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/** Imports review files (CSV, JSON, JSON Lines) into a cabinet, and reads back what each import did. */
@Service
public class MentionImports {

    private final ImportGateway gateway;

    private final CabinetAccess access;

    MentionImports(ImportGateway gateway, CabinetAccess access) {
        this.gateway = gateway;
        this.access = access;
    }

    /**
     * Imports a file for a cabinet of the current user.
     *
     * @param content opens the file; called more than once (the encoding is checked before reading)
     * @param defaultSource source name for lines whose "source" column is empty or absent
     */
    public ImportReport importFile(UUID cabinetId, String fileName, Supplier<InputStream> content,
            String defaultSource) {
        access.require(cabinetId, Permission.READ, Permission.TRIAGE);
        return gateway.run(cabinetId, access.currentUser().id(), fr.egide.system.FileNames.baseName(fileName, "import"), content, defaultSource);
    }

    /** Imports without a signed-in user: for the demo loader and benchmarks only. */
    public ImportReport importFileAsSystem(UUID cabinetId, String fileName, Supplier<InputStream> content,
            String defaultSource) {
        return gateway.run(cabinetId, null, fr.egide.system.FileNames.baseName(fileName, "import"), content, defaultSource);
    }

    public ImportReport report(UUID importId) {
        var report = gateway.report(importId).orElseThrow(() -> new NotFoundException("Import introuvable."));
        access.requireOn(report.cabinetId(), "Import introuvable.", Permission.READ);
        return report;
    }

    public PageResult<ImportIssue> issues(UUID importId, int page, int size) {
        report(importId);
        return gateway.issues(importId, page, size);
    }

    public List<ImportReport> latest(int limit) {
        return gateway.latest(access.cabinetsOfCurrentUser(), limit);
    }

}
