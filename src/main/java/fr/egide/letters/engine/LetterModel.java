package fr.egide.letters.engine;

import fr.egide.analysis.IndicatorType;
import fr.egide.letters.LegalQualification;
import fr.egide.letters.LetterContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A {@link LetterContext} as the templates see it: French names, dates written out (« 1er mars 2026 »), the
 * qualification's label, legal bases and penalty from {@code letters/qualifications.tsv}. Every name is always
 * there (null when unknown) so a template's typo is an error, not a blank.
 */
final class LetterModel {

    /** One line of {@code qualifications.tsv}. */
    record QualificationText(String label, String bases, String penalty, String route) {
    }

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);

    private final Map<LegalQualification, QualificationText> qualifications;

    LetterModel(Map<LegalQualification, QualificationText> qualifications) {
        this.qualifications = qualifications;
    }

    static LetterModel load(String resource) {
        var table = new EnumMap<LegalQualification, QualificationText>(LegalQualification.class);
        try (var in = LetterModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Table absente : " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var cells = line.split("\t");
                if (cells.length != 5) {
                    throw new IllegalStateException(resource + " : 5 colonnes attendues : " + line);
                }
                table.put(LegalQualification.valueOf(cells[0]), new QualificationText(cells[1], cells[2], cells[3], cells[4]));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        for (var qualification : LegalQualification.values()) {
            if (!table.containsKey(qualification)) {
                throw new IllegalStateException(resource + " : qualification absente : " + qualification);
            }
        }
        return new LetterModel(table);
    }

    QualificationText text(LegalQualification qualification) {
        return qualifications.get(qualification);
    }

    static String date(LocalDate date) {
        if (date == null) {
            return null;
        }
        return (date.getDayOfMonth() == 1 ? "1er" : String.valueOf(date.getDayOfMonth())) + " " + MONTH_YEAR.format(date);
    }

    Map<String, Object> of(LetterContext context) {
        var model = new HashMap<String, Object>();
        model.put("dossier", map("reference", context.dossierReference()));
        model.put("lettre", map("date", date(context.letterDate()), "lieu", context.place()));
        var sender = context.sender();
        if (sender == null) {
            model.put("expediteur", map("civilite", null, "prenom", null, "nom", null, "nomComplet", null, "sujet", null, "profession", null,
                    "rpps", null, "adresse", null, "email", null));
        }
        else {
            model.put("expediteur", map("civilite", sender.civility(), "prenom", sender.firstName(), "nom", sender.lastName(),
                    "nomComplet", fullName(sender), "sujet", subject(sender), "profession", sender.profession(), "rpps", blankToNull(sender.rpps()),
                    "adresse", sender.address().isEmpty() ? null : String.join(", ", sender.address()), "email", sender.email()));
        }
        model.put("cabinet", blankToNull(context.cabinetName()));
        var recipient = context.recipient();
        model.put("destinataire", recipient == null ? map("nom", null, "adresse", null, "email", null)
                : map("nom", blankToNull(recipient.name()),
                        "adresse", recipient.address().isEmpty() ? null : String.join(", ", recipient.address()),
                        "email", blankToNull(recipient.email())));
        var contents = new ArrayList<Map<String, Object>>();
        var number = 0;
        for (var content : context.contents()) {
            contents.add(map("numero", String.valueOf(++number), "url", content.url(), "auteur", blankToNull(content.authorPseudonym()),
                    "texte", quote(content.quotedText()), "dateAffichee", blankToNull(content.publishedAsShown()),
                    "datePublication", date(content.publishedOn()), "dateConstat", date(content.seenOn())));
        }
        model.put("contenus", contents);
        model.put("contenu", contents.isEmpty() ? null : contents.get(0));
        model.put("plusieursContenus", contents.size() > 1);
        model.put("premierePublication", date(context.contents().stream().map(LetterContext.Content::publishedOn)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null)));
        model.put("decouverte", date(context.contents().stream().map(LetterContext.Content::seenOn)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null)));
        var evidence = new ArrayList<Map<String, Object>>();
        for (var item : context.evidence()) {
            evidence.add(map("description", item.description(), "date", date(item.date()), "sha256", blankToNull(item.sha256()),
                    "lot", blankToNull(item.bundleId())));
        }
        model.put("preuves", evidence);
        var qualification = context.qualification();
        if (qualification == null) {
            model.put("qualification", null);
        }
        else {
            var text = qualifications.get(qualification);
            var bases = context.legalBases().isEmpty() ? text.bases() : String.join(" ; ", context.legalBases());
            model.put("qualification", map("code", qualification.name(), "libelle", text.label(), "bases", bases,
                    "peine", text.penalty(), "licite", qualification.lawful(), "illicite", !qualification.lawful(),
                    "penale", text.route().equals("penale"), "civile", text.route().equals("civile")));
        }
        var indicators = new ArrayList<Map<String, Object>>();
        for (var indicator : context.indicators()) {
            // Health-data indicators are the author's words about health: a letter never lists them.
            if (indicator.type() == IndicatorType.DONNEES_SANTE || indicator.words().isEmpty()) {
                continue;
            }
            indicators.add(map("type", qualifications.get(LegalQualification.of(indicator.type())).label(),
                    "mots", indicator.words().stream().map(word -> "« " + quote(word) + " »").collect(Collectors.joining(", "))));
        }
        model.put("indices", indicators);
        var deadlines = new ArrayList<Map<String, Object>>();
        Map<String, Object> prescription = null;
        Map<String, Object> rightOfReply = null;
        for (var deadline : context.deadlines().stream().sorted(Comparator.comparing(LetterContext.DeadlineItem::date,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
            var item = map("nature", deadline.label(), "date", date(deadline.date()), "base", deadline.basis());
            deadlines.add(item);
            if (prescription == null && ("PRESCRIPTION_PENALE".equals(deadline.kind()) || "ACTION_CIVILE".equals(deadline.kind()))) {
                prescription = item;
            }
            if (rightOfReply == null && "DROIT_DE_REPONSE".equals(deadline.kind())) {
                rightOfReply = item;
            }
        }
        model.put("delais", deadlines);
        model.put("prescription", prescription);
        model.put("delaiDroitDeReponse", rightOfReply);
        model.put("strategie", context.strategy() == null ? null : switch (context.strategy()) {
            case NEUTRE -> "neutre (ne pas amplifier, surveiller)";
            case DEFENSIVE -> "défensive (pas de réponse publique sur le fond)";
            case PACIFIQUE -> "pacifique (proposer un échange à l'auteur)";
            case OFFENSIVE -> "offensive (preuves, signalement, mise en demeure, action en justice)";
        });
        var insurance = context.insurance();
        model.put("assureur", insurance == null ? map("nom", null, "police", null, "garantie", null, "delaiJours", null, "dateSinistre", null)
                : map("nom", blankToNull(insurance.insurer()), "police", blankToNull(insurance.policyNumber()),
                        "garantie", blankToNull(insurance.guarantee()),
                        "delaiJours", insurance.declarationWorkingDays() == null ? null : String.valueOf(insurance.declarationWorkingDays()),
                        "dateSinistre", date(insurance.claimDate())));
        model.put("avocat", blankToNull(context.lawyerName()));
        model.put("faits", blankToNull(context.publicFacts()));
        model.put("reponse", blankToNull(context.replyText()));
        // Décret 2007-1527, art. 2: the reply is no longer than the message, and 200 lines at most.
        var quotedLength = context.contents().stream().map(LetterContext.Content::quotedText).filter(Objects::nonNull)
                .mapToInt(String::length).sum();
        model.put("reponseTropLongue", context.replyText() != null
                && (context.replyText().strip().length() > quotedLength || context.replyText().strip().lines().count() > 200));
        model.put("requete", blankToNull(context.searchQuery()) != null ? context.searchQuery().strip()
                : sender == null ? null : String.join(" ", List.of(nullToEmpty(sender.firstName()), nullToEmpty(sender.lastName()),
                        nullToEmpty(context.place()))).strip().replaceAll("\\s+", " "));
        model.put("demarches", blankToNull(context.stepsTaken()));
        model.put("copieAuteur", blankToNull(context.authorCopy()));
        return model;
    }

    static String fullName(LetterContext.Sender sender) {
        return String.join(" ", nullToEmpty(sender.civility()), nullToEmpty(sender.firstName()), nullToEmpty(sender.lastName()))
                .strip().replaceAll("\\s+", " ");
    }

    /** How the sender names themself in « Je suis … »: « le Dr Claire Martin », « Claire Martin ». */
    static String subject(LetterContext.Sender sender) {
        var civility = nullToEmpty(sender.civility()).strip();
        var name = String.join(" ", nullToEmpty(sender.firstName()), nullToEmpty(sender.lastName())).strip().replaceAll("\\s+", " ");
        return switch (civility.toLowerCase(Locale.ROOT).replace(".", "")) {
            case "dr", "docteur", "pr", "professeur" -> "le " + civility + " " + name;
            default -> name;
        };
    }

    /** A quotation on one line: its words verbatim, its line breaks as spaces (a blank line would end the block). */
    static String quote(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static Map<String, Object> map(Object... pairs) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

}
