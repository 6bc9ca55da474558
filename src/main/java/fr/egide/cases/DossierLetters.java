package fr.egide.cases;

import fr.egide.analysis.IndicatorType;
import fr.egide.identity.CabinetAccess;
import fr.egide.identity.Permission;
import fr.egide.letters.Addressee;
import fr.egide.letters.LegalQualification;
import fr.egide.letters.LetterContext;
import fr.egide.letters.LetterDraft;
import fr.egide.letters.LetterType;
import fr.egide.letters.LetterWarning;
import fr.egide.letters.Letters;
import fr.egide.letters.Paragraph;
import fr.egide.practice.Cabinet;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.Practitioner;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The letters of a dossier: written by the letters module from what the dossier knows (mentions, evidence, the
 * user's qualification and accepted indicators, deadlines, strategy, the practitioner and the cabinet's insurance),
 * kept with the exact context they were written from (so the PDF and DOCX downloaded later are the same letter),
 * editable paragraph by paragraph (checked again for mandatory elements and medical secrecy), and sent: the record
 * of sending (date, channel, registered-letter number) opens the deadline for the answer.
 */
@Service
public class DossierLetters {

    private final fr.egide.audit.AuditLog audit;

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** How a letter went out. */
    public enum Channel {
        LRAR("lettre recommandée avec accusé de réception"), EMAIL("courrier électronique"), FORMULAIRE("formulaire en ligne de la plateforme"),
        COMMISSAIRE("signification par commissaire de justice"), REMISE("remise en main propre");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

    }

    /**
     * What the user adds to what the dossier knows, each optional (a letter that needs one says which).
     *
     * @param recipientAddress one line each
     * @param confirmed the user read the warnings that ask for a confirmation (notifying probably lawful content)
     */
    public record LetterRequest(LetterType type, String recipientName, List<String> recipientAddress, String recipientEmail,
            String lawyerName, String publicFacts, String replyText, String searchQuery, String stepsTaken, String authorCopy,
            boolean confirmed) {
    }

    /** A stored letter with its draft as it reads now (the user's paragraphs when edited). */
    public record StoredLetter(UUID id, UUID dossierId, LetterType type, String title, java.time.Instant createdAt, LocalDate sentOn,
            String channel, String registeredNumber, boolean edited, LetterDraft draft) {

        public boolean sent() {
            return sentOn != null;
        }

    }

    private final JdbcClient jdbc;

    private final Dossiers dossiers;

    private final Letters letters;

    private final PracticeManagement practice;

    private final CabinetAccess access;

    private final JsonMapper json;

    private final DeadlineRules rules = DeadlineRules.standard();

    private final Clock clock = Clock.systemUTC();

    DossierLetters(JdbcClient jdbc, Dossiers dossiers, Letters letters, PracticeManagement practice, CabinetAccess access, JsonMapper json,
            fr.egide.audit.AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.letters = letters;
        this.practice = practice;
        this.access = access;
        this.json = json;
    }

    // ------------------------------------------------------------------ writing

    /** The letter as it would be written now, nothing stored: for the form's preview and the API's dry run. */
    public LetterDraft preview(UUID dossierId, LetterRequest request) {
        var row = dossiers.open(dossierId, Permission.DRAFT_LETTER);
        return letters.draft(type(request), context(row, request));
    }

