package fr.egide.cases.internal;

import fr.egide.cases.DossierLetters;
import fr.egide.cases.Dossiers;
import fr.egide.letters.LetterDraft;
import fr.egide.letters.LetterType;
import fr.egide.letters.Paragraph;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The letters of a dossier: write (or preview), read, edit, download as PDF or DOCX, record the sending. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Courriers", description = "Les courriers d'un dossier, pré-remplis, vérifiés (éléments obligatoires, secret médical), et leur envoi")
@SecurityRequirement(name = "bearer")
class DossierLettersApi {

    private final DossierLetters letters;

    private final Dossiers dossiers;

    DossierLettersApi(DossierLetters letters, Dossiers dossiers) {
        this.letters = letters;
        this.dossiers = dossiers;
    }

    /** A letter as the API shows it. */
    record LetterBody(UUID id, UUID dossierId, LetterType type, String title, java.time.Instant createdAt, LocalDate sentOn, String channel,
            String registeredNumber, boolean edited, LetterDraft draft) {

        static LetterBody of(DossierLetters.StoredLetter letter) {
            return new LetterBody(letter.id(), letter.dossierId(), letter.type(), letter.title(), letter.createdAt(), letter.sentOn(),
                    letter.channel(), letter.registeredNumber(), letter.edited(), letter.draft());
        }

    }

    record Sending(LocalDate sentOn, String channel, String registeredNumber) {
    }

    record Edit(List<Paragraph> paragraphs) {
    }

    @GetMapping("/dossiers/{id}/letters")
    @Operation(summary = "Les courriers du dossier")
    List<LetterBody> list(@PathVariable UUID id) {
        return letters.list(id).stream().map(LetterBody::of).toList();
    }

    @PostMapping("/dossiers/{id}/letters/preview")
    @Operation(summary = "Le courrier tel qu'il serait rédigé maintenant, sans rien enregistrer (éléments obligatoires, avertissements, secret)")
    LetterDraft preview(@PathVariable UUID id, @RequestBody DossierLetters.LetterRequest body) {
        return letters.preview(id, body);
    }

    @PostMapping("/dossiers/{id}/letters")
    @Operation(summary = "Rédiger et conserver un courrier (refusé sans preuve pour un signalement, sans confirmation après un avertissement, "
            + "ou s'il révèle une relation de soins)")
    ResponseEntity<LetterBody> generate(@PathVariable UUID id, @RequestBody DossierLetters.LetterRequest body) {
        var letter = letters.generate(id, body);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + id + "/letters/" + letter.id())).body(LetterBody.of(letter));
    }

    @GetMapping("/dossiers/{id}/letters/{letterId}")
    @Operation(summary = "Un courrier du dossier")
    LetterBody get(@PathVariable UUID id, @PathVariable UUID letterId) {
        return LetterBody.of(letters.letter(id, letterId));
    }

    @PutMapping("/dossiers/{id}/letters/{letterId}/paragraphs")
    @Operation(summary = "Remplacer les paragraphes du courrier (vérifiés de nouveau) ; un courrier envoyé ne change plus")
    LetterBody edit(@PathVariable UUID id, @PathVariable UUID letterId, @RequestBody Edit body) {
        return LetterBody.of(letters.edit(id, letterId, body == null ? null : body.paragraphs()));
    }

    @PostMapping("/dossiers/{id}/letters/{letterId}/sending")
    @Operation(summary = "Enregistrer l'envoi (date, mode : LRAR, EMAIL, FORMULAIRE, COMMISSAIRE, REMISE ; numéro de recommandé), "
            + "qui ouvre le délai de réponse")
    LetterBody sent(@PathVariable UUID id, @PathVariable UUID letterId, @RequestBody Sending body) {
        return LetterBody.of(letters.recordSending(id, letterId, body.sentOn(), LetterController.channel(body.channel()), body.registeredNumber()));
    }

    @GetMapping(path = "/dossiers/{id}/letters/{letterId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le courrier en PDF")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID letterId) {
        var letter = letters.letter(id, letterId);
        return LetterController.file(DossierLetters.fileName(dossiers.get(id).reference(), letter, "pdf"), MediaType.APPLICATION_PDF,
                letters.pdf(id, letterId));
    }

    @GetMapping("/dossiers/{id}/letters/{letterId}/docx")
    @Operation(summary = "Le courrier en DOCX modifiable")
    ResponseEntity<byte[]> docx(@PathVariable UUID id, @PathVariable UUID letterId) {
        var letter = letters.letter(id, letterId);
        return LetterController.file(DossierLetters.fileName(dossiers.get(id).reference(), letter, "docx"), LetterController.DOCX,
                letters.docx(id, letterId));
    }

}
