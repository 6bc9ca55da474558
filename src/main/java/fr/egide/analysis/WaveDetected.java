package fr.egide.analysis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A wave of a cabinet's mentions (a possible coordinated campaign) appeared or grew at the last refresh of the waves.
 * An indicator for the practitioner, who knows whether these authors exist; never a finding that they are fake.
 *
 * @param firstMentionId the wave's earliest-known member, stable while the wave grows (listeners key on it)
 */
public record WaveDetected(UUID cabinetId, WaveKind kind, UUID firstMentionId, int size, Instant from, Instant to) {
}