    /**
     * Writes and keeps a letter. Refused, with nothing stored, when the dossier is closed, when a platform notice has
     * no evidence to rest on, when a value the letter needs is missing, when its wording would reveal a care
     * relationship or a health detail, or when a warning asks for a confirmation the user did not give.
     */
    @Transactional
    public StoredLetter generate(UUID dossierId, LetterRequest request) {
        var row = dossiers.open(dossierId, Permission.DRAFT_LETTER);
        var type = type(request);
        if (type == LetterType.SIGNALEMENT_PLATEFORME && dossiers.evidenceCount(dossierId) == 0) {
            throw new ConflictException("Pas de signalement sans preuve : joignez d'abord au dossier une capture scellée ou une capture "
                    + "d'écran du contenu, la plateforme (et plus tard le juge) doit pouvoir constater ce que vous signalez.");
        }
        var context = context(row, request);
        var draft = letters.draft(type, context);
        if (draft.blocked()) {
            throw new InvalidRequestException(draft.blockedMessage());
        }
        requireConfirmation(draft, request.confirmed());
        var id = UUID.randomUUID();
        var user = access.currentUser();
        jdbc.sql("insert into cases_letter (id, dossier_id, type, title, content, created_by) values (?, ?, ?, ?, cast(? as jsonb), ?)")
            .params(id, dossierId, type.name(), draft.title(), content(context, null, request.confirmed()), user.id()).update();
        var warned = draft.warnings().stream().filter(LetterWarning::confirmationRequired).map(LetterWarning::code).toList();
        dossiers.log(dossierId, "COURRIER", "Courrier rédigé : " + draft.title() + (warned.isEmpty() ? "" : " (avertissement lu et confirmé : "
                + String.join(", ", warned) + ")"));
        dossiers.advanceIfAt(dossierId, DossierStage.STRATEGIE, DossierStage.ACTIONS, "premier courrier");
        audit.record(row.cabinetId(), fr.egide.audit.AuditAction.COURRIER_GENERE, "courrier", id,
                java.util.Map.of("dossier", dossierId.toString(), "type", type.name()));
        return letter(dossierId, id);
    }

    /** Replaces the letter's paragraphs with the user's, checked again; a letter already sent no longer changes. */
    @Transactional
    public StoredLetter edit(UUID dossierId, UUID letterId, List<Paragraph> paragraphs) {
        dossiers.open(dossierId, Permission.DRAFT_LETTER);
        var stored = stored(dossierId, letterId);
        if (stored.sentOn() != null) {
            throw new ConflictException("Ce courrier a été envoyé le " + FrenchDate.of(stored.sentOn()) + " : il est conservé tel qu'il est parti. "
                    + "Rédigez-en un nouveau si besoin.");
        }
        if (paragraphs == null || paragraphs.stream().noneMatch(p -> p != null && !p.text().isBlank())) {
            throw new InvalidRequestException("Le courrier ne peut pas être vide : gardez au moins un paragraphe.");
        }
        var kept = paragraphs.stream().filter(p -> p != null && !p.text().isBlank()).map(p -> new Paragraph(p.kind(), p.text().strip())).toList();
        var context = json.treeToValue(stored.content().get("context"), LetterContext.class);
        var draft = letters.edit(letters.draft(stored.type(), context), kept);
        if (draft.blocked()) {
            throw new InvalidRequestException(draft.blockedMessage());
        }
        jdbc.sql("update cases_letter set content = cast(? as jsonb) where id = ?")
            .params(content(context, kept, stored.content().path("confirmed").asBoolean(false)), letterId).update();
        var missing = draft.missingElements().stream().map(e -> e.code()).toList();
        dossiers.log(dossierId, "COURRIER", "Courrier modifié : " + draft.title()
                + (missing.isEmpty() ? "" : " — éléments obligatoires manquants : " + String.join(", ", missing)));
        return letter(dossierId, letterId);
    }

