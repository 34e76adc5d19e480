package io.glasswarden.directory.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.UnknownReason;

/** Exponential back-off with full jitter inside a time budget; waits through the injected {@link Sleeper}. */
final class RetryPolicy {

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration budget;
    private final Duration initialBackoff;
    private final Duration maxBackoff;

    RetryPolicy(Clock clock, Sleeper sleeper, Duration budget, Duration initialBackoff, Duration maxBackoff) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.budget = budget;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    Instant deadline() {
        return clock.instant().plus(budget);
    }

    /** Delay before retry number {@code attempt} (0-based): between half and all of initial·2^attempt, capped. */
    Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(Math.max(base, 1), maxBackoff.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    /** Sleeps {@code wait} and returns true, or returns false at once when that would pass the deadline. */
    boolean waitWithin(Duration wait, Instant deadline) {
        if (clock.instant().plus(wait).isAfter(deadline)) {
            return false;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException(UnknownReason.GRAPH_ERROR, "interrupted while backing off", e);
        }
    }
}
