package fr.egide.monitoring.connectors;

import java.time.Duration;

/** Why a fetch failed, in French, and what the scheduler should do about it. */
public class ConnectorException extends Exception {

    /** What went wrong, which decides the next step. */
    public enum Kind {
        /** The access token expired (401): refresh it, then retry once. */
        AUTH_EXPIRED,
        /** Refused (403: insufficient scope, JSON disabled…): the source needs the user; no retry. */
        FORBIDDEN,
        /** The resource does not exist (404): the settings are wrong; no retry. */
        NOT_FOUND,
        /** Too many requests (429): retry after {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The service failed (5xx), timed out or could not be reached: retry later with back-off. */
        UNAVAILABLE,
        /** The answer could not be read (malformed JSON or XML): retry later; it is kept for diagnosis. */
        MALFORMED,
        /** The source's settings are incomplete or invalid: the user must fix them. */
        SETTINGS
    }

    private final Kind kind;

    private final Duration retryAfter;

    public ConnectorException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public ConnectorException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** For RATE_LIMITED: how long the service asked to wait (null when it did not say). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether trying again later may succeed without the user doing anything. */
    public boolean transientFailure() {
        return kind == Kind.RATE_LIMITED || kind == Kind.UNAVAILABLE || kind == Kind.MALFORMED || kind == Kind.AUTH_EXPIRED;
    }

}
