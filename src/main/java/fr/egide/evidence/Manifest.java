package fr.egide.evidence;

import java.time.Instant;
import java.util.List;

/**
 * What a bundle contains, sealed by timestamps: every file with its SHA-256 digest and size.
 *
 * @param captureId the capture's identifier
 * @param url what was captured
 * @param startedAt when the capture started (UTC)
 * @param endedAt when it ended (UTC)
 * @param files every file of the bundle except the manifest, the tokens and VERIFY.txt, by path
 */
public record Manifest(String captureId, String url, Instant startedAt, Instant endedAt, List<File> files) {

    public Manifest {
        files = List.copyOf(files);
    }

    /** One sealed file: its path in the bundle (with "/"), SHA-256 in lower-case hex, size in bytes. */
    public record File(String path, String sha256, long size) {
    }

    public static final String NAME = "manifest.json";

    public static final String TOKENS = "horodatages/";

    public static final String HOW_TO_VERIFY = "VERIFY.txt";

}
