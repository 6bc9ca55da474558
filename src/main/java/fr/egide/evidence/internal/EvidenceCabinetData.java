package fr.egide.evidence.internal;

import fr.egide.audit.CabinetData;
import fr.egide.audit.CabinetDeletionRequested;
import fr.egide.evidence.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cabinet's captures in the GDPR export — their rows and each sealed bundle's manifest (the files with their
 * SHA-256), not the bundles themselves, which are downloaded one by one with their chain of custody — and their
 * deletion, bundle files included. The chain of custody (insert-only, by capture id) is kept.
 */
@Component
class EvidenceCabinetData implements CabinetData {

    private static final Logger log = LoggerFactory.getLogger(EvidenceCabinetData.class);

    static final List<CabinetTable> TABLES = List.of(
            new CabinetTable("evidence_share", "t.capture_id in (select id from evidence_capture where cabinet_id = ?)"),
            CabinetTable.byCabinet("evidence_watch"), CabinetTable.byCabinet("evidence_capture"));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    private final Path storage;

    EvidenceCabinetData(JdbcClient jdbc, EvidenceSettings settings, @Value("${egide.home}") Path home) {
        this.jdbc = jdbc;
        this.storage = settings.storage() != null ? settings.storage() : home.resolve("preuves");
    }

    @Override
    public String module() {
        return "evidence";
    }

    @Override
    public List<CabinetTable> tables() {
        return TABLES;
    }

    @Override
    public Map<String, Object> extraFiles(UUID cabinetId) {
        var manifests = new LinkedHashMap<String, Object>();
        for (var row : bundles(cabinetId)) {
            try (var zip = new ZipFile(storage.resolve(row[1]).toFile())) {
                var entry = zip.getEntry(Manifest.NAME);
                if (entry != null) {
                    try (var in = zip.getInputStream(entry)) {
                        manifests.put(row[0], JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
            catch (IOException ex) {
                manifests.put(row[0], "lot illisible : " + ex.getMessage());
            }
        }
        return Map.of("manifestes.json", manifests);
    }

    @ApplicationModuleListener
    void on(CabinetDeletionRequested event) {
        var files = bundles(event.cabinetId());
        CabinetData.deleteRows(jdbc, TABLES, event.cabinetId());
        for (var row : files) {
            try {
                Files.deleteIfExists(storage.resolve(row[1]));
            }
            catch (IOException ex) {
                log.warn("Lot {} du cabinet supprimé non effacé du disque ({}) : {}", row[0], row[1], ex.getMessage());
            }
        }
    }

    private List<String[]> bundles(UUID cabinetId) {
        return jdbc.sql("select id, bundle_file from evidence_capture where cabinet_id = ? and bundle_file is not null")
            .param(cabinetId)
            .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
            .list();
    }

}
