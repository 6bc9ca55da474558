package fr.egide.analysis;

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
        var json = JsonMapper.builder().build();
        var analyzer = ReviewAnalyzer.standard();
        // Invalid UTF-8 becomes U+FFFD rather than stopping the whole batch.
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (var reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(json.writeValueAsString(answer(json, analyzer, line)));
                out.flush();
            }
        }
        catch (IOException ex) {
            err.println("Lecture de l'entrée standard interrompue : " + ex.getMessage());
            return 1;
        }
        return 0;
    }

    static ObjectNode answer(JsonMapper json, ReviewAnalyzer analyzer, String line) {
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
            result.put("error", "Chaque ligne doit être un objet JSON {\"id\": …, \"text\": …}.");
            return result;
        }
        var id = input.get("id");
        if (id == null || id.isNull()) {
            result.putNull("id");
        }
        else {
            result.set("id", id);
        }
        var text = input.get("text");
        if (text == null || !text.isString() || text.asString().isBlank()) {
            result.put("error", "Champ « text » absent, vide ou non textuel.");
            return result;
        }
        Integer rating = null;
        var ratingNode = input.get("rating");
        if (ratingNode != null && !ratingNode.isNull()) {
            if (!ratingNode.isIntegralNumber() || ratingNode.asInt() < 1 || ratingNode.asInt() > 5) {
                result.put("error", "Champ « rating » : un entier de 1 à 5 est attendu.");
                return result;
            }
            rating = ratingNode.asInt();
        }
        var source = input.get("source");
        var analysis = analyzer.analyze(AnalysisRequest.of(text.asString(), rating,
                source != null && source.isString() ? source.asString() : null));
        var tree = (ObjectNode) json.valueToTree(analysis);
        result.setAll(tree);
        return result;
    }

}
