package fr.egide.compliance;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.engine.LanguageToolSpelling;
import fr.egide.system.Command;
import fr.egide.system.JsonLines;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar egide.jar lint-reply}: reads JSON Lines on standard input ({@code id}, {@code reply}, optional
 * {@code review}: its text, or an object with a {@code text}) and writes one JSON line per input line, in order,
 * with {@code id}, {@code verdict} and {@code findings}. A bad line gives {@code {"id": …, "error": "…"}} and the
 * rest goes on. No web server, no database, no network. Spelling is checked with LanguageTool's offline French
 * rules unless {@code --sans-orthographe} is given (LanguageTool needs a few seconds to start).
 */
public final class LintReplyCommand implements Command {

    private final InputStream in;

    public LintReplyCommand() {
        this(System.in);
    }

    LintReplyCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public String name() {
        return "lint-reply";
    }

    @Override
    public String summary() {
        return "Vérification de réponses aux avis (JSON Lines sur l'entrée standard, un verdict JSON par ligne).";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.println("Usage : java -jar egide.jar lint-reply [--sans-orthographe] < reponses.jsonl");
            out.println("Chaque ligne : {\"id\": \"…\", \"reply\": \"…\", \"review\": \"…\" (facultatif)}");
            return 0;
        }
        var unknown = args.stream().filter(arg -> !arg.equals("--sans-orthographe")).toList();
        if (!unknown.isEmpty()) {
            err.println("Option inconnue : " + unknown.get(0) + ". Voir lint-reply --help.");
            return 2;
        }
        var plain = ReplyLinter.standard(ReviewAnalyzer.standard());
        var linter = args.contains("--sans-orthographe") ? plain : plain.withSpelling(new LanguageToolSpelling(List.of()));
        var lines = new JsonLines();
        return lines.run(in, out, err, "{\"id\": …, \"reply\": …}", (input, result) -> answer(lines, linter, input, result));
    }

    static void answer(JsonLines lines, ReplyLinter linter, JsonNode input, ObjectNode result) {
        var reply = input.get("reply");
        if (reply == null || !reply.isString() || reply.asString().isBlank()) {
            result.put("error", "Champ « reply » absent, vide ou non textuel.");
            return;
        }
        String review = null;
        var reviewNode = input.get("review");
        if (reviewNode != null && reviewNode.isString()) {
            review = reviewNode.asString();
        }
        else if (reviewNode != null && reviewNode.isObject() && reviewNode.path("text").isString()) {
            review = reviewNode.get("text").asString();
        }
        else if (reviewNode != null && !reviewNode.isNull()) {
            result.put("error", "Champ « review » : le texte de l'avis, ou un objet avec « text », est attendu.");
            return;
        }
        try {
            var lint = linter.lint(reply.asString(), review);
            result.put("verdict", lint.verdict().name());
            result.set("findings", lines.json().valueToTree(lint.findings()));
        }
        catch (IllegalArgumentException ex) {
            result.put("error", ex.getMessage());
        }
    }

}
