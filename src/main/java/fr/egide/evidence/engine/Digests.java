package fr.egide.evidence.engine;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes and streams, in lower-case hex. */
public final class Digests {

    private Digests() {
    }

    public static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** Digest and size of a stream read to its end. */
    public static Result sha256(InputStream in) throws IOException {
        var digest = digest();
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            digest.update(buffer, 0, read);
            size += read;
        }
        return new Result(HexFormat.of().formatHex(digest.digest()), size);
    }

    public record Result(String hex, long size) {
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
