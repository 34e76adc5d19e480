package io.glasswarden.notifications;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Delivery of e-mails and webhooks through the outbox ({@code glasswarden.notifications.*}). */
@ConfigMapping(prefix = "glasswarden.notifications")
public interface NotificationsConfig {

    /** Attempts per message before it is dead-lettered (status DEAD, kept for operators). */
    @WithDefault("10")
    int maxAttempts();

    /** Delay before the second attempt; doubled after each failure, with jitter. */
    @WithDefault("30s")
    Duration initialBackoff();

    /** Upper bound of the delay between two attempts. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** Messages one call of the dispatcher sends at most (the scheduler calls it again soon). */
    @WithDefault("50")
    int batchSize();

    /**
     * Time allowed for one e-mail (connect, greeting, and the whole SMTP exchange). An SMTP server that accepts the
     * connection but never answers fails the attempt after this, instead of holding the dispatcher until the server's
     * own idle timeout.
     */
    @WithDefault("60s")
    Duration smtpTimeout();

    /** Time allowed for one webhook request (connect and answer). */
    @WithDefault("10s")
    Duration webhookTimeout();

    /**
     * Whether a transaction that queued messages triggers the dispatcher right after commit, for low latency. The
     * scheduled dispatch still runs and picks up whatever this missed.
     */
    @WithDefault("true")
    boolean dispatchAfterCommit();
}
