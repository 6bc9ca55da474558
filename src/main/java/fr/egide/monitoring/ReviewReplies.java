package fr.egide.monitoring;

import java.util.UUID;

/**
 * Replies posted on the site a mention comes from, for the sources that allow it (the practitioner's own Google
 * Business Profile listing, through the connected account). Each write is read back before it counts as done.
 */
public interface ReviewReplies {

    /** Whether the mention's source can take a reply from Égide (otherwise the user copies it to the site). */
    boolean canPublish(UUID mentionId);

    /**
     * Posts (or replaces) the reply and reads it back.
     *
     * @return where the reply can be seen, or null when the site gives no address
     * @throws fr.egide.system.ConflictException in French when the site refused or could not be reached; nothing
     *         is then counted as published
     */
    String publish(UUID mentionId, String text);

    /** Withdraws the reply from the site and checks it is gone. */
    void withdraw(UUID mentionId);

}
