package io.glasswarden.notifications;

import java.util.UUID;

/** A queued message: {@code kind} EMAIL or WEBHOOK, {@code payload} what is sent, {@code attempts} made so far. */
record OutboxMessage(UUID id, String kind, String destination, UUID subscriptionId, String payload,
        String deduplicationKey, int attempts) {

    static final String EMAIL = "EMAIL";
    static final String WEBHOOK = "WEBHOOK";
}
