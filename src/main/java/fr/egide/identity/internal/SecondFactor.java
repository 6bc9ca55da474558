package fr.egide.identity.internal;

import fr.egide.identity.TwoFactorRequirement;
import fr.egide.system.InvalidRequestException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional second factor: a TOTP application, and ten one-time recovery codes for the day the phone is lost.
 * Mandatory for everyone with {@code egide.identity.totp-required}, or for the users a
 * {@link TwoFactorRequirement} names (an organisation's members).
 */
@Service
class SecondFactor {

    static final int RECOVERY_CODES = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;

    private final JdbcClient jdbc;

    private final IdentitySettings settings;

    private final List<TwoFactorRequirement> requirements;

    private final Clock clock;

    SecondFactor(Users users, JdbcClient jdbc, IdentitySettings settings, List<TwoFactorRequirement> requirements) {
        this.users = users;
        this.jdbc = jdbc;
        this.settings = settings;
        this.requirements = requirements;
        this.clock = Clock.systemUTC();
    }

    boolean enabled(UUID userId) {
        return users.totp(userId).enabled();
    }

    boolean required(UUID userId) {
        return settings.totpRequired() || requirements.stream().anyMatch(requirement -> requirement.requiredFor(userId));
    }

    /**
     * Turns TOTP on once the user has shown, with a first code, that their application holds the secret.
     * Returns the recovery codes, shown once and stored only hashed.
     */
    @Transactional
    List<String> enable(UUID userId, String secret, String code) {
        if (users.totp(userId).enabled()) {
            throw new InvalidRequestException("La double authentification est déjà activée sur ce compte.");
        }
        var step = Totp.verify(secret, code, clock.instant());
        if (step.isEmpty()) {
            throw new InvalidRequestException("Code incorrect : saisissez les 6 chiffres affichés maintenant par votre "
                    + "application d'authentification (vérifiez aussi l'heure du téléphone).");
        }
        users.enableTotp(userId, secret, step.getAsLong());
        return newRecoveryCodes(userId);
    }

    @Transactional
    void disable(UUID userId, String code) {
        if (required(userId)) {
            throw new InvalidRequestException("La double authentification est obligatoire pour votre compte : elle ne peut "
                    + "pas être désactivée.");
        }
        if (!verify(userId, code)) {
            throw new InvalidRequestException("Code incorrect : la double authentification reste activée.");
        }
        users.disableTotp(userId);
        jdbc.sql("delete from identity_recovery_code where user_id = ?").param(userId).update();
    }

    /** A code from the application (not already used) or an unused recovery code, which is then spent. */
    @Transactional
    boolean verify(UUID userId, String code) {
        var state = users.totp(userId);
        if (!state.enabled() || code == null) {
            return false;
        }
        var step = Totp.verify(state.secret(), code, clock.instant());
        if (step.isPresent()) {
            return users.advanceTotpStep(userId, step.getAsLong());
        }
        return spendRecoveryCode(userId, code);
    }

    @Transactional
    List<String> regenerateRecoveryCodes(UUID userId) {
        if (!users.totp(userId).enabled()) {
            throw new InvalidRequestException("Activez d'abord la double authentification.");
        }
        return newRecoveryCodes(userId);
    }

    int remainingRecoveryCodes(UUID userId) {
        return jdbc.sql("select count(*) from identity_recovery_code where user_id = ? and used_at is null")
            .param(userId)
            .query(Integer.class)
            .single();
    }

    private List<String> newRecoveryCodes(UUID userId) {
        jdbc.sql("delete from identity_recovery_code where user_id = ?").param(userId).update();
        var codes = new ArrayList<String>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            var bytes = new byte[10];
            RANDOM.nextBytes(bytes);
            var text = Totp.base32(bytes).toLowerCase(java.util.Locale.ROOT);
            var code = text.substring(0, 4) + "-" + text.substring(4, 8) + "-" + text.substring(8, 12) + "-" + text.substring(12, 16);
            jdbc.sql("insert into identity_recovery_code (id, user_id, code_hash) values (?, ?, ?)")
                .params(UUID.randomUUID(), userId, ApiTokens.hash(normalize(code)))
                .update();
            codes.add(code);
        }
        return codes;
    }

    private boolean spendRecoveryCode(UUID userId, String code) {
        var normalized = normalize(code);
        if (normalized.length() != 16) {
            return false;
        }
        return jdbc.sql("""
                update identity_recovery_code set used_at = now()
                where user_id = ? and code_hash = ? and used_at is null
                """)
            .params(userId, ApiTokens.hash(normalized))
            .update() == 1;
    }

    private static String normalize(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(java.util.Locale.ROOT);
    }

}
