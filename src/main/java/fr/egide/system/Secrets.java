package fr.egide.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets at rest (connector tokens, webhook secrets): AES-256-GCM with a 96-bit random nonce under a key kept
 * outside the database. Stored form: {@code enc:<key id>:} + Base64(nonce ‖ ciphertext ‖ 128-bit tag); the prefix
 * is authenticated data, so a value cannot be moved to another key id or format unnoticed. The key id says which
 * key encrypted a value: after a rotation the previous keys still decrypt, and the stored values are re-encrypted
 * under the current key (docs/AUDIT.md). Values of the first format ({@code v1:}, the Google tokens' cipher before
 * this class) are still read, with any known key.
 */
public final class Secrets {

    public static final int KEY_BYTES = 32;

    private static final String PREFIX = "enc:";

    private static final String LEGACY_PREFIX = "v1:";

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;

    private final String currentId;

    /**
     * @param keys every usable key by id, in any order
     * @param currentId the key that encrypts from now on
     */
    public Secrets(Map<String, SecretKey> keys, String currentId) {
        if (!keys.containsKey(currentId)) {
            throw new IllegalArgumentException("clé de chiffrement des secrets « " + currentId + " » introuvable");
        }
        for (var entry : keys.entrySet()) {
            if (!entry.getKey().matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException("identifiant de clé invalide (lettres, chiffres, - et _ ; 40 au plus) : " + entry.getKey());
            }
            if (entry.getValue().getEncoded() == null || entry.getValue().getEncoded().length != KEY_BYTES) {
                throw new IllegalArgumentException("la clé « " + entry.getKey() + " » doit faire " + KEY_BYTES + " octets (AES-256)");
            }
        }
        this.keys = Map.copyOf(keys);
        this.currentId = currentId;
    }

    /** From raw keys (32 bytes each): the first is current; ids are derived from the keys themselves. */
    public static Secrets of(byte[] current, byte[]... previous) {
        var keys = new LinkedHashMap<String, SecretKey>();
        var currentKey = new SecretKeySpec(current.clone(), "AES");
        if (current.length != KEY_BYTES) {
            throw new IllegalArgumentException("la clé de chiffrement des secrets doit faire " + KEY_BYTES + " octets (AES-256), pas " + current.length);
        }
        keys.put(idOf(current), currentKey);
        for (var key : previous) {
            keys.putIfAbsent(idOf(key), new SecretKeySpec(key.clone(), "AES"));
        }
        return new Secrets(keys, idOf(current));
    }

    /** A key as configured (Base64 of 32 bytes). */
    public static byte[] decodeKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("la clé de chiffrement des secrets n'est pas du Base64 valide", ex);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("la clé de chiffrement des secrets doit faire " + KEY_BYTES + " octets (AES-256), pas " + bytes.length);
        }
        return bytes;
    }

    /** The id of a key: "k" and the first 8 hex digits of its SHA-256 (identifies it without revealing it). */
    public static String idOf(byte[] key) {
        try {
            return "k" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)).substring(0, 8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 indisponible", ex);
        }
    }

    public static byte[] newKey() {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public String currentKeyId() {
        return currentId;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public String encrypt(String secret) {
        if (secret == null) {
            return null;
        }
        var nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        var prefix = PREFIX + currentId + ":";
        try {
            var sealed = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, prefix).doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return prefix + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("chiffrement du secret impossible", ex);
        }
    }

    /** @throws IllegalArgumentException in French, when the value is not encrypted, was altered or its key is unknown */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith(LEGACY_PREFIX)) {
            for (var key : keys.values()) {
                try {
                    return open(key, LEGACY_PREFIX, stored.substring(LEGACY_PREFIX.length()));
                }
                catch (IllegalArgumentException tryAnother) {
                    // the next known key
                }
            }
            throw tampered();
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("secret illisible : il n'est pas chiffré (préfixe « enc: » attendu)");
        }
        var end = stored.indexOf(':', PREFIX.length());
        if (end < 0) {
            throw tampered();
        }
        var id = stored.substring(PREFIX.length(), end);
        var key = keys.get(id);
        if (key == null) {
            throw new IllegalArgumentException("secret chiffré avec la clé « " + id
                    + " », qui n'est pas configurée : ajoutez-la aux clés précédentes (EGIDE_SECRETS_PREVIOUS_KEYS)");
        }
        return open(key, stored.substring(0, end + 1), stored.substring(end + 1));
    }

    public boolean isEncrypted(String stored) {
        return stored != null && (stored.startsWith(PREFIX) || stored.startsWith(LEGACY_PREFIX));
    }

    /** Whether a stored value is already encrypted under the current key (nothing to re-encrypt). */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX + currentId + ":");
    }

    /** The stored value under the current key; a value still in clear (before encryption at rest) is encrypted. */
    public String reencrypt(String stored) {
        if (stored == null || isCurrent(stored)) {
            return stored;
        }
        return encrypt(isEncrypted(stored) ? decrypt(stored) : stored);
    }

    private String open(SecretKey key, String prefix, String body) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(body);
        }
        catch (IllegalArgumentException ex) {
            throw tampered();
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw tampered();
        }
        try {
            return new String(cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(bytes, NONCE_BYTES), prefix)
                .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        }
        catch (AEADBadTagException ex) {
            throw tampered();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("déchiffrement du secret impossible", ex);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String prefix) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    private static IllegalArgumentException tampered() {
        return new IllegalArgumentException("secret chiffré altéré ou chiffré avec une autre clé : déchiffrement refusé");
    }

    @Override
    public String toString() {
        return "Secrets[AES-256-GCM, clé courante " + currentId + ", clés masquées]";
    }

}
