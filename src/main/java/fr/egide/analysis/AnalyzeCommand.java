package fr.egide.analysis;

import fr.egide.system.Command;
import fr.egide.system.JsonLines;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code java -jar egide.jar analyze}: reads JSON Lines on standard input ({@code id}, {@code text}, optional
 * {@code rating} and {@code source}) and writes one JSON line per input line, in order. A bad line gives
 * {@code {"id": …, "error": "…"}} and the rest goes on. No web server, no database.
 */
public final class AnalyzeCommand implements Command {

    private final InputStream in;

    public AnalyzeCommand() {
        this(System.in);
    }

    AnalyzeCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "Analyse des avis (JSON Lines sur l'entrée standard, un résultat JSON par ligne).";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty() && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println("Usage : java -jar egide.jar analyze < avis.jsonl");
            out.println("Chaque ligne : {\"id\": \"…\", \"text\": \"…\", \"rating\": 1-5 (facultatif), \"source\": \"…\" (facultatif)}");
            return 0;
        }
        var lines = new JsonLines();
        var analyzer = ReviewAnalyzer.standard();
        return lines.run(in, out, err, "{\"id\": …, \"text\": …}", (input, result) -> answer(lines, analyzer, input, result));
    }

    static void answer(JsonLines lines, ReviewAnalyzer analyzer, JsonNode input, ObjectNode result) {
        var text = input.get("text");
        if (text == null || !text.isString() || text.asString().isBlank()) {
            result.put("error", "Champ « text » absent, vide ou non textuel.");
            return;
        }
        Integer rating = null;
        var ratingNode = input.get("rating");
        if (ratingNode != null && !ratingNode.isNull()) {
            if (!ratingNode.isIntegralNumber() || ratingNode.asInt() < 1 || ratingNode.asInt() > 5) {
                result.put("error", "Champ « rating » : un entier de 1 à 5 est attendu.");
                return;
            }
            rating = ratingNode.asInt();
        }
        var source = input.get("source");
        var analysis = analyzer.analyze(AnalysisRequest.of(text.asString(), rating,
                source != null && source.isString() ? source.asString() : null));
        result.setAll((ObjectNode) lines.json().valueToTree(analysis));
    }

}