    /**
     * Records that the letter went out, and opens the deadline its answer is awaited by (platform follow-up, GDPR
     * answer, the eight days of a mise en demeure, the three days to insert a reply).
     */
    @Transactional
    public StoredLetter recordSending(UUID dossierId, UUID letterId, LocalDate sentOn, Channel channel, String registeredNumber) {
        var dossierRow = dossiers.open(dossierId, Permission.SEND_LETTER);
        var stored = stored(dossierId, letterId);
        if (stored.sentOn() != null) {
            throw new ConflictException("L'envoi de ce courrier est déjà enregistré (le " + FrenchDate.of(stored.sentOn()) + ").");
        }
        var today = LocalDate.now(clock.withZone(PARIS));
        if (sentOn == null) {
            throw new InvalidRequestException("Indiquez la date d'envoi du courrier.");
        }
        if (sentOn.isAfter(today)) {
            throw new InvalidRequestException("La date d'envoi ne peut pas être dans le futur : enregistrez l'envoi une fois le courrier parti.");
        }
        if (channel == null) {
            throw new InvalidRequestException("Indiquez comment le courrier a été envoyé : " + Arrays.stream(Channel.values())
                .map(Channel::label).collect(Collectors.joining(", ")) + ".");
        }
        var number = registeredNumber == null || registeredNumber.isBlank() ? null : registeredNumber.strip();
        if (number != null && (number.length() > 40 || !number.matches("[A-Za-z0-9 .\\-]+"))) {
            throw new InvalidRequestException("Le numéro de recommandé ne contient que des lettres, des chiffres et des espaces (40 au plus), "
                    + "par exemple « 1A 123 456 7890 1 ».");
        }
        var user = access.currentUser();
        jdbc.sql("update cases_letter set sent_on = ?, channel = ?, registered_number = ?, recorded_by = ? where id = ?")
            .params(sentOn, channel.name(), number, user.id(), letterId).update();
        var opened = new ArrayList<String>();
        var trigger = trigger(stored.type());
        if (trigger != null) {
            for (var rule : rules.of(trigger)) {
                var due = rule.lastDay(sentOn);
                jdbc.sql("""
                        insert into cases_deadline (id, dossier_id, kind, trigger, start_date, due_date, basis, description, letter_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """).params(UUID.randomUUID(), dossierId, rule.kind().name(), trigger, sentOn, due, rule.basis(), rule.description(), letterId)
                    .update();
                opened.add(Dossiers.label(rule.kind()) + " au " + FrenchDate.of(due));
            }
        }
        dossiers.log(dossierId, "ENVOI", "Envoi enregistré : " + stored.title() + " — le " + FrenchDate.of(sentOn) + " par " + channel.label()
                + (number == null ? "" : " (n° " + number + ")") + (opened.isEmpty() ? "" : " ; échéance ouverte : " + String.join(", ", opened)));
        audit.record(dossierRow.cabinetId(), fr.egide.audit.AuditAction.COURRIER_ENVOYE, "courrier", letterId,
                java.util.Map.of("dossier", dossierId.toString(), "type", stored.type().name(), "voie", channel.name(), "envoyeLe", sentOn.toString()));
        return letter(dossierId, letterId);
    }

    // ------------------------------------------------------------------ reading

    public List<StoredLetter> list(UUID dossierId) {
        dossiers.row(dossierId);
        return jdbc.sql("select id from cases_letter where dossier_id = ? order by created_at").param(dossierId).query(UUID.class).list()
            .stream().map(id -> letter(dossierId, id)).toList();
    }

    public StoredLetter letter(UUID dossierId, UUID letterId) {
        dossiers.row(dossierId);
        var stored = stored(dossierId, letterId);
        var context = json.treeToValue(stored.content().get("context"), LetterContext.class);
        var draft = letters.draft(stored.type(), context);
        var paragraphs = stored.content().get("paragraphs");
        var edited = paragraphs != null && !paragraphs.isNull();
        if (edited) {
            draft = letters.edit(draft, Arrays.asList(json.treeToValue(paragraphs, Paragraph[].class)));
        }
        return new StoredLetter(letterId, dossierId, stored.type(), stored.title(), stored.createdAt(), stored.sentOn(), stored.channel(),
                stored.registeredNumber(), edited, draft);
    }

    public byte[] pdf(UUID dossierId, UUID letterId) {
        return letters.pdf(letter(dossierId, letterId).draft());
    }

    public byte[] docx(UUID dossierId, UUID letterId) {
        return letters.docx(letter(dossierId, letterId).draft());
    }

    /** A file name for a letter's export, e.g. « D-2026-001-signalement-plateforme.pdf ». */
    public static String fileName(String reference, StoredLetter letter, String extension) {
        return reference + "-" + letter.type().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                + letter.id().toString().substring(0, 8) + "." + extension;
    }

    // ------------------------------------------------------------------ internals

    private record Stored(LetterType type, String title, java.time.Instant createdAt, LocalDate sentOn, String channel, String registeredNumber,
            JsonNode content) {
    }

    private Stored stored(UUID dossierId, UUID letterId) {
        return jdbc.sql("select * from cases_letter where id = ? and dossier_id = ?").params(letterId, dossierId)
            .query((rs, n) -> new Stored(LetterType.valueOf(rs.getString("type")), rs.getString("title"), rs.getTimestamp("created_at").toInstant(),
                    rs.getObject("sent_on", LocalDate.class), rs.getString("channel"), rs.getString("registered_number"),
                    json.readTree(rs.getString("content"))))
            .optional().orElseThrow(() -> new NotFoundException("Courrier introuvable."));
    }

