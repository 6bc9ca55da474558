package fr.egide.system.internal;

import fr.egide.system.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the key of {@link Secrets} comes from, in this order:
 * <ol>
 * <li>a PKCS12 keystore ({@code egide.secrets.keystore}, its password and the alias of the current key): every
 * AES key of the keystore can decrypt, the alias names the one that encrypts, and is the key id;</li>
 * <li>{@code egide.secrets.key} (EGIDE_SECRETS_KEY, Base64 of 32 bytes), with {@code egide.secrets.previous-keys}
 * (EGIDE_SECRETS_PREVIOUS_KEYS, comma-separated) still readable after a rotation;</li>
 * <li>otherwise (a development or embedded install), a key file created once under {@code $EGIDE_HOME/secrets/},
 * readable by its owner only, with a warning in the log: it must be backed up apart from the database.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    Secrets secrets(@Value("${egide.secrets.key:}") String key, @Value("${egide.secrets.previous-keys:}") String previous,
            @Value("${egide.secrets.keystore:}") String keystore, @Value("${egide.secrets.keystore-password:}") String keystorePassword,
            @Value("${egide.secrets.keystore-alias:}") String alias, @Value("${egide.home}") Path home) {
        var older = new ArrayList<byte[]>();
        for (var part : previous.split(",")) {
            if (!part.isBlank()) {
                older.add(Secrets.decodeKey(part));
            }
        }
        if (!keystore.isBlank()) {
            return fromKeystore(Path.of(keystore.strip()), keystorePassword.toCharArray(), alias.strip(), older);
        }
        if (!key.isBlank()) {
            return Secrets.of(Secrets.decodeKey(key), older.toArray(byte[][]::new));
        }
        // The file the Google tokens' cipher has used since issue 6: tokens stored before keep decrypting.
        return Secrets.of(Secrets.decodeKey(keyFile(home.resolve("secrets").resolve("cle-jetons.key"))), older.toArray(byte[][]::new));
    }

    static Secrets fromKeystore(Path file, char[] password, String alias, java.util.List<byte[]> older) {
        try (InputStream in = Files.newInputStream(file)) {
            var store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            var keys = new LinkedHashMap<String, SecretKey>();
            for (var name : Collections.list(store.aliases())) {
                if (store.getKey(name, password) instanceof SecretKey secret) {
                    keys.put(name, secret);
                }
            }
            for (var key : older) {
                keys.putIfAbsent(Secrets.idOf(key), new javax.crypto.spec.SecretKeySpec(key, "AES"));
            }
            var current = alias.isBlank() && keys.size() == 1 ? keys.keySet().iterator().next() : alias;
            return new Secrets(keys, current);
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException("Magasin de clés des secrets illisible (" + file + ") : " + ex.getMessage(), ex);
        }
    }

    /** The key kept in a file readable by its owner only, created at the first start. */
    static String keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            var key = Base64.getEncoder().encodeToString(Secrets.newKey());
            var temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            log.warn("ATTENTION : aucune clé de chiffrement des secrets n'est configurée (EGIDE_SECRETS_KEY) ; une clé a été créée dans {}. "
                    + "Sauvegardez-la à part de la base : sans elle, les jetons et secrets enregistrés sont perdus.", file);
            return key;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Clé de chiffrement des secrets illisible ou impossible à créer (" + file + ")", ex);
        }
    }

}
