package fr.egide.monitoring.connectors;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts OAuth tokens at rest (AES-256-GCM): a database dump without the key gives no access to the
 * practitioner's Google account. Stored form: "v1:" + Base64(12-byte random IV ‖ ciphertext ‖ 16-byte tag); the
 * "v1" prefix is authenticated too, so a future format cannot be confused with this one. Any change to the stored
 * value, or another key, is detected and refused.
 */
public final class TokenCipher {

    public static final int KEY_BYTES = 32;

    private static final String PREFIX = "v1:";

    private static final int IV_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param key 32 random bytes (see {@link #newKey()}), kept outside the database */
    public TokenCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("la clé de chiffrement des jetons doit faire " + KEY_BYTES + " octets (AES-256), pas "
                    + (key == null ? 0 : key.length));
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** From the key as configured (Base64 of 32 bytes). */
    public static TokenCipher ofBase64(String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key == null ? "" : key.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("la clé de chiffrement des jetons n'est pas du Base64 valide", ex);
        }
        return new TokenCipher(bytes);
    }

    /** A fresh random key, 32 bytes. */
    public static byte[] newKey() {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public String encrypt(String token) {
        var iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            var cipher = cipher(Cipher.ENCRYPT_MODE, iv);
            var sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder()
                .encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("chiffrement du jeton impossible", ex);
        }
    }

    /** @throws IllegalArgumentException in French, when the value was altered, truncated or encrypted with another key */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("jeton chiffré illisible : format inconnu (préfixe « v1: » attendu)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        }
        catch (IllegalArgumentException ex) {
            throw tampered(ex);
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw tampered(null);
        }
        try {
            var cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        }
        catch (AEADBadTagException ex) {
            throw tampered(ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("déchiffrement du jeton impossible", ex);
        }
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static IllegalArgumentException tampered(Exception cause) {
        return new IllegalArgumentException(
                "jeton chiffré altéré ou chiffré avec une autre clé : déchiffrement refusé ; reconnectez le compte Google", cause);
    }

    @Override
    public String toString() {
        return "TokenCipher[AES-256-GCM, clé masquée]";
    }

}
