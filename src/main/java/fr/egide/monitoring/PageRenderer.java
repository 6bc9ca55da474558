package fr.egide.monitoring;

import java.net.URI;
import java.time.Duration;

/**
 * Renders a watched web page whose text is written by its scripts: a browser loads it and gives back the HTML of
 * the document once the scripts have run. Declared here and implemented by the evidence module, which drives
 * Chromium (evidence depends on monitoring, not the reverse); the application may have none.
 */
@FunctionalInterface
public interface PageRenderer {

    /**
     * The rendered HTML of the page ({@code document.documentElement.outerHTML}).
     *
     * @param timeout the longest the page may take to load; a slower page is read as it is then
     * @throws Failure with a French message saying what to do
     */
    String render(URI page, Duration timeout) throws Failure, InterruptedException;

    /** Why a page could not be rendered, in French. */
    final class Failure extends Exception {

        /** What the caller can do about it. */
        public enum Reason {

            /** No browser here (not installed or turned off): the message says how to install or enable it. */
            NO_BROWSER,

            /** The address may not be rendered (not http(s), a loopback or private host not allowed). */
            REFUSED,

            /** The page or the browser failed this time (unreachable, crash, too big): try again later. */
            FAILED

        }

        private final Reason reason;

        public Failure(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Failure(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

    }

}
