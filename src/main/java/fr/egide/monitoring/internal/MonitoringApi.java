package fr.egide.monitoring.internal;

import fr.egide.monitoring.ImportIssue;
import fr.egide.monitoring.ImportReport;
import fr.egide.monitoring.ManualMention;
import fr.egide.monitoring.MentionDetail;
import fr.egide.monitoring.MentionFilter;
import fr.egide.monitoring.MentionImports;
import fr.egide.monitoring.MentionLabelFamily;
import fr.egide.monitoring.MentionStatus;
import fr.egide.monitoring.MentionSummary;
import fr.egide.monitoring.Mentions;
import fr.egide.monitoring.Source;
import fr.egide.monitoring.SourceKind;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of the veille: sources, mentions and imports, limited to the caller's cabinets. */
@RestController
@RequestMapping("/api/v1")
@SecurityRequirement(name = "bearer")
class MonitoringApi {

    private final Mentions mentions;

    private final MentionImports imports;

    private final List<MentionLabelFamily> labelFamilies;

    MonitoringApi(Mentions mentions, MentionImports imports, List<MentionLabelFamily> labelFamilies) {
        this.mentions = mentions;
        this.imports = imports;
        this.labelFamilies = List.copyOf(labelFamilies);
    }

    /** A page of mentions; {@code totalItems} counts them all. */
    record MentionPage(List<MentionSummary> items, int page, int size, long totalItems, int totalPages) {

        static MentionPage of(PageResult<MentionSummary> result) {
            return new MentionPage(result.items(), result.page(), result.size(), result.totalItems(),
                    result.totalPages());
        }

    }

    @GetMapping("/mentions")
    @Tag(name = "Mentions")
    @Operation(summary = "Lister les mentions", description = "Paginé (page à partir de 0, size de 1 à 100), "
            + "filtrable, limité aux cabinets de l'appelant. q : recherche plein texte en français.")
    MentionPage mentions(@RequestParam(required = false) UUID cabinetId,
            @RequestParam(required = false) UUID sourceId, @RequestParam(required = false) Integer minRating,
            @RequestParam(required = false) Integer maxRating,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) MentionStatus status,
            @Parameter(description = "Mots recherchés (recherche plein texte française)") @RequestParam(
                    required = false) String q,
            @Parameter(description = "Qualification donnée par l'analyse : LICITE_PROBABLE, A_EXAMINER ou "
                    + "ILLICITE_PROBABLE (des indices, pas un verdict)") @RequestParam(required = false) String qualification,
            @Parameter(description = "Type d'indice relevé par l'analyse : INJURE, DIFFAMATION, DENIGREMENT, HAINE, "
                    + "VIE_PRIVEE, MENACE, DONNEES_SANTE") @RequestParam(required = false) String indicator,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        var labels = new ArrayList<String>();
        addLabel(labels, "qualification", qualification);
        addLabel(labels, "indice", indicator);
        var filter = new MentionFilter(cabinetId, sourceId, minRating, maxRating, from, to, status, q, labels);
        return MentionPage.of(mentions.search(filter, page, size));
    }

    private void addLabel(List<String> labels, String family, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        var known = labelFamilies.stream().filter(f -> f.family().equals(family)).findFirst()
            .orElseThrow(() -> new InvalidRequestException("Ce filtre n'est pas disponible : l'analyse n'est pas active."));
        labels.add(known.label(value.strip()));
    }

    @GetMapping("/mentions/{id}")
    @Tag(name = "Mentions")
    @Operation(summary = "Une mention avec toutes ses versions et ses données brutes")
    MentionDetail mention(@PathVariable UUID id) {
        return mentions.detail(id);
    }

    record StatusChange(@NotNull MentionStatus status) {
    }

    @PutMapping("/mentions/{id}/status")
    @Tag(name = "Mentions")
    @Operation(summary = "Changer le statut d'une mention (NOUVEAU, LU, ARCHIVE)")
    ResponseEntity<Void> status(@PathVariable UUID id, @Valid @RequestBody StatusChange change) {
        mentions.changeStatus(id, change.status());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/cabinets/{cabinetId}/mentions")
    @Tag(name = "Mentions")
    @Operation(summary = "Saisir une mention à la main")
    ResponseEntity<ImportReport> addMention(@PathVariable UUID cabinetId, @Valid @RequestBody ManualMention mention) {
        return ResponseEntity.status(HttpStatus.CREATED).body(mentions.addManual(cabinetId, mention));
    }

    @GetMapping("/sources")
    @Tag(name = "Sources")
    @Operation(summary = "Les sources des cabinets de l'appelant")
    List<Source> sources(@RequestParam(required = false) UUID cabinetId) {
        return cabinetId == null ? mentions.sources() : mentions.sources(cabinetId);
    }

    record NewSource(@NotNull UUID cabinetId, @NotBlank String name, SourceKind kind) {
    }

    @PostMapping("/sources")
    @Tag(name = "Sources")
    @Operation(summary = "Créer une source (IMPORT ou MANUAL)")
    ResponseEntity<Source> createSource(@Valid @RequestBody NewSource source) {
        var created = mentions.createSource(source.cabinetId(),
                source.kind() == null ? SourceKind.MANUAL : source.kind(), source.name());
        return ResponseEntity.created(URI.create("/api/v1/sources?cabinetId=" + created.cabinetId())).body(created);
    }

    @PostMapping(value = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Tag(name = "Imports")
    @Operation(summary = "Importer un fichier d'avis (CSV, JSON ou JSON Lines)",
            description = "Colonnes : source, external_id, url, author, rating, text, date. Toutes les lignes "
                    + "valides sont enregistrées, chaque ligne refusée est listée avec sa raison ; un fichier "
                    + "illisible n'enregistre rien (status ECHEC). Réimporter le même fichier ne crée aucun doublon.")
    ResponseEntity<ImportReport> importFile(@RequestParam UUID cabinetId,
            @RequestParam(required = false) String defaultSource, @RequestPart("file") MultipartFile file) {
        if (file.isEmpty()) {
            throw new InvalidRequestException("Le fichier envoyé est vide.");
        }
        var report = imports.importFile(cabinetId, file.getOriginalFilename(), () -> {
            try {
                return file.getInputStream();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, defaultSource);
        var status = report.succeeded() ? HttpStatus.CREATED : HttpStatus.UNPROCESSABLE_CONTENT;
        return ResponseEntity.status(status).location(URI.create("/api/v1/imports/" + report.id())).body(report);
    }

    @GetMapping("/imports")
    @Tag(name = "Imports")
    @Operation(summary = "Les derniers imports des cabinets de l'appelant (50 au plus)")
    List<ImportReport> imports() {
        return imports.latest(50);
    }

    @GetMapping("/imports/{id}")
    @Tag(name = "Imports")
    @Operation(summary = "Le rapport d'un import")
    ImportReport importReport(@PathVariable UUID id) {
        return imports.report(id);
    }

    @GetMapping("/imports/{id}/issues")
    @Tag(name = "Imports")
    @Operation(summary = "Les lignes refusées ou en double d'un import, page par page")
    PageResult<ImportIssue> importIssues(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return imports.issues(id, page, size);
    }

}
