package fr.egide.evidence;

import java.time.Instant;

/**
 * One entry of a bundle's chain of custody.
 *
 * @param position 1 for the first entry of the bundle, then 2, 3…
 * @param actor who did it (a user's name and id, or "système")
 * @param previousHash the hash of the previous entry (64 zeros for the first)
 * @param hash SHA-256 of this entry's fields and the previous hash
 */
public record CustodyEntry(String captureId, int position, String action, String actor, Instant at, String detail,
        String previousHash, String hash) {

    public static final String GENESIS = "0".repeat(64);

}
