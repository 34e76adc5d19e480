package io.glasswarden.notifications;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: after the n-th failure the base delay is {@code initial × 2^(n-1)}, capped at
 * {@code max}; the actual delay is a random point in its upper half, so that messages that failed together (SMTP
 * down) do not all retry in the same second, yet never retry sooner than half the base.
 */
record Backoff(Duration initial, Duration max) {

    Duration afterFailure(int failures, RandomGenerator random) {
        long initialMillis = Math.max(1, initial.toMillis());
        int doublings = Math.min(Math.max(failures - 1, 0), 40);
        long base = initialMillis > (max.toMillis() >> Math.min(doublings, 62))
                ? max.toMillis()
                : initialMillis << doublings;
        base = Math.min(base, max.toMillis());
        long half = base / 2;
        return Duration.ofMillis(half + random.nextLong(base - half + 1));
    }
}
