package fr.egide.monitoring.connectors;

import static fr.egide.monitoring.connectors.GoogleApi.text;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Publishes or withdraws the reply to a Google Business Profile review, for the replies module once a human has
 * approved it (Google's policies forbid replies posted without the user's express consent). Each write is
 * checked by reading the review back: Google can answer 2xx to a name with the wrong account segment, and what
 * it stores is what the patient sees.
 *
 * <p>A read-back that disagrees is reported as UNAVAILABLE: the PUT and the DELETE are idempotent, so trying
 * again later is safe, and the message says what Google holds.
 */
public final class GoogleReplies {

    /** Google's limit on {@code ReviewReply.comment}, in UTF-8 bytes (not characters). */
    public static final int MAX_REPLY_BYTES = 4096;

    private static final String SERVICE = GoogleBusinessProfileConnector.SERVICE;

    private static final Pattern REVIEW_NAME = Pattern
        .compile("accounts/[A-Za-z0-9_-]+/locations/[A-Za-z0-9_-]+/reviews/[A-Za-z0-9_-]+");

    private final URI reviewsApi;

    private final ConnectorHttp http;

    public GoogleReplies(URI reviewsApi, ConnectorHttp http) {
        this.reviewsApi = reviewsApi;
        this.http = http;
    }

    /** Against Google's own address. */
    public GoogleReplies(ConnectorHttp http) {
        this(GoogleBusinessProfileConnector.REVIEWS_API, http);
    }

    /**
     * The reply as Google stores it after the write.
     *
     * @param state REVIEW_REPLY_STATE_UNSPECIFIED, PENDING (under moderation), REJECTED or APPROVED, or null
     * @param policyViolation why Google rejected it (PERSONAL_INFO, OFFENSIVE…), or null
     */
    public record Reply(String comment, Instant updateTime, String state, String policyViolation) {
    }

    /**
     * Creates or replaces the reply, then reads the review back.
     *
     * @param reviewName "accounts/…/locations/…/reviews/…" (the review's attribute "ressource")
     * @throws ConnectorException SETTINGS before any call when the reply is empty or over 4096 bytes; UNAVAILABLE
     *         when the reply read back differs
     */
    public Reply updateReply(String accessToken, String reviewName, String comment)
            throws ConnectorException, InterruptedException {
        var review = reviewName(reviewName);
        if (comment == null || comment.isBlank()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, SERVICE + " : la réponse est vide.");
        }
        var bytes = comment.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_REPLY_BYTES) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, SERVICE + " : la réponse fait " + bytes
                    + " octets une fois encodée (UTF-8) ; Google en accepte " + MAX_REPLY_BYTES
                    + " au plus (les lettres accentuées comptent double) : raccourcissez-la.");
        }
        var token = GoogleApi.requireToken(SERVICE, accessToken);
        var body = GoogleApi.raw(GoogleApi.JSON.createObjectNode().put("comment", comment));
        var put = GoogleApi.bearer(http.request(replyUri(review)), token)
            .header("Content-Type", "application/json; charset=utf-8")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
        GoogleApi.object(SERVICE, http.json(SERVICE, put));
        var stored = readBack(token, review);
        var reply = stored.path("reviewReply");
        var storedComment = reply.isObject() ? text(reply, "comment") : null;
        if (storedComment == null || !normalised(storedComment).equals(normalised(comment))) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE, SERVICE
                    + " : la réponse lue en retour diffère : Google affiche "
                    + (storedComment == null ? "aucune réponse" : "« " + GoogleApi.shorten(storedComment, 200) + " »")
                    + " au lieu de « " + GoogleApi.shorten(comment, 200) + " » ; nouvel essai plus tard.");
        }
        return new Reply(storedComment, GoogleApi.instant(SERVICE, reply, "updateTime"), text(reply, "reviewReplyState"),
                text(reply, "policyViolation"));
    }

    /**
     * Deletes the reply, then reads the review back.
     *
     * @throws ConnectorException UNAVAILABLE when the review still has a reply
     */
    public void deleteReply(String accessToken, String reviewName) throws ConnectorException, InterruptedException {
        var review = reviewName(reviewName);
        var token = GoogleApi.requireToken(SERVICE, accessToken);
        http.send(SERVICE, GoogleApi.bearer(http.request(replyUri(review)), token).DELETE().build());
        var reply = readBack(token, review).path("reviewReply");
        if (reply.isObject() && text(reply, "comment") != null) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    SERVICE + " : la réponse lue en retour diffère : elle est toujours en ligne après sa suppression (« "
                            + GoogleApi.shorten(text(reply, "comment"), 200) + " ») ; nouvel essai plus tard.");
        }
    }

    private JsonNode readBack(String token, String review) throws ConnectorException, InterruptedException {
        var uri = GoogleApi.uri(reviewsApi, "/v4/" + review, Map.of());
        return GoogleApi.object(SERVICE, http.json(SERVICE, GoogleApi.bearer(http.request(uri), token).GET().build()));
    }

    private URI replyUri(String review) {
        return GoogleApi.uri(reviewsApi, "/v4/" + review + "/reply", Map.of());
    }

    private static String reviewName(String reviewName) throws ConnectorException {
        if (reviewName == null || !REVIEW_NAME.matcher(reviewName.strip()).matches()) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, SERVICE
                    + " : l'avis n'est pas désigné par son nom complet (accounts/…/locations/…/reviews/…) : " + reviewName + ".");
        }
        return reviewName.strip();
    }

    /** Google may store CRLF as LF and trim the ends; anything else is a real difference. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n").strip();
    }

}
