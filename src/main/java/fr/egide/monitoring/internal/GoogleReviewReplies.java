package fr.egide.monitoring.internal;

import fr.egide.monitoring.ReviewReplies;
import fr.egide.monitoring.connectors.ConnectorException;
import fr.egide.monitoring.connectors.GoogleReplies;
import fr.egide.system.ConflictException;
import fr.egide.system.InvalidRequestException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Replies to reviews of the practitioner's own Google listing: {@code updateReply} / {@code deleteReply} with the
 * connected account's token (renewed once when Google answers 401), the UTF-8 byte limit checked before any call
 * and the result read back.
 */
@Service
class GoogleReviewReplies implements ReviewReplies {

    private final JdbcClient jdbc;

    private final GoogleConnections connections;

    private final GoogleReplies replies;

    GoogleReviewReplies(JdbcClient jdbc, GoogleConnections connections, GoogleReplies replies) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.replies = replies;
    }

    /** A review of a Google Business Profile source with a connected account. */
    record Target(UUID connection, String reviewName, String replyUrl) {
    }

    Optional<Target> target(UUID mentionId) {
        return jdbc.sql("""
                select s.settings ->> 'connexion' as connexion, m.raw ->> 'ressource' as ressource, m.raw ->> 'reponseUrl' as reponse_url
                from monitoring_mention m join monitoring_source s on s.id = m.source_id
                where m.id = ? and s.kind = 'GOOGLE_BUSINESS'
                """)
            .param(mentionId)
            .query((rs, row) -> {
                var connection = rs.getString("connexion");
                var review = rs.getString("ressource");
                if (connection == null || review == null || !connection.matches("[0-9a-fA-F-]{36}")) {
                    return null;
                }
                return new Target(UUID.fromString(connection), review, rs.getString("reponse_url"));
            })
            .optional();
    }

    @Override
    public boolean canPublish(UUID mentionId) {
        return target(mentionId).isPresent();
    }

    @Override
    public String publish(UUID mentionId, String text) {
        var target = target(mentionId).orElseThrow(() -> new InvalidRequestException(
                "Cette mention ne vient pas d'une fiche Google connectée : copiez la réponse sur le site et indiquez où elle est publiée."));
        call(target, token -> replies.updateReply(token, target.reviewName(), text));
        return target.replyUrl();
    }

    @Override
    public void withdraw(UUID mentionId) {
        var target = target(mentionId).orElseThrow(() -> new InvalidRequestException("Cette mention ne vient pas d'une fiche Google connectée."));
        call(target, token -> {
            replies.deleteReply(token, target.reviewName());
            return null;
        });
    }

    private interface Call {

        Object run(String token) throws ConnectorException, InterruptedException;

    }

    private void call(Target target, Call call) {
        try {
            var token = connections.accessToken(target.connection(), false);
            try {
                call.run(token);
            }
            catch (ConnectorException ex) {
                if (ex.kind() != ConnectorException.Kind.AUTH_EXPIRED) {
                    throw ex;
                }
                call.run(connections.accessToken(target.connection(), true));
            }
        }
        catch (ConnectorException ex) {
            if (ex.kind() == ConnectorException.Kind.SETTINGS) {
                throw new InvalidRequestException(ex.getMessage());
            }
            throw new ConflictException("La réponse n'a pas été publiée sur Google : " + ex.getMessage());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ConflictException("La publication sur Google a été interrompue : rien n'est compté comme publié.");
        }
    }

}
