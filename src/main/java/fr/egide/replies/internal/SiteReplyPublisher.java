package fr.egide.replies.internal;

import fr.egide.monitoring.MentionText;
import fr.egide.monitoring.ReviewReplies;
import fr.egide.replies.ReplyPublisher;
import org.springframework.stereotype.Component;

/** Publishes approved replies on the sites that take them from Égide (the practitioner's own Google listing). */
@Component
class SiteReplyPublisher implements ReplyPublisher {

    private final ReviewReplies replies;

    SiteReplyPublisher(ReviewReplies replies) {
        this.replies = replies;
    }

    @Override
    public String name() {
        return "Google Business Profile";
    }

    @Override
    public boolean canPublish(MentionText mention) {
        return replies.canPublish(mention.id());
    }

    @Override
    public String publish(MentionText mention, String text) {
        return replies.publish(mention.id(), text);
    }

}
