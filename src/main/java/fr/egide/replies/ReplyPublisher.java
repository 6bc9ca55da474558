package fr.egide.replies;

import fr.egide.monitoring.MentionText;

/**
 * A connector that can post a reply on the site where a mention was published (Google Business Profile's
 * updateReply, to come with the monitoring connectors). Declared as a bean; when none can publish a mention's
 * reply, the user copies it to the site and records where it was published.
 */
public interface ReplyPublisher {

    /** Shown in the reply's history ("publiée via …"). */
    String name();

    boolean canPublish(MentionText mention);

    /** Posts the reply and returns the address where it can be seen, or null when the site gives none. */
    String publish(MentionText mention, String text);

}
