package fr.egide.system.internal;

import fr.egide.system.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the secrets' key comes from: a PKCS12 keystore (alias = key id, every key readable) or a key file made once. */
class SecretsConfigurationUnitTests {

    @TempDir
    Path folder;

    @Test
    void aKeystoreGivesTheCurrentKeyByAliasAndKeepsTheOthersReadable() throws Exception {
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        var password = "mot-de-passe-du-magasin".toCharArray();
        var oldKey = Secrets.newKey();
        store.setEntry("cle-2025", new KeyStore.SecretKeyEntry(new SecretKeySpec(oldKey, "AES")), new KeyStore.PasswordProtection(password));
        store.setEntry("cle-2026", new KeyStore.SecretKeyEntry(new SecretKeySpec(Secrets.newKey(), "AES")), new KeyStore.PasswordProtection(password));
        var file = folder.resolve("secrets.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        var secrets = SecretsConfiguration.fromKeystore(file, password, "cle-2026", List.of());
        assertThat(secrets.currentKeyId()).isEqualTo("cle-2026");
        assertThat(secrets.encrypt("x")).startsWith("enc:cle-2026:");
        var before = new Secrets(java.util.Map.of("cle-2025", new SecretKeySpec(oldKey, "AES")), "cle-2025").encrypt("ancien secret");
        assertThat(secrets.decrypt(before)).isEqualTo("ancien secret");
    }

    @Test
    void withoutAKeyOneIsCreatedOnceReadableByItsOwnerOnly() throws Exception {
        var file = folder.resolve("secrets").resolve("cle-jetons.key");
        var first = SecretsConfiguration.keyFile(file);
        assertThat(Secrets.decodeKey(first)).hasSize(32);
        assertThat(SecretsConfiguration.keyFile(file)).isEqualTo(first);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

}
