package fr.egide.cases.internal;

import fr.egide.cases.DossierLetters;
import fr.egide.cases.Dossiers;
import fr.egide.letters.LetterType;
import fr.egide.letters.Paragraph;
import fr.egide.letters.ParagraphKind;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The letters of a dossier in the web pages: written from the dossier's own page (one form: the letter, whom it
 * goes to, what only the user knows), then read, edited paragraph by paragraph, downloaded as PDF or DOCX, and
 * marked as sent. A refused letter comes back to the form with its French reason and what was typed.
 */
@Controller
class LetterController {

    private final DossierLetters letters;

    private final Dossiers dossiers;

    LetterController(DossierLetters letters, Dossiers dossiers) {
        this.letters = letters;
        this.dossiers = dossiers;
    }

    @PostMapping("/dossiers/{id}/courriers")
    String generate(@PathVariable UUID id, @RequestParam(required = false) String type, @RequestParam(required = false) String recipientName,
            @RequestParam(required = false) String recipientAddress, @RequestParam(required = false) String recipientEmail,
            @RequestParam(required = false) String lawyerName, @RequestParam(required = false) String publicFacts,
            @RequestParam(required = false) String replyText, @RequestParam(required = false) String searchQuery,
            @RequestParam(required = false) String stepsTaken, @RequestParam(required = false) String authorCopy,
            @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        var request = new DossierLetters.LetterRequest(null, recipientName, lines(recipientAddress), recipientEmail, lawyerName, publicFacts,
                replyText, searchQuery, stepsTaken, authorCopy, confirmed);
        try {
            request = new DossierLetters.LetterRequest(type(type), recipientName, request.recipientAddress(), recipientEmail, lawyerName,
                    publicFacts, replyText, searchQuery, stepsTaken, authorCopy, confirmed);
            letters.generate(id, request);
            // Back to the dossier: the letter is listed there (to read, edit, download), beside the next steps.
            redirect.addFlashAttribute("info", "courrier.genere");
            return "redirect:/dossiers/" + id + "#courriers";
        }
        catch (InvalidRequestException | ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
            redirect.addFlashAttribute("letterForm", request);
            redirect.addFlashAttribute("letterAddress", recipientAddress);
            return "redirect:/dossiers/" + id + "#courriers";
        }
    }

    @GetMapping("/dossiers/{id}/courriers/{letterId}")
    String page(@PathVariable UUID id, @PathVariable UUID letterId, Model model) {
        var dossier = dossiers.get(id);
        model.addAttribute("d", dossier);
        model.addAttribute("letter", letters.letter(id, letterId));
        model.addAttribute("kinds", ParagraphKind.values());
        model.addAttribute("channels", DossierLetters.Channel.values());
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Europe/Paris")));
        return "cases/courrier";
    }

    @PostMapping("/dossiers/{id}/courriers/{letterId}")
    String edit(@PathVariable UUID id, @PathVariable UUID letterId, @RequestParam(name = "kind", required = false) List<String> kinds,
            @RequestParam(name = "text", required = false) List<String> texts, RedirectAttributes redirect) {
        try {
            var paragraphs = new ArrayList<Paragraph>();
            var k = kinds == null ? List.<String>of() : kinds;
            var t = texts == null ? List.<String>of() : texts;
            if (k.size() != t.size()) {
                throw new InvalidRequestException("Le formulaire du courrier est incomplet : rechargez la page et recommencez.");
            }
            for (int i = 0; i < t.size(); i++) {
                paragraphs.add(new Paragraph(kind(k.get(i)), t.get(i) == null ? "" : t.get(i)));
            }
            letters.edit(id, letterId, paragraphs);
            redirect.addFlashAttribute("info", "courrier.modifie");
        }
        catch (InvalidRequestException | ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/dossiers/" + id + "/courriers/" + letterId;
    }

    @PostMapping("/dossiers/{id}/courriers/{letterId}/envoi")
    String sent(@PathVariable UUID id, @PathVariable UUID letterId, @RequestParam(required = false) String sentOn,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String registeredNumber, RedirectAttributes redirect) {
        try {
            letters.recordSending(id, letterId, date(sentOn), channel(channel), registeredNumber);
            redirect.addFlashAttribute("info", "courrier.envoi.enregistre");
        }
        catch (InvalidRequestException | ConflictException ex) {
            redirect.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/dossiers/" + id + "/courriers/" + letterId;
    }

    @GetMapping("/dossiers/{id}/courriers/{letterId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable UUID letterId) {
        var letter = letters.letter(id, letterId);
        return file(DossierLetters.fileName(dossiers.get(id).reference(), letter, "pdf"), MediaType.APPLICATION_PDF, letters.pdf(id, letterId));
    }

    @GetMapping("/dossiers/{id}/courriers/{letterId}/docx")
    ResponseEntity<byte[]> docx(@PathVariable UUID id, @PathVariable UUID letterId) {
        var letter = letters.letter(id, letterId);
        return file(DossierLetters.fileName(dossiers.get(id).reference(), letter, "docx"), DOCX, letters.docx(id, letterId));
    }

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    static ResponseEntity<byte[]> file(String name, MediaType type, byte[] content) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
            .header("X-Content-Type-Options", "nosniff").body(content);
    }

    static LetterType type(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LetterType.valueOf(value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException("Courrier inconnu : « " + value + " ». Choisissez parmi : " + Arrays.stream(LetterType.values())
                .map(LetterType::label).reduce((a, b) -> a + ", " + b).orElse("") + ".");
        }
    }

    static DossierLetters.Channel channel(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DossierLetters.Channel.valueOf(value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidRequestException("Mode d'envoi inconnu : « " + value + " ».");
        }
    }

    static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException ex) {
            throw new InvalidRequestException("Date d'envoi illisible : « " + value + " » (attendu : AAAA-MM-JJ).");
        }
    }

    private static ParagraphKind kind(String value) {
        try {
            return ParagraphKind.valueOf(value);
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            throw new InvalidRequestException("Le formulaire du courrier est incomplet : rechargez la page et recommencez.");
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

}
