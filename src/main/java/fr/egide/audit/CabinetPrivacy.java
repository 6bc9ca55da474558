package fr.egide.audit;

import fr.egide.identity.CabinetAccess;
import fr.egide.identity.Permission;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cabinet's rights under the GDPR, for its titulaire: the export of all its data (a ZIP of JSON files, one folder
 * per module, with a manifest of SHA-256 digests), its deletion (refused without the cabinet's name typed, and
 * without an explicit acknowledgement while evidence is still needed for an ongoing procedure), and its retention
 * periods. Every act is recorded in the audit log.
 */
@Service
public class CabinetPrivacy {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final JdbcClient jdbc;

    private final CabinetAccess access;

    private final AuditLog audit;

    private final List<CabinetData> modules;

    private final List<ProcedureHolds> holds;

    private final List<CabinetNames> names;

    private final ApplicationEventPublisher events;

    CabinetPrivacy(JdbcClient jdbc, CabinetAccess access, AuditLog audit, List<CabinetData> modules, List<ProcedureHolds> holds,
            List<CabinetNames> names, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.modules = modules;
        this.holds = holds;
        this.names = names;
        this.events = events;
    }

    /**
     * Only a member whose role manages the cabinet (the titulaire) sees the journal and acts on the GDPR: the role
     * table decides, as for every other right; a stranger to the cabinet (an ADMIN_ORG without a cabinet role
     * included) gets "not found".
     */
    /** The journal: the titulaire, and the ADMIN_ORG of the organisation the cabinet consented to (issue 9). */
    public void requireJournalReader(UUID cabinetId) {
        access.requireManagement(cabinetId);
    }

    public void requireTitulaire(UUID cabinetId) {
        access.require(cabinetId, Permission.READ, Permission.MANAGE_CABINET);
    }

    public String cabinetName(UUID cabinetId) {
        return existingName(cabinetId).orElse(cabinetId.toString());
    }

    /** The cabinet's name; empty once the cabinet is deleted. */
    public java.util.Optional<String> existingName(UUID cabinetId) {
        return names.stream().flatMap(n -> n.name(cabinetId).stream()).findFirst();
    }

    /** The archive's files (path → content), in the order they are written. */
    @Transactional(readOnly = true)
    public Map<String, byte[]> exportFiles(UUID cabinetId) {
        requireTitulaire(cabinetId);
        var files = new LinkedHashMap<String, byte[]>();
        for (var module : modules) {
            CabinetData.exportRows(jdbc, module.tables(), cabinetId)
                .forEach((name, json) -> files.put(module.module() + "/" + name, json.getBytes(StandardCharsets.UTF_8)));
            module.extraFiles(cabinetId).forEach((name, content) -> files.put(module.module() + "/" + name, JSON.writeValueAsBytes(content)));
        }
        files.put("audit/audit_entry.json", JSON.writeValueAsBytes(audit.chain(cabinetId.toString())));
        files.put("audit/audit_retention.json", JSON.writeValueAsBytes(retention(cabinetId)));
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("format", "egide-export-rgpd/1");
        manifest.put("cabinet", cabinetId.toString());
        manifest.put("nom", cabinetName(cabinetId));
        manifest.put("exporteLe", Instant.now().toString());
        manifest.put("modules", modules.stream().map(CabinetData::module).toList());
        var digests = new LinkedHashMap<String, String>();
        files.forEach((name, content) -> digests.put(name, sha256(content)));
        manifest.put("fichiers", digests);
        var all = new LinkedHashMap<String, byte[]>();
        all.put("manifest.json", JSON.writeValueAsBytes(manifest));
        all.putAll(files);
        return all;
    }

    /** Writes the export ZIP, recorded in the audit log first. */
    public void export(UUID cabinetId, OutputStream out) throws IOException {
        var files = exportFiles(cabinetId);
        audit.record(cabinetId, AuditAction.EXPORT_RGPD, "cabinet", cabinetId, Map.of("fichiers", Integer.toString(files.size())));
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
    }

