package io.glasswarden.directory.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.UnknownReason;

/**
 * The Graph request budget shared by every tenant this instance reads. Microsoft Graph limits an app across all
 * tenants, besides the per-tenant limits {@link RequestPacer} keeps: 130,000 requests per 10 s for any request, and
 * 150,000 resource units per 20 s for identity and access reads (https://learn.microsoft.com/graph/throttling-limits,
 * "Global limits" and "Identity and access service limits"). A sliding window of {@code permits} requests per
 * {@code window}; each batch item and each followed page counts as one request (Graph evaluates batch items one by
 * one). Slots are reserved under a short lock and waited for outside it, so a tenant waiting for the budget never
 * blocks the bookkeeping of the others, and reservations are served first come, first served.
 */
final class AppRequestBudget {

    /** Default: two instances at 2 resource units per request stay under the identity limit (75,000 RU/10 s). */
    static final int DEFAULT_PERMITS = 15_000;
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

    private final Clock clock;
    private final Sleeper sleeper;
    private final int permits;
    private final Duration window;
    /** Send times of the requests of the current window, oldest first (never decreasing). */
    private final Deque<Instant> sent = new ArrayDeque<>();

    AppRequestBudget(Clock clock, Sleeper sleeper, int permits, Duration window) {
        // a batch of 20 items is sent at once, so a window must hold at least one full batch
        this.clock = clock;
        this.sleeper = sleeper;
        this.permits = Math.max(BatchExecutor.MAX_STEPS, permits);
        this.window = window;
    }

    /** Waits until {@code requests} more requests fit into the budget, and takes them. */
    void acquire(int requests) {
        Duration wait = reserve(requests);
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DirectoryUnavailableException(UnknownReason.GRAPH_ERROR, "interrupted while pacing", e);
        }
    }

    /**
     * Reserves {@code requests} slots, all at the earliest instant when none of them makes a window hold more than
     * {@code permits} requests, and returns how long the caller must wait for it (zero when within budget now).
     */
    synchronized Duration reserve(int requests) {
        if (requests <= 0) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
            sent.pollFirst();
        }
        // the i-th request from now may go when the (size + i - permits)-th recorded one leaves the window
        Instant at = now;
        int mustLeave = Math.min(sent.size(), sent.size() + requests - permits);
        if (mustLeave > 0) {
            Instant leaving = sent.stream().skip(mustLeave - 1L).findFirst().orElseThrow().plus(window);
            at = leaving.isAfter(now) ? leaving : now;
        }
        if (!sent.isEmpty() && sent.peekLast().isAfter(at)) {
            at = sent.peekLast();
        }
        for (int i = 0; i < requests; i++) {
            sent.addLast(at);
        }
        return Duration.between(now, at);
    }
}
