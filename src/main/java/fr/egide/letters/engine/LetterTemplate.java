package fr.egide.letters.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One letter template ({@code letters/<type>.txt}): a header of {@code key: value} lines, then {@code ---}, then
 * the body. Header lines (fields separated by « | » with a space on each side, so that a regex may hold « a|b »):
 * <ul>
 * <li>{@code titre:}, {@code objet:} — the title and subject line (placeholders allowed);</li>
 * <li>{@code envoi:} — the mention of the means of sending (« Lettre recommandée avec accusé de réception »);</li>
 * <li>{@code destinataire:} — the recipient's name when the dossier gives none (the lawyer, the insurer);</li>
 * <li>{@code requis: path, path | message} — the draft is refused with this French message when a value is missing;</li>
 * <li>{@code avertissement: [!]path | CODE | confirmation|info | message} — a warning when the value is true (or
 * false with « ! »);</li>
 * <li>{@code element: CODE | label | marker ;; marker} — a mandatory element (LEGAL.md § 3) and the texts that show
 * it, placeholders allowed (a list gives one marker per item); a marker « @secret » is a check, not a text: no
 * medical-secrecy finding; « @sans-pression »: no {@code interdit:} wording;</li>
 * <li>{@code interdit: regex | message} — wording this letter must never hold (folded text: lower case, no accents).</li>
 * </ul>
 * Body blocks are separated by blank lines: « ## » starts a heading, « > » a quotation, « - » list items, « ~ » list
 * items quoting the author's words (left out of the secrecy check while unchanged, like quotations); the rest are
 * paragraphs (their lines joined).
 */
final class LetterTemplate {

    record Requirement(List<String> paths, String message) {
    }

    record Warning(String path, boolean negated, String code, boolean confirmation, String message) {
    }

    record Element(String code, String label, TemplateText markers) {
    }

    record Forbidden(Pattern pattern, String message) {
    }

    final String name;

    final TemplateText title;

    final TemplateText subject;

    final String sending;

    final TemplateText recipient;

    final List<Requirement> requirements;

    final List<Warning> warnings;

    final List<Element> elements;

    final List<Forbidden> forbidden;

    final TemplateText body;

    private LetterTemplate(String name, TemplateText title, TemplateText subject, String sending, TemplateText recipient, List<Requirement> requirements,
            List<Warning> warnings, List<Element> elements, List<Forbidden> forbidden, TemplateText body) {
        this.name = name;
        this.title = title;
        this.subject = subject;
        this.sending = sending;
        this.recipient = recipient;
        this.requirements = List.copyOf(requirements);
        this.warnings = List.copyOf(warnings);
        this.elements = List.copyOf(elements);
        this.forbidden = List.copyOf(forbidden);
        this.body = body;
    }

    static LetterTemplate load(String resource) {
        try (InputStream in = LetterTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Modèle de courrier absent : " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static LetterTemplate parse(String name, String source) {
        var text = source.replace("\r\n", "\n");
        var separator = text.indexOf("\n---\n");
        if (separator < 0) {
            throw new IllegalStateException(name + " : ligne « --- » absente entre l'en-tête et le corps.");
        }
        TemplateText title = null;
        TemplateText subject = null;
        String sending = null;
        TemplateText recipient = null;
        var requirements = new ArrayList<Requirement>();
        var warnings = new ArrayList<Warning>();
        var elements = new ArrayList<Element>();
        var forbidden = new ArrayList<Forbidden>();
        var number = 0;
        for (var line : text.substring(0, separator).split("\n")) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(name + ", ligne " + number + " : « clé: valeur » attendu.");
            }
            var key = line.substring(0, colon).strip();
            var value = line.substring(colon + 1).strip();
            var fields = value.split("\\s+\\|\\s+");
            switch (key) {
                case "titre" -> title = TemplateText.parse(value);
                case "objet" -> subject = TemplateText.parse(value);
                case "envoi" -> sending = value;
                case "destinataire" -> recipient = TemplateText.parse(value);
                case "requis" -> {
                    expect(name, number, fields, 2);
                    requirements.add(new Requirement(List.of(fields[0].split("\\s*,\\s*")), fields[1]));
                }
                case "avertissement" -> {
                    expect(name, number, fields, 4);
                    var negated = fields[0].startsWith("!");
                    warnings.add(new Warning(negated ? fields[0].substring(1) : fields[0], negated, fields[1],
                            fields[2].equals("confirmation"), fields[3]));
                }
                case "element" -> {
                    expect(name, number, fields, 3);
                    elements.add(new Element(fields[0], fields[1], TemplateText.parse(fields[2])));
                }
                case "interdit" -> {
                    expect(name, number, fields, 2);
                    forbidden.add(new Forbidden(Pattern.compile(fields[0]), fields[1]));
                }
                default -> throw new IllegalStateException(name + ", ligne " + number + " : clé inconnue « " + key + " ».");
            }
        }
        if (title == null || subject == null) {
            throw new IllegalStateException(name + " : « titre » et « objet » sont obligatoires.");
        }
        return new LetterTemplate(name, title, subject, sending, recipient, requirements, warnings, elements, forbidden,
                TemplateText.parse(text.substring(separator + 5)));
    }

    private static void expect(String name, int number, String[] fields, int count) {
        if (fields.length != count) {
            throw new IllegalStateException(name + ", ligne " + number + " : " + count + " champs séparés par « | » attendus.");
        }
    }

}