    private String content(LetterContext context, List<Paragraph> paragraphs, boolean confirmed) {
        var map = new LinkedHashMap<String, Object>();
        map.put("context", context);
        map.put("paragraphs", paragraphs);
        map.put("confirmed", confirmed);
        return json.writeValueAsString(map);
    }

    private static LetterType type(LetterRequest request) {
        if (request == null || request.type() == null) {
            throw new InvalidRequestException("Choisissez le courrier à rédiger : " + Arrays.stream(LetterType.values())
                .map(LetterType::label).collect(Collectors.joining(", ")) + ".");
        }
        return request.type();
    }

    private static void requireConfirmation(LetterDraft draft, boolean confirmed) {
        var warnings = draft.warnings().stream().filter(LetterWarning::confirmationRequired).toList();
        if (!warnings.isEmpty() && !confirmed) {
            throw new ConflictException(warnings.stream().map(LetterWarning::message).collect(Collectors.joining(" "))
                    + " Cochez « J'ai lu cet avertissement » pour confirmer.");
        }
    }

    /** The event-deadline trigger a letter's sending starts (delais.tsv), or null when no answer is awaited. */
    static String trigger(LetterType type) {
        return switch (type) {
            case SIGNALEMENT_PLATEFORME -> "SIGNALEMENT_ENVOYE";
            case EFFACEMENT_RGPD, OPPOSITION_RGPD, DEREFERENCEMENT -> "DEMANDE_RGPD_RECUE";
            case MISE_EN_DEMEURE_AUTEUR, MISE_EN_DEMEURE_EDITEUR -> "MISE_EN_DEMEURE_ENVOYEE";
            case DROIT_DE_REPONSE -> "DROIT_DE_REPONSE_ENVOYE";
            case DECLARATION_ASSUREUR, PROPOSITION_ECHANGE, NOTE_AVOCAT -> null;
        };
    }

    private LetterContext context(Dossiers.Row row, LetterRequest request) {
        var dossier = dossiers.get(row.id());
        var cabinet = practice.cabinet(row.cabinetId());
        var practitioner = practitioner(row);
        var today = LocalDate.now(clock.withZone(PARIS));
        var builder = LetterContext.builder()
            .dossierReference(row.reference())
            .letterDate(today)
            .place(cabinet.city())
            .cabinetName(cabinet.name());
        if (practitioner != null) {
            builder.sender(new LetterContext.Sender(practitioner.civility().label(), practitioner.firstName(), practitioner.lastName(),
                    practitioner.profession().label(), practitioner.rpps(), address(practitioner, cabinet), access.currentUser().email()));
            if (practitioner.insurer() != null) {
                builder.insurance(new LetterContext.Insurance(practitioner.insurer(), practitioner.policyNumber(),
                        practitioner.ereputationGuarantee() ? "e-réputation" : "responsabilité civile professionnelle",
                        practitioner.declarationDays() == null ? 5 : practitioner.declarationDays(),
                        LocalDate.ofInstant(row.createdAt(), PARIS)));
            }
        }
        var recipient = recipient(dossier, request);
        if (recipient != null) {
            builder.recipient(recipient);
        }
        builder.contents(dossier.mentions().stream().filter(m -> m.url() != null || m.text() != null)
            .map(m -> new LetterContext.Content(m.url(), m.author(), m.text(), m.publishedRaw(),
                    m.publishedEarliest() == null ? null : LocalDate.ofInstant(m.publishedEarliest(), PARIS), LocalDate.ofInstant(row.createdAt(), PARIS)))
            .toList());
        builder.evidence(dossier.evidence().stream()
            .map(e -> new LetterContext.EvidenceItem("LOT_SCELLE".equals(e.kind()) ? "Capture scellée de la page" + (e.url() == null ? "" : " " + e.url())
                    : "Capture d'écran « " + e.fileName() + " »", LocalDate.ofInstant(e.addedAt(), PARIS), e.sha256(), e.captureId()))
            .toList());
        if (row.qualification() != null) {
            builder.qualification(qualification(row.qualification()));
        }
        builder.indicators(dossier.indicators().stream().filter(i -> Boolean.TRUE.equals(i.accepted())).filter(i -> indicatorType(i.type()) != null)
            .map(i -> new LetterContext.AcceptedIndicator(indicatorType(i.type()), i.words())).toList());
        builder.deadlines(dossier.deadlines().stream().filter(d -> d.date() != null)
            .map(d -> new LetterContext.DeadlineItem(d.kind(), d.label(), d.date(), d.basis())).toList());
        if (row.strategy() != null) {
            builder.strategy(row.strategy());
        }
        builder.lawyerName(text(request.lawyerName())).publicFacts(text(request.publicFacts())).replyText(text(request.replyText()))
            .searchQuery(text(request.searchQuery())).stepsTaken(text(request.stepsTaken())).authorCopy(text(request.authorCopy()));
        return builder.build();
    }

