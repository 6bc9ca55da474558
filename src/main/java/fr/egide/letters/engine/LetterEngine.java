package fr.egide.letters.engine;

import fr.egide.compliance.ReplyLinter;
import fr.egide.letters.LetterContext;
import fr.egide.letters.LetterDraft;
import fr.egide.letters.LetterFinding;
import fr.egide.letters.LetterType;
import fr.egide.letters.LetterWarning;
import fr.egide.letters.MandatoryElement;
import fr.egide.letters.Paragraph;
import fr.egide.letters.ParagraphKind;
import fr.egide.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Drafts the letters from their templates (data in {@code letters/}) and checks them: required values, mandatory
 * elements, warnings, medical secrecy. Plain Java, no Spring; thread-safe once built.
 */
public final class LetterEngine {

    private static final Map<String, String> FIELDS = Map.of("faits", "faits publics", "reponse", "texte de la réponse",
            "demarches", "démarches déjà faites", "copieAuteur", "copie à l'auteur");

    /** Element markers that are checks: no secrecy finding; no pressure (forbidden wording). */
    public static final String SECRET = "@secret";

    public static final String CALM = "@sans-pression";

    /** Marks, between the body's parsing and the draft, an item that quotes the author's words. */
    private static final String QUOTING = "\u0000quote ";

    private final Map<LetterType, LetterTemplate> templates = new EnumMap<>(LetterType.class);

    private final LetterModel model;

    private final SecrecyCheck secrecy;

    public LetterEngine(ReplyLinter linter) {
        for (var type : LetterType.values()) {
            templates.put(type, LetterTemplate.load(type.template()));
        }
        this.model = LetterModel.load("/letters/qualifications.tsv");
        this.secrecy = SecrecyCheck.load(linter, "/letters/secret-courriers.tsv");
    }