    /** What deleting the cabinet would destroy that an ongoing procedure still needs (French sentences). */
    public List<String> deletionWarnings(UUID cabinetId) {
        requireTitulaire(cabinetId);
        var warnings = new ArrayList<String>();
        holds.forEach(hold -> warnings.addAll(hold.holds(cabinetId)));
        return warnings;
    }

    /**
     * Deletes the cabinet in every module (through {@link CabinetDeletionRequested}), once its titulaire typed its
     * name and, while a procedure still needs its evidence, acknowledged the warnings. The audit log keeps a
     * tombstone entry.
     */
    @Transactional
    public void delete(UUID cabinetId, String typedName, boolean warningsAcknowledged) {
        requireTitulaire(cabinetId);
        var name = cabinetName(cabinetId);
        if (typedName == null || !typedName.strip().equals(name.strip())) {
            throw new InvalidRequestException("Pour confirmer la suppression, tapez exactement le nom du cabinet : « " + name + " ».");
        }
        var warnings = deletionWarnings(cabinetId);
        if (!warnings.isEmpty() && !warningsAcknowledged) {
            throw new ConflictException("Des preuves de ce cabinet servent encore à une procédure en cours : " + String.join(" ; ", warnings)
                    + ". Exportez-les d'abord ; pour supprimer quand même, confirmez avoir lu cet avertissement.");
        }
        var facts = new LinkedHashMap<String, String>();
        facts.put("nom", name);
        facts.put("avertissements", Integer.toString(warnings.size()));
        facts.put("modules", String.join(",", modules.stream().map(CabinetData::module).toList()));
        audit.record(cabinetId, AuditAction.SUPPRESSION_CABINET, "cabinet", cabinetId, facts);
        jdbc.sql("delete from audit_retention where cabinet_id = ?").param(cabinetId).update();
        events.publishEvent(new CabinetDeletionRequested(cabinetId, access.currentUser().id()));
    }

    @Transactional(readOnly = true)
    public Retention retention(UUID cabinetId) {
        requireTitulaire(cabinetId);
        return jdbc.sql("select raw_months, closed_months from audit_retention where cabinet_id = ?")
            .param(cabinetId)
            .query((rs, n) -> new Retention(cabinetId, (Integer) rs.getObject(1), (Integer) rs.getObject(2)))
            .optional()
            .orElse(new Retention(cabinetId, null, null));
    }

    @Transactional
    public Retention changeRetention(UUID cabinetId, Integer rawMonths, Integer closedMonths) {
        requireTitulaire(cabinetId);
        for (var months : new Integer[] { rawMonths, closedMonths }) {
            if (months != null && (months < 1 || months > 240)) {
                throw new InvalidRequestException("Une durée de conservation va de 1 à 240 mois (laissez vide pour conserver sans limite).");
            }
        }
        jdbc.sql("""
                insert into audit_retention (cabinet_id, raw_months, closed_months, updated_by) values (?, ?, ?, ?)
                on conflict (cabinet_id) do update set raw_months = excluded.raw_months, closed_months = excluded.closed_months,
                    updated_at = now(), updated_by = excluded.updated_by
                """).params(cabinetId, rawMonths, closedMonths, access.currentUser().id()).update();
        audit.record(cabinetId, AuditAction.PARAMETRES_MODIFIES, "conservation", cabinetId,
                Map.of("donneesBrutesMois", String.valueOf(rawMonths), "dossiersClosMois", String.valueOf(closedMonths)));
        return retention(cabinetId);
    }

    /** Every cabinet with a retention period set, for the retention job. */
    @Transactional(readOnly = true)
    public List<Retention> retentions() {
        return jdbc.sql("select cabinet_id, raw_months, closed_months from audit_retention where raw_months is not null or closed_months is not null")
            .query((rs, n) -> new Retention(rs.getObject(1, UUID.class), (Integer) rs.getObject(2), (Integer) rs.getObject(3)))
            .list();
    }

    /** The modules whose data the export holds. */
    public List<String> modules() {
        return modules.stream().map(CabinetData::module).toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
