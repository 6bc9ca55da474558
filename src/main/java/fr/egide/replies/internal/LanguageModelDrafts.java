package fr.egide.replies.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optional drafting by a language model through an OpenAI-compatible endpoint ({@code POST {url}/chat/completions}),
 * off unless {@code egide.replies.llm.url} is set. Only the public review text is sent, never anything from the
 * practice's records. What comes back is a proposal like the assistant's: linted, shown with its findings, and
 * never published without the workflow's review and approval.
 */
@Component
public class LanguageModelDrafts {

    static final String INSTRUCTIONS = """
            Tu aides un professionnel de santé français à répondre à un avis en ligne. Écris une réponse de moins de \
            80 mots, en français : formule d'appel (« Madame, Monsieur, »), remerciement, reformulation du thème de la \
            critique en termes généraux, ce qui a été fait si la critique porte sur l'organisation, invitation à un échange \
            privé par le téléphone ou l'adresse du cabinet, formule de politesse. Interdits absolus (secret médical et \
            déontologie) : confirmer ou nier que l'auteur est patient, parler de sa consultation, de ses soins, d'une \
            maladie, d'un médicament, d'une date, d'une durée, d'un montant, de ses proches ; solliciter des avis ; faire \
            de la publicité ou se comparer ; ironie, reproche, justification, menace. Réponds par le texte seul.""";

    private final String url;

    private final String key;

    private final String model;

    private final HttpClient http;

    private final JsonMapper json;

    LanguageModelDrafts(@Value("${egide.replies.llm.url:}") String url, @Value("${egide.replies.llm.key:}") String key,
            @Value("${egide.replies.llm.model:}") String model, JsonMapper json) {
        this.url = url == null ? "" : url.strip().replaceAll("/+$", "");
        this.key = key;
        this.model = model;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public boolean enabled() {
        return !url.isEmpty();
    }

    /** A draft for this review, or an exception with a French message when the endpoint fails. */
    public String propose(String review) {
        if (!enabled()) {
            throw new IllegalStateException("La rédaction par un modèle de langue n'est pas configurée (egide.replies.llm.url).");
        }
        var body = Map.of("model", model == null ? "" : model, "temperature", 0.3, "messages",
                List.of(Map.of("role", "system", "content", INSTRUCTIONS), Map.of("role", "user", "content",
                        "Avis publié :\n" + review)));
        URI endpoint;
        try {
            endpoint = URI.create(url + "/chat/completions");
            if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null) {
                throw new IllegalArgumentException();
            }
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalStateException("L'adresse du modèle de langue (egide.replies.llm.url) n'est pas une adresse http(s) valide.");
        }
        var request = HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key.strip());
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Le modèle de langue a répondu " + response.statusCode() + ".");
            }
            var content = json.readTree(response.body()).path("choices").path(0).path("message").path("content");
            if (!content.isString() || content.asString().isBlank()) {
                throw new IllegalStateException("Le modèle de langue n'a renvoyé aucun texte.");
            }
            return content.asString().strip();
        }
        catch (IOException ex) {
            throw new IllegalStateException("Le modèle de langue est injoignable (" + ex.getClass().getSimpleName()
                    + ") : vérifiez egide.replies.llm.url et que le service tourne.", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Rédaction interrompue.", ex);
        }
    }

}
