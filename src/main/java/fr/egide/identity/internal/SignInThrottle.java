package fr.egide.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Brute-force protection, shared by every instance through the database. Failures are counted per account (the
 * e-mail typed, whether or not an account has it, so that a lock says nothing about existence) and per IP
 * address. Past a threshold each new failure locks for a time that doubles, up to a ceiling; a success clears
 * the account's count. Counts older than the forget period start again from zero.
 */
@Service
class SignInThrottle {

    enum Kind {
        ACCOUNT, ADDRESS
    }

    private final JdbcClient jdbc;

    private final IdentitySettings settings;

    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, IdentitySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** The end of the lock on this account or this address, whichever lasts longer; empty when neither is locked. */
    Optional<Instant> lockedUntil(String email, String address) {
        var now = clock.instant();
        return jdbc.sql("""
                select max(locked_until) from identity_sign_in_throttle
                where ((kind = 'ACCOUNT' and key = ?) or (kind = 'ADDRESS' and key = ?)) and locked_until > ?
                """)
            .params(accountKey(email), address, java.sql.Timestamp.from(now))
            .query(java.sql.Timestamp.class)
            .optional()
            .map(java.sql.Timestamp::toInstant);
    }

    /** Counts a failure for the account and the address; returns the lock it starts, if any. */
    Optional<Instant> failed(String email, String address) {
        var account = record(Kind.ACCOUNT, accountKey(email), settings.lockoutAccountThreshold());
        var byAddress = record(Kind.ADDRESS, address, settings.lockoutAddressThreshold());
        return account.isPresent() && byAddress.isPresent() ? Optional.of(max(account.get(), byAddress.get()))
                : account.or(() -> byAddress);
    }

    void succeeded(String email) {
        jdbc.sql("delete from identity_sign_in_throttle where kind = 'ACCOUNT' and key = ?").param(accountKey(email)).update();
    }

    private Optional<Instant> record(Kind kind, String key, int threshold) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        var now = clock.instant();
        var forgetBefore = now.minus(settings.lockoutForgetAfter());
        // One statement, so that two instances counting at once do not lose a failure.
        int failures = jdbc.sql("""
                insert into identity_sign_in_throttle (kind, key, failures, last_failure_at) values (?, ?, 1, ?)
                on conflict (kind, key) do update set
                    failures = case when identity_sign_in_throttle.last_failure_at < ? then 1
                                    else identity_sign_in_throttle.failures + 1 end,
                    last_failure_at = excluded.last_failure_at
                returning failures
                """)
            .params(kind.name(), key, java.sql.Timestamp.from(now), java.sql.Timestamp.from(forgetBefore))
            .query(Integer.class)
            .single();
        if (failures < threshold) {
            return Optional.empty();
        }
        var lock = lockDuration(failures - threshold);
        var until = now.plus(lock);
        jdbc.sql("update identity_sign_in_throttle set locked_until = ? where kind = ? and key = ?")
            .params(java.sql.Timestamp.from(until), kind.name(), key)
            .update();
        return Optional.of(until);
    }

    /** The first lock lasts the base duration, each further failure doubles it, up to the ceiling. */
    Duration lockDuration(int failuresPastThreshold) {
        var lock = settings.lockoutBase();
        for (int i = 0; i < failuresPastThreshold && lock.compareTo(settings.lockoutMax()) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(settings.lockoutMax()) > 0 ? settings.lockoutMax() : lock;
    }

    /** "Réessayez dans 2 minutes" — the wait, rounded up, in French. */
    static String retryIn(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        if (seconds < 60) {
            return seconds + (seconds > 1 ? " secondes" : " seconde");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes > 1 ? " minutes" : " minute");
    }

    private static String accountKey(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

}
