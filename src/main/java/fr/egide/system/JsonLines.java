package fr.egide.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Lines contract the sub-commands share: one object per input line, one JSON line per input line on the
 * output, in order, flushed as it goes; the input's {@code id} copied first; a line that is not a JSON object gives
 * {@code {"id": …, "error": "…"}} and processing goes on. Invalid UTF-8 becomes U+FFFD rather than stopping the batch.
 */
public final class JsonLines {

    private final JsonMapper json = JsonMapper.builder().build();

    public JsonMapper json() {
        return json;
    }

    /**
     * Reads every line and writes the answer the handler fills in (its {@code id} already set); the handler adds
     * the fields, or an {@code error}. Returns the exit status: 0, or 1 when standard input could not be read.
     *
     * @param example how a line looks, for the error message of a line that is not an object
     */
    public int run(InputStream in, PrintStream out, PrintStream err, String example, BiConsumer<JsonNode, ObjectNode> handler) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (var reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println(json.writeValueAsString(answer(line, example, handler)));
                out.flush();
            }
        }
        catch (IOException ex) {
            err.println("Lecture de l'entrée standard interrompue : " + ex.getMessage());
            return 1;
        }
        return 0;
    }

    /** The answer to one line. */
    public ObjectNode answer(String line, String example, BiConsumer<JsonNode, ObjectNode> handler) {
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
            result.put("error", "Chaque ligne doit être un objet JSON " + example + ".");
            return result;
        }
        var id = input.get("id");
        if (id == null || id.isNull()) {
            result.putNull("id");
        }
        else {
            result.set("id", id);
        }
        handler.accept(input, result);
        return result;
    }

}
