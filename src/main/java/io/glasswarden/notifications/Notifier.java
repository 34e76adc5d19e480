package io.glasswarden.notifications;

/**
 * Outgoing messages, written to a transactional outbox in the caller's transaction: a message is never lost when SMTP
 * or a webhook receiver is down, and is sent once in normal operation.
 */
public interface Notifier {

    /**
     * Queues an e-mail. When {@code email.deduplicationKey()} is set and a message with the same key was already queued,
     * nothing is queued and false is returned (e.g. one reminder per person per account per day).
     */
    boolean email(OutgoingEmail email);

    /** Queues a CloudEvent for every active webhook subscription. */
    void publish(OutgoingEvent event);
}
