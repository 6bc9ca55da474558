package fr.egide.monitoring;

import java.math.BigDecimal;
import java.util.UUID;

/** A source's figures for the dashboard: how many mentions, how many rated, and their average rating. */
public record SourceFigures(UUID sourceId, String name, SourceKind kind, long mentions, long rated,
        BigDecimal averageRating) {
}
