package fr.egide.alerts.internal;

import fr.egide.alerts.internal.AlertStore.StoredAlert;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs an alert as JSON to a cabinet's webhook, signed with HMAC-SHA256 of the exact body
 * ({@code X-Egide-Signature: sha256=<hex>}); {@code X-Egide-Delivery} lets the receiver drop a repeated delivery.
 */
@Component
class WebhookSender {

    static final String SIGNATURE = "X-Egide-Signature";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final AlertMessages messages;

    WebhookSender(AlertMessages messages) {
        this.messages = messages;
    }

    /** The HTTP status; throws when the receiver cannot be reached. */
    int send(String url, String secret, UUID deliveryId, StoredAlert alert) throws IOException, InterruptedException {
        var text = messages.text(alert);
        var payload = new LinkedHashMap<String, Object>();
        payload.put("alertId", alert.id().toString());
        payload.put("cabinetId", alert.cabinetId().toString());
        payload.put("trigger", alert.trigger().name());
        payload.put("title", text.title());
        payload.put("why", text.why());
        payload.put("next", text.next());
        payload.put("link", text.link());
        payload.put("createdAt", alert.createdAt().toString());
        var body = JSON.writeValueAsBytes(payload);
        var request = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header(SIGNATURE, "sha256=" + hmac(secret, body))
            .header("X-Egide-Delivery", deliveryId.toString())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String hmac(String secret, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
