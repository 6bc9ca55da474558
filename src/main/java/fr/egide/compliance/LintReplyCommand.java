package fr.egide.compliance;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.engine.LanguageToolSpelling;
import fr.egide.system.Command;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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
        var json = JsonMapper.builder().build();
        var linter = ReplyLinter.standard(ReviewAnalyzer.standard());
        if (!args.contains("--sans-orthographe")) {
            linter = linter.withSpelling(new LanguageToolSpelling(List.of()));
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (var reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(json.writeValueAsString(answer(json, linter, line)));
                out.flush();
            }
        }
        catch (IOException ex) {
            err.println("Lecture de l'entrée standard interrompue : " + ex.getMessage());
            return 1;
        }
        return 0;
    }

    static ObjectNode answer(JsonMapper json, ReplyLinter linter, String line) {
        var result = json.createObjectNode();
        JsonNode input;
        try {
            input = json.readTree(line);
        }
        catch (JacksonException ex) {
            result.putNull("id");
            result.put("error", "Ligne JSON invalide : " + ex.getOriginalMessage());
            return result;
        }
        if (input == null || !input.isObject()) {
            result.putNull("id");
            result.put("error", "Chaque ligne doit être un objet JSON {\"id\": …, \"reply\": …}.");
            return result;
        }
        var id = input.get("id");
        if (id == null || id.isNull()) {
            result.putNull("id");
        }
        else {
            result.set("id", id);
        }
        var reply = input.get("reply");
        if (reply == null || !reply.isString() || reply.asString().isBlank()) {
            result.put("error", "Champ « reply » absent, vide ou non textuel.");
            return result;
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
            return result;
        }
        try {
            var lint = linter.lint(reply.asString(), review);
            result.put("verdict", lint.verdict().name());
            result.set("findings", json.valueToTree(lint.findings()));
        }
        catch (IllegalArgumentException ex) {
            result.put("error", ex.getMessage());
        }
        return result;
    }

}
