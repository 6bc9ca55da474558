package fr.egide.monitoring;

import java.time.Instant;

/** One text a mention had, when Égide saw it. Version 1 is the first text seen. */
public record MentionVersion(int versionNo, String text, Integer rating, Instant seenAt) {
}
