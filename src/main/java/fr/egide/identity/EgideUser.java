package fr.egide.identity;

import java.util.UUID;

/** A signed-in person, as other modules may know them: an id to reference, a name to show. */
public record EgideUser(UUID id, String email, String displayName, boolean administrator) {
}
