package io.glasswarden.notifications;

/**
 * A delivery attempt failed (SMTP refused, receiver answered non-2xx or not at all); the outbox retries it. The message
 * is what the outbox records; {@link #detail()} is for the log only (for webhooks the two differ: the recorded text is
 * neutral, see {@link WebhookDelivery}).
 */
class DeliveryFailedException extends RuntimeException {

    private final String detail;

    DeliveryFailedException(String message, Throwable cause) {
        this(message, message, cause);
    }

    DeliveryFailedException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail;
    }

    String detail() {
        return detail;
    }
}