    public LetterDraft draft(LetterType type, LetterContext context) {
        if (type == null) {
            throw new InvalidRequestException("Choisissez le type de courrier.");
        }
        if (context == null) {
            throw new InvalidRequestException("Le dossier ne fournit aucune donnée pour ce courrier.");
        }
        var missing = new ArrayList<String>();
        if (context.sender() == null || blank(context.sender().lastName())) {
            missing.add("Renseignez le nom du praticien qui signe le courrier (réglages du cabinet).");
        }
        if (context.letterDate() == null || blank(context.place())) {
            missing.add("Indiquez la date et le lieu du courrier.");
        }
        var template = templates.get(type);
        var values = model.of(context);
        for (var requirement : template.requirements) {
            if (requirement.paths().stream().anyMatch(path -> !TemplateText.truthy(value(values, path)))) {
                missing.add(requirement.message());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(String.join(" ", new LinkedHashSet<>(missing)));
        }
        var paragraphs = blocks(template.body.render(values));
        var quotes = new java.util.HashSet<String>();
        for (int i = 0; i < paragraphs.size(); i++) {
            var paragraph = paragraphs.get(i);
            if (paragraph.kind() == ParagraphKind.QUOTE) {
                quotes.add(paragraph.text());
            }
            else if (paragraph.kind() == ParagraphKind.ITEM && paragraph.text().startsWith(QUOTING)) {
                var text = paragraph.text().substring(QUOTING.length()).strip();
                paragraphs.set(i, new Paragraph(ParagraphKind.ITEM, text));
                quotes.add(text);
            }
        }
        var sender = context.sender();
        var senderBlock = new ArrayList<String>();
        senderBlock.add(LetterModel.fullName(sender));
        add(senderBlock, sender.profession());
        if (!blank(sender.rpps())) {
            senderBlock.add("RPPS : " + sender.rpps().strip());
        }
        add(senderBlock, context.cabinetName());
        sender.address().forEach(line -> add(senderBlock, line));
        add(senderBlock, sender.email());
        var recipientBlock = new ArrayList<String>();
        var recipient = context.recipient();
        if (recipient != null) {
            add(recipientBlock, recipient.name());
            recipient.address().forEach(line -> add(recipientBlock, line));
            if (!blank(recipient.email())) {
                recipientBlock.add("Courriel : " + recipient.email().strip());
            }
        }
        if (recipientBlock.isEmpty() && template.recipient != null) {
            add(recipientBlock, template.recipient.render(values));
        }
        var signature = new ArrayList<String>();
        signature.add(LetterModel.fullName(sender));
        add(signature, sender.profession());
        var quoted = context.contents().stream().map(LetterContext.Content::quotedText).filter(t -> !blank(t))
                .collect(Collectors.joining("\n"));
        var fieldFindings = new ArrayList<LetterFinding>();
        for (var field : FIELDS.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            var text = (String) values.get(field.getKey());
            secrecy.check(text, quoted).forEach(f -> fieldFindings.add(new LetterFinding(-1, field.getValue(), f)));
        }
        var draft = new LetterDraft(type, template.title.render(values).strip(), template.subject.render(values).strip(),
                template.sending, senderBlock, recipientBlock, context.place().strip() + ", le " + LetterModel.date(context.letterDate()),
                paragraphs, signature, List.of(), List.of(), List.of(), quotes);
        var warnings = new ArrayList<LetterWarning>();
        for (var warning : template.warnings) {
            if (TemplateText.truthy(value(values, warning.path())) != warning.negated()) {
                warnings.add(new LetterWarning(warning.code(), warning.message(), warning.confirmation()));
            }
        }
        var elements = new ArrayList<MandatoryElement>();
        for (var element : template.elements) {
            var markers = List.of(element.markers().render(values).split(";;")).stream().map(String::strip)
                    .filter(m -> !m.isEmpty()).toList();
            elements.add(new MandatoryElement(element.code(), element.label(), markers, false));
        }
        return checked(draft, elements, warnings, fieldFindings, quoted);
    }

    /**
     * The draft with the user's paragraphs, checked again: mandatory elements (a removed one becomes a warning),
     * medical secrecy (an edited quotation is no longer exempt), and the template's forbidden wording.
     */
    public LetterDraft edit(LetterDraft draft, List<Paragraph> paragraphs) {
        if (paragraphs == null || paragraphs.stream().allMatch(p -> p.text().isBlank())) {
            throw new InvalidRequestException("Le courrier ne peut pas être vide.");
        }
        var kept = paragraphs.stream().filter(p -> !p.text().isBlank())
                .map(p -> new Paragraph(p.kind(), p.text().strip())).toList();
        var edited = new LetterDraft(draft.type(), draft.title(), draft.subject(), draft.registeredMail(), draft.sender(),
                draft.recipient(), draft.placeAndDate(), kept, draft.signature(), List.of(), List.of(), List.of(), draft.quotes());
        var warnings = draft.warnings().stream().filter(w -> !w.code().equals("ELEMENT_MANQUANT")).toList();
        var elements = draft.elements().stream().map(e -> new MandatoryElement(e.code(), e.label(), e.markers(), false)).toList();
        var quoted = String.join("\n", draft.quotes());
        return checked(edited, elements, warnings, List.of(), quoted);
    }

    private LetterDraft checked(LetterDraft draft, List<MandatoryElement> elements, List<LetterWarning> warnings,
            List<LetterFinding> fieldFindings, String quoted) {
        var findings = new ArrayList<>(fieldFindings);
        var template = templates.get(draft.type());
        secrecy.check(draft.subject(), quoted).forEach(f -> findings.add(new LetterFinding(-1, "objet", f)));
        for (int i = 0; i < draft.paragraphs().size(); i++) {
            var paragraph = draft.paragraphs().get(i);
            if ((paragraph.kind() == ParagraphKind.QUOTE || paragraph.kind() == ParagraphKind.ITEM) && draft.quotes().contains(paragraph.text())) {
                continue;
            }
            int index = i;
            secrecy.check(paragraph.text(), quoted).forEach(f -> findings.add(new LetterFinding(index, null, f)));
            SecrecyCheck.forbidden(paragraph.text(), template.forbidden).forEach(f -> findings.add(new LetterFinding(index, null, f)));
        }
        var text = normalized(draft.text());
        var secret = findings.stream().noneMatch(LetterFinding::secrecy);
        var calm = findings.stream().allMatch(LetterFinding::secrecy);
        var checkedElements = elements.stream().map(e -> new MandatoryElement(e.code(), e.label(), e.markers(),
                !e.markers().isEmpty() && e.markers().stream().allMatch(m -> switch (m) {
                    case SECRET -> secret;
                    case CALM -> calm;
                    default -> text.contains(normalized(m));
                }))).toList();
        var allWarnings = new ArrayList<>(warnings);
        for (var element : checkedElements) {
            if (!element.present()) {
                allWarnings.add(new LetterWarning("ELEMENT_MANQUANT", "Élément obligatoire absent (" + element.code() + ") : "
                        + element.label() + ". Rétablissez-le avant l'envoi.", true));
            }
        }
        return new LetterDraft(draft.type(), draft.title(), draft.subject(), draft.registeredMail(), draft.sender(),
                draft.recipient(), draft.placeAndDate(), draft.paragraphs(), draft.signature(), checkedElements, allWarnings,
                findings, draft.quotes());
    }

    /** For comparing a marker with a text whatever its line breaks: no white space, lower case. */
    public static String normalized(String text) {
        return text.replaceAll("[\\s\\u00A0\\u202F]+", "").replace('’', '\'').toLowerCase(Locale.ROOT);
    }

    private static Object value(Map<String, Object> values, String path) {
        var scopes = new java.util.ArrayDeque<Object>();
        scopes.push(values);
        return TemplateText.lookup(path, scopes);
    }

    /** The rendered body as paragraphs: blocks separated by blank lines. */
    static List<Paragraph> blocks(String body) {
        var paragraphs = new ArrayList<Paragraph>();
        for (var block : body.split("\\n\\s*\\n")) {
            var lines = block.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#!")).toList();
            if (lines.isEmpty()) {
                continue;
            }
            var first = lines.get(0);
            if (first.startsWith("## ")) {
                paragraphs.add(new Paragraph(ParagraphKind.HEADING, joined(lines).substring(3).strip()));
            }
            else if (first.startsWith("> ")) {
                paragraphs.add(new Paragraph(ParagraphKind.QUOTE,
                        lines.stream().map(l -> l.startsWith("> ") ? l.substring(2) : l).collect(Collectors.joining(" ")).strip()));
            }
            else if (first.startsWith("- ") || first.startsWith("~ ")) {
                StringBuilder item = null;
                for (var line : lines) {
                    if (line.startsWith("- ") || line.startsWith("~ ")) {
                        if (item != null) {
                            paragraphs.add(new Paragraph(ParagraphKind.ITEM, item.toString().strip()));
                        }
                        item = new StringBuilder(line.startsWith("~ ") ? QUOTING : "").append(line.substring(2));
                    }
                    else {
                        item.append(' ').append(line);
                    }
                }
                paragraphs.add(new Paragraph(ParagraphKind.ITEM, item.toString().strip()));
            }
            else {
                paragraphs.add(new Paragraph(ParagraphKind.TEXT, joined(lines)));
            }
        }
        return paragraphs;
    }

    private static String joined(List<String> lines) {
        return String.join(" ", lines).replaceAll("\\s+", " ").strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static void add(List<String> lines, String line) {
        if (!blank(line)) {
            lines.add(line.strip());
        }
    }

}
