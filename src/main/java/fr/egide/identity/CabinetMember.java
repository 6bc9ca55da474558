package fr.egide.identity;

import java.time.Instant;

/** A member of a cabinet, with their role and since when. */
public record CabinetMember(EgideUser user, CabinetRole role, Instant since) {
}
