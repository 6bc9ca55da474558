package fr.egide.analysis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A group of mentions of one practice that may be a coordinated campaign: an indicator for the practitioner,
 * who knows whether these authors exist; not a finding that they are fake.
 *
 * @param author the shared pseudonym for {@link WaveKind#MEME_AUTEUR}, null otherwise
 * @param from the earliest possible publication among the items
 * @param to the latest possible publication among the items
 */
public record Wave(WaveKind kind, List<UUID> mentionIds, Instant from, Instant to, String author, String description) {

    public Wave {
        mentionIds = List.copyOf(mentionIds);
    }

    public int size() {
        return mentionIds.size();
    }

}
