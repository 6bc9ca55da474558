package fr.egide.monitoring;

import java.util.UUID;

/** A connector source was put in error after repeated or definitive failures: someone must look (alerts). */
public record SourceFailed(UUID sourceId, UUID cabinetId, String sourceName, String reason) {
}
