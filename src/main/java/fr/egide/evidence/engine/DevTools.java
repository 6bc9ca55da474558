package fr.egide.evidence.engine;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal Chrome DevTools Protocol client over the JDK's WebSocket: commands with their answers, and waiting
 * for one event. Enough to drive one page; nothing is downloaded, the browser is Debian's Chromium.
 */
final class DevTools implements AutoCloseable {

    private final JsonMapper json = JsonMapper.builder().build();

    private final WebSocket socket;

    private final AtomicInteger ids = new AtomicInteger();

    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();

    private final Map<String, java.util.function.Consumer<JsonNode>> listeners = new ConcurrentHashMap<>();

    /** Set when the page's renderer crashed: every call fails at once instead of waiting for its timeout. */
    private volatile String crashed;

    DevTools(URI endpoint) throws IOException, InterruptedException {
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(endpoint, new Listener()).get(10, TimeUnit.SECONDS);
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IOException("Connexion au navigateur impossible : " + ex.getMessage(), ex);
        }
    }

    /** Sends a command and waits for its result (or fails with the browser's error). */
    JsonNode call(String method, Map<String, Object> params, Duration timeout) throws IOException {
        var id = ids.incrementAndGet();
        var message = json.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", json.valueToTree(params));
        var answer = new CompletableFuture<JsonNode>();
        if (crashed != null) {
            throw new IOException(crashed);
        }
        pending.put(id, answer);
        socket.sendText(json.writeValueAsString(message), true);
        try {
            var result = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result.has("error")) {
                throw new IOException(method + " : " + result.get("error").path("message").asString());
            }
            return result.path("result");
        }
        catch (java.util.concurrent.TimeoutException ex) {
            throw new IOException(method + " : pas de réponse du navigateur en " + timeout.toSeconds() + " s");
        }
        catch (java.util.concurrent.ExecutionException ex) {
            if (crashed != null) {
                throw new IOException(crashed, ex);
            }
            throw new IOException(method + " : " + ex.getCause().getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("Capture interrompue", ex);
        }
        finally {
            pending.remove(id);
        }
    }

    /** A future completed by the next event of this name; ask before the command that triggers it. */
    CompletableFuture<JsonNode> next(String event) {
        return awaited.computeIfAbsent(event, key -> new CompletableFuture<>());
    }

    /**
     * Calls this listener with the parameters of every event of this name, on the socket's thread: it must only
     * record what it receives, never call the browser.
     */
    void on(String event, java.util.function.Consumer<JsonNode> listener) {
        listeners.put(event, listener);
    }

    /** Why the page's renderer stopped, or null while it runs. */
    String crashed() {
        return crashed;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "fin").orTimeout(2, TimeUnit.SECONDS);
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                var node = (ObjectNode) json.readTree(buffer.toString());
                buffer.setLength(0);
                if (node.has("id")) {
                    var future = pending.get(node.get("id").asInt());
                    if (future != null) {
                        future.complete(node);
                    }
                }
                else if (node.has("method")) {
                    var method = node.get("method").asString();
                    if (method.equals("Inspector.targetCrashed")) {
                        crashed = "Le moteur de rendu de Chromium s'est arrêté (plantage) sur cette page : aucune preuve n'est scellée.";
                        pending.values().forEach(future -> future.completeExceptionally(new IOException(crashed)));
                        awaited.values().forEach(future -> future.completeExceptionally(new IOException(crashed)));
                    }
                    var listener = listeners.get(method);
                    if (listener != null) {
                        listener.accept(node.path("params"));
                    }
                    var future = awaited.remove(method);
                    if (future != null) {
                        future.complete(node.path("params"));
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

    }

}
