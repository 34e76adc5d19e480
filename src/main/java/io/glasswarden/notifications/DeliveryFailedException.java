package io.glasswarden.notifications;

/** A delivery attempt failed (SMTP refused, receiver answered non-2xx or not at all); the outbox retries it. */
class DeliveryFailedException extends RuntimeException {

    DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