    private Practitioner practitioner(Dossiers.Row row) {
        if (row.practitionerId() != null) {
            return practice.practitioner(row.cabinetId(), row.practitionerId());
        }
        var all = practice.practitioners(row.cabinetId());
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> address(Practitioner practitioner, Cabinet cabinet) {
        if (!practitioner.addresses().isEmpty()) {
            return practitioner.addresses();
        }
        var lines = new ArrayList<String>();
        if (cabinet.street() != null && !cabinet.street().isBlank()) {
            lines.add(cabinet.street());
        }
        var city = ((cabinet.postalCode() == null ? "" : cabinet.postalCode()) + " " + (cabinet.city() == null ? "" : cabinet.city())).strip();
        if (!city.isEmpty()) {
            lines.add(city);
        }
        return lines;
    }

    private LetterContext.Recipient recipient(Dossier dossier, LetterRequest request) {
        var name = text(request.recipientName());
        var address = request.recipientAddress() == null ? List.<String>of()
                : request.recipientAddress().stream().filter(line -> line != null && !line.isBlank()).map(String::strip).toList();
        var email = text(request.recipientEmail());
        if (name == null && address.isEmpty() && email == null) {
            return defaultRecipient(dossier, request.type());
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new InvalidRequestException("L'adresse électronique du destinataire n'est pas valide : « " + email + " ».");
        }
        return new LetterContext.Recipient(name, address, email);
    }

    /** Whom a letter goes to when the user said nothing: Google's European entity for a Google page, the insurer, the author's pseudonym. */
    private LetterContext.Recipient defaultRecipient(Dossier dossier, LetterType type) {
        var google = dossier.mentions().stream().anyMatch(m -> host(m.url()).contains("google.") || (m.sourceName() != null
                && m.sourceName().toLowerCase(Locale.ROOT).contains("google")));
        var addressee = type.addressee();
        if (google && (addressee == Addressee.PLATEFORME || addressee == Addressee.RESPONSABLE_TRAITEMENT
                || addressee == Addressee.MOTEUR_DE_RECHERCHE)) {
            return new LetterContext.Recipient("Google Ireland Limited", List.of("Gordon House, Barrow Street", "Dublin 4, D04 E5W5", "Irlande"),
                    null);
        }
        if (addressee == Addressee.ASSUREUR) {
            var practitioner = practitioner(dossiers.row(dossier.id()));
            return practitioner == null || practitioner.insurer() == null ? null : new LetterContext.Recipient(practitioner.insurer(), List.of(), null);
        }
        if (addressee == Addressee.AUTEUR) {
            return dossier.mentions().stream().map(Dossier.MentionItem::author).filter(a -> a != null && !a.isBlank()).findFirst()
                .map(a -> new LetterContext.Recipient(a, List.of(), null)).orElse(null);
        }
        return null;
    }

    private static String host(String url) {
        if (url == null) {
            return "";
        }
        try {
            var host = URI.create(url.strip()).getHost();
            return host == null ? "" : host.toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            return "";
        }
    }

    static LegalQualification qualification(DossierQualification qualification) {
        return qualification == DossierQualification.CRITIQUE_LICITE ? LegalQualification.LICITE_PROBABLE
                : LegalQualification.valueOf(qualification.name());
    }

    private static IndicatorType indicatorType(String name) {
        try {
            return IndicatorType.valueOf(name);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** « 3 décembre 2026 ». */
    static final class FrenchDate {

        private static final java.time.format.DateTimeFormatter FORMAT = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                Locale.FRENCH);

        static String of(LocalDate date) {
            return date.format(FORMAT);
        }

    }

}
