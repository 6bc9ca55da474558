package fr.egide.system;

import fr.egide.monitoring.connectors.TokenCipher;
import java.util.Base64;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-256-GCM secrets: round trip, fresh nonce, tampering and unknown keys refused, rotation, the first format read. */
class SecretsUnitTests {

    @Test
    void roundTripsWithAFreshNonceAndTheKeyIdInThePrefix() {
        var key = Secrets.newKey();
        var secrets = Secrets.of(key);
        var once = secrets.encrypt("jeton-très-secret");
        var twice = secrets.encrypt("jeton-très-secret");
        assertThat(once).startsWith("enc:" + Secrets.idOf(key) + ":").isNotEqualTo(twice).doesNotContain("secret");
        assertThat(secrets.decrypt(once)).isEqualTo("jeton-très-secret");
        assertThat(secrets.decrypt(twice)).isEqualTo("jeton-très-secret");
        // 12-byte nonce + 17 bytes of text + 16-byte tag
        assertThat(Base64.getDecoder().decode(once.substring(once.lastIndexOf(':') + 1))).hasSize(12 + 18 + 16);
    }

    @Test
    void refusesAnAlteredValueAnotherKeyAndAMovedPrefix() {
        var secrets = Secrets.of(Secrets.newKey());
        var stored = secrets.encrypt("abc");
        var bytes = Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        bytes[14] ^= 1;
        var altered = stored.substring(0, stored.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> secrets.decrypt(altered)).hasMessageContaining("altéré");
        var other = Secrets.of(Secrets.newKey());
        assertThatThrownBy(() -> other.decrypt(stored)).hasMessageContaining("n'est pas configurée");
        assertThatThrownBy(() -> secrets.decrypt("en clair")).hasMessageContaining("pas chiffré");
        assertThatThrownBy(() -> Secrets.decodeKey(Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("32 octets");
    }

    @Test
    void aRotationKeepsOldValuesReadableAndReencryptsThemUnderTheNewKey() {
        var oldKey = Secrets.newKey();
        var before = Secrets.of(oldKey).encrypt("mot de passe SMTP");
        var after = Secrets.of(Secrets.newKey(), oldKey);
        assertThat(after.isCurrent(before)).isFalse();
        assertThat(after.decrypt(before)).isEqualTo("mot de passe SMTP");
        var rotated = after.reencrypt(before);
        assertThat(after.isCurrent(rotated)).isTrue();
        assertThat(after.decrypt(rotated)).isEqualTo("mot de passe SMTP");
        assertThat(after.reencrypt("stocké en clair")).startsWith("enc:" + after.currentKeyId() + ":");
    }

    @Test
    void readsTheFirstFormatOfTheGoogleTokens() {
        var key = Secrets.newKey();
        var legacy = new TokenCipher(key).encrypt("1//ancien-jeton");
        assertThat(Secrets.of(key).decrypt(legacy)).isEqualTo("1//ancien-jeton");
        assertThat(Secrets.of(key).reencrypt(legacy)).startsWith("enc:");
    }

}
