package io.glasswarden.directory.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.UnknownReason;

/**
 * Keeps each tenant within Graph's per-tenant service limits that come without a usable {@code Retry-After}:
 * Conditional Access reads 1 request/s (its 429s carry none) and Entra logs 5 requests/10 s. A sliding window per
 * tenant and bucket; a batch item counts as one request of its bucket.
 */
final class RequestPacer {

    /** Throttling buckets with their own limits. */
    enum Bucket {
        DEFAULT, CONDITIONAL_ACCESS, SIGN_INS
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration caInterval;
    private final int signInPermits;
    private final Duration signInWindow;
    private final Map<String, Deque<Instant>> windows = new ConcurrentHashMap<>();
    private final AppRequestBudget appBudget;

    RequestPacer(Clock clock, Sleeper sleeper, Duration caInterval, int signInPermits, Duration signInWindow) {
        this(clock, sleeper, caInterval, signInPermits, signInWindow, new AppRequestBudget(clock, sleeper,
                AppRequestBudget.DEFAULT_PERMITS, AppRequestBudget.DEFAULT_WINDOW));
    }

    /** {@code appBudget} is shared by every tenant of the instance (Graph's per-app limits). */
    RequestPacer(Clock clock, Sleeper sleeper, Duration caInterval, int signInPermits, Duration signInWindow,
            AppRequestBudget appBudget) {
        this.appBudget = appBudget;
        this.clock = clock;
        this.sleeper = sleeper;
        this.caInterval = caInterval;
        this.signInPermits = Math.max(1, signInPermits);
        this.signInWindow = signInWindow;
    }

    /** How many requests of a bucket one batch may carry. */
    int capacity(Bucket bucket) {
        return switch (bucket) {
            case DEFAULT -> Integer.MAX_VALUE;
            case CONDITIONAL_ACCESS -> 1;
            case SIGN_INS -> signInPermits;
        };
    }

    /**
     * Waits until {@code permits} requests of the bucket may be sent for the tenant, and takes them; then takes them
     * from the app-wide budget too (every bucket counts there).
     */
    void acquire(String tenantId, Bucket bucket, int permits) {
        if (permits <= 0) {
            return;
        }
        if (bucket != Bucket.DEFAULT) {
            acquireForTenant(tenantId, bucket, permits);
        }
        appBudget.acquire(permits);
    }

    private void acquireForTenant(String tenantId, Bucket bucket, int permits) {
        int limit = capacity(bucket);
        Duration period = bucket == Bucket.CONDITIONAL_ACCESS ? caInterval : signInWindow;
        Deque<Instant> window = windows.computeIfAbsent(tenantId + "/" + bucket, k -> new ArrayDeque<>());
        synchronized (window) {
            for (int i = 0; i < permits; i++) {
                while (window.size() >= limit) {
                    Instant free = window.peekFirst().plus(period);
                    Instant now = clock.instant();
                    if (!now.isBefore(free)) {
                        window.pollFirst();
                    } else {
                        sleep(Duration.between(now, free));
                    }
                }
                window.addLast(clock.instant());
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException(UnknownReason.GRAPH_ERROR, "interrupted while pacing", e);
        }
    }
}
