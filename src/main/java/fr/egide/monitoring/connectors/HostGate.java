package fr.egide.monitoring.connectors;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Politeness towards the hosts Égide reads: many sources of many cabinets may point at one forum, one feed host or
 * one search instance, and the scans must not hammer it. Before each request to a host, a caller waits for one of
 * the host's {@code maxConcurrent} slots, then until {@code interval} has passed since the previous request to that
 * host started (requests are given their start time in order of arrival, so two callers never take the same one).
 * <p>
 * The interval is the default one unless a host has its own ({@code intervals}, keyed by host or by domain: a key
 * {@code googleapis.com} covers {@code places.googleapis.com}; the longest matching key wins), for APIs that allow
 * more, such as Google's. The clock is a nanosecond ticker and the waiting a {@link Sleeper}, both injected so that
 * tests assert the waits asked instead of measuring time. Plain Java; one gate paces one application instance.
 */
public final class HostGate {

    /** Waits for the given time (Thread.sleep in the application). */
    @FunctionalInterface
    public interface Sleeper {

        void sleep(Duration duration) throws InterruptedException;

    }

    private static final HostGate NONE = new HostGate(Duration.ZERO, Map.of(), Integer.MAX_VALUE, System::nanoTime,
            duration -> { });

    private final Duration interval;

    private final Map<String, Duration> intervals;

    private final int maxConcurrent;

    private final LongSupplier ticker;

    private final Sleeper sleeper;

    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /**
     * @param interval the least time between the starts of two requests to one host
     * @param intervals hosts or domains with their own interval (keys lower case)
     * @param maxConcurrent requests in flight to one host at most
     * @param ticker nanoseconds of a monotonic clock ({@code System::nanoTime})
     * @param sleeper how to wait ({@code Thread::sleep})
     */
    public HostGate(Duration interval, Map<String, Duration> intervals, int maxConcurrent, LongSupplier ticker, Sleeper sleeper) {
        if (interval.isNegative() || intervals.values().stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("L'intervalle entre deux requêtes à un même hôte ne peut pas être négatif.");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("Le nombre de requêtes simultanées par hôte doit être d'au moins 1.");
        }
        this.interval = interval;
        this.intervals = Map.copyOf(intervals);
        this.maxConcurrent = maxConcurrent;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    /** The real clock and sleep. */
    public static HostGate of(Duration interval, Map<String, Duration> intervals, int maxConcurrent) {
        return new HostGate(interval, intervals, maxConcurrent, System::nanoTime,
                duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000));
    }

    /** A gate that never waits (tests of one connector, command-line tools). */
    public static HostGate none() {
        return NONE;
    }

    /** The interval applied to this host. */
    public Duration interval(String host) {
        var name = host.toLowerCase(Locale.ROOT);
        Duration found = null;
        var longest = -1;
        for (var entry : intervals.entrySet()) {
            var key = entry.getKey();
            if ((name.equals(key) || name.endsWith("." + key)) && key.length() > longest) {
                found = entry.getValue();
                longest = key.length();
            }
        }
        return found == null ? interval : found;
    }

    /**
     * Waits until a request to the address's host may start; the pass must be closed once the answer is read (a
     * try-with-resources block around the call).
     */
    public Pass enter(URI uri) throws InterruptedException {
        if (this == NONE) {
            return new Pass(null);
        }
        var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        var state = hosts.computeIfAbsent(host, name -> new Host(interval(name).toNanos(), maxConcurrent));
        state.slots.acquire();
        try {
            var wait = state.reserve(ticker.getAsLong());
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
            }
        }
        catch (InterruptedException | RuntimeException ex) {
            state.slots.release();
            throw ex;
        }
        return new Pass(state);
    }

    /** A request under way to one host; closing it frees its slot (once, however often it is closed). */
    public static final class Pass implements AutoCloseable {

        private final Host host;

        private boolean closed;

        private Pass(Host host) {
            this.host = host;
        }

        @Override
        public synchronized void close() {
            if (!closed && host != null) {
                closed = true;
                host.slots.release();
            }
        }

    }

    private static final class Host {

        private final long interval;

        private final Semaphore slots;

        private boolean started;

        private long next;

        private Host(long interval, int maxConcurrent) {
            this.interval = interval;
            this.slots = new Semaphore(maxConcurrent, true);
        }

        /** Takes the next start time and returns how long to wait for it, in nanoseconds. */
        private synchronized long reserve(long now) {
            // Ticker values are compared by difference: System.nanoTime may be negative or wrap.
            var start = !started || now - next >= 0 ? now : next;
            started = true;
            next = start + interval;
            return start - now;
        }

    }

}
