package io.glasswarden.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends due outbox messages. Each message is claimed, sent and marked in one short transaction that holds its row
 * lock ({@code FOR UPDATE SKIP LOCKED}), so concurrent dispatchers, in this instance or another, never send one
 * message twice. Failures are retried with exponential backoff and jitter, and dead-lettered after
 * {@link NotificationsConfig#maxAttempts()}.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private final OutboxStore outbox;
    private final MailDelivery mail;
    private final WebhookDelivery webhooks;
    private final WebhookRepository subscriptions;
    private final NotificationsConfig config;
    private final Clock clock;

    OutboxDispatcher(OutboxStore outbox, MailDelivery mail, WebhookDelivery webhooks,
            WebhookRepository subscriptions, NotificationsConfig config, Clock clock) {
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
        this.config = config;
        this.clock = clock;
    }

    /** Sends up to {@code batch-size} due messages; returns how many were sent. Safe to call from any thread. */
    public int dispatchDue() {
        int sent = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            Optional<Boolean> outcome = QuarkusTransaction.requiringNew().call(this::dispatchOne);
            if (outcome.isEmpty()) {
                break;
            }
            sent += outcome.get() ? 1 : 0;
        }
        return sent;
    }

    /** Empty when nothing is due; otherwise whether the claimed message was sent. */
    private Optional<Boolean> dispatchOne() {
        Optional<OutboxMessage> claimed = outbox.claimNext(clock.instant());
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        OutboxMessage message = claimed.get();
        int attempts = message.attempts() + 1;
        try {
            deliver(message);
            outbox.markSent(message.id(), attempts, clock.instant());
            Log.debugf("Outbox message %s (%s) sent after %d attempt(s)", message.id(), message.kind(), attempts);
            return Optional.of(true);
        } catch (RuntimeException e) {
            fail(message, attempts, e);
            return Optional.of(false);
        }
    }

    private void deliver(OutboxMessage message) {
        if (OutboxMessage.EMAIL.equals(message.kind())) {
            mail.send(message);
        } else {
            WebhookSubscription subscription = subscriptions.findById(message.subscriptionId());
            if (subscription == null) {
                throw new DeliveryFailedException(WebhookDelivery.FAILED, "webhook subscription was deleted", null);
            }
            webhooks.send(message, subscription);
        }
    }

    private void fail(OutboxMessage message, int attempts, RuntimeException e) {
        Instant now = clock.instant();
        boolean dead = attempts >= config.maxAttempts();
        Instant next = dead
                ? null
                : now.plus(new Backoff(config.initialBackoff(), config.maxBackoff())
                        .afterFailure(attempts, RandomGenerator.getDefault()));
        outbox.markFailed(message.id(), attempts, next, e.getMessage());
        String detail = e instanceof DeliveryFailedException failed ? failed.detail() : e.getMessage();
        if (dead) {
            Log.errorf("Outbox message %s (%s) dead-lettered after %d attempts: %s", message.id(), message.kind(),
                    attempts, detail);
        } else {
            Log.warnf("Outbox message %s (%s) attempt %d failed, next at %s: %s", message.id(), message.kind(),
                    attempts, next, detail);
        }
    }
}
