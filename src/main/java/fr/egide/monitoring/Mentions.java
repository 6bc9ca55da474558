package fr.egide.monitoring;

import fr.egide.identity.CabinetAccess;
import fr.egide.identity.Permission;
import fr.egide.monitoring.internal.ImportGateway;
import fr.egide.monitoring.internal.MentionRepository;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import fr.egide.system.PageResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The mentions and sources the current user may see. */
@Service
public class Mentions {

    public static final int MAX_PAGE_SIZE = 100;

    private final MentionRepository repository;

    private final CabinetAccess access;

    private final ImportGateway imports;

    private final JsonMapper json;

    Mentions(MentionRepository repository, CabinetAccess access, ImportGateway imports, JsonMapper json) {
        this.repository = repository;
        this.access = access;
        this.imports = imports;
        this.json = json;
    }

    public PageResult<MentionSummary> search(MentionFilter filter, int page, int size) {
        if (page < 0) {
            throw new InvalidRequestException("Le numéro de page commence à 0.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("La taille de page va de 1 à " + MAX_PAGE_SIZE + ".");
        }
        if (filter.from() != null && filter.to() != null && filter.from().isAfter(filter.to())) {
            throw new InvalidRequestException("La date de début est postérieure à la date de fin.");
        }
        for (var label : filter.labels()) {
            if (!MentionLabels.LABEL.matcher(label).matches()) {
                throw new InvalidRequestException("Filtre inconnu : " + label);
            }
        }
        if (filter.cabinetId() != null) {
            access.requireAccess(filter.cabinetId());
        }
        return repository.search(access.cabinetsOfCurrentUser(), filter, page, size);
    }

    public MentionDetail detail(UUID mentionId) {
        return repository.detail(access.cabinetsOfCurrentUser(), mentionId)
            .orElseThrow(() -> refusal(mentionId, Permission.READ));
    }

    @Transactional
    public void changeStatus(UUID mentionId, MentionStatus status) {
        if (!repository.changeStatus(access.cabinetsWith(Permission.TRIAGE), mentionId, status)) {
            throw refusal(mentionId, Permission.TRIAGE);
        }
    }

    /**
     * Why a mention was not found among the cabinets where the user has the permission: "forbidden" when it is in
     * one of their cabinets (their role lacks the right), "not found" otherwise.
     */
    private RuntimeException refusal(UUID mentionId, Permission permission) {
        var cabinet = repository.detail(access.memberCabinets(), mentionId).map(detail -> detail.mention().cabinetId());
        cabinet.ifPresent(id -> access.requireOn(id, "Mention introuvable.", Permission.READ, permission));
        return new NotFoundException("Mention introuvable.");
    }

    public List<Source> sources(UUID cabinetId) {
        access.requireAccess(cabinetId);
        return repository.sources(Set.of(cabinetId));
    }

    public List<Source> sources() {
        return repository.sources(access.cabinetsOfCurrentUser());
    }

    @Transactional
    public Source createSource(UUID cabinetId, SourceKind kind, String name) {
        access.require(cabinetId, Permission.READ, Permission.MANAGE_CABINET);
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new InvalidRequestException("Le nom de la source est obligatoire (120 caractères au plus).");
        }
        if (repository.sourceByName(cabinetId, name.strip()).isPresent()) {
            throw new InvalidRequestException("Une source porte déjà ce nom dans ce cabinet.");
        }
        return repository.insertSource(cabinetId, kind, name.strip());
    }

    /**
     * Records a mention typed in by a user. It goes through the same validation as an imported line (dates,
     * rating, duplicates), so a typed mention and an imported one cannot differ.
     */
    @Transactional
    public ImportReport addManual(UUID cabinetId, ManualMention mention) {
        access.require(cabinetId, Permission.READ, Permission.TRIAGE);
        var sourceName = mention.source().strip();
        repository.ensureSource(cabinetId, SourceKind.MANUAL, sourceName);
        var row = new LinkedHashMap<String, Object>();
        row.put("source", mention.source());
        row.put("url", mention.url());
        row.put("author", mention.author());
        row.put("rating", mention.rating());
        row.put("text", mention.text() == null ? "" : mention.text());
        row.put("date", mention.date());
        var bytes = json.writeValueAsString(row).getBytes(StandardCharsets.UTF_8);
        var report = imports.run(cabinetId, access.currentUser().id(), "saisie-manuelle.jsonl",
                () -> new ByteArrayInputStream(bytes), mention.source());
        if (!report.succeeded()) {
            throw new InvalidRequestException(report.error());
        }
        if (report.rejected() > 0) {
            throw new InvalidRequestException(report.issues().get(0).reason());
        }
        if (report.created() == 0) {
            throw new InvalidRequestException("Cette mention est déjà enregistrée.");
        }
        return report;
    }

    public MentionOverview overview(int latest) {
        var cabinets = access.cabinetsOfCurrentUser();
        var counts = repository.counts(cabinets);
        var recent = repository.search(cabinets, MentionFilter.none(), 0, latest).items();
        return new MentionOverview((Long) counts.get("total"), (Long) counts.get("nouveaux"),
                (Long) counts.get("negatifs"), (java.math.BigDecimal) counts.get("moyenne"),
                repository.figuresBySource(cabinets), recent);
    }

}
