package io.glasswarden.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription as the API shows it: never with its secret. */
public record WebhookView(UUID id, String url, List<String> eventTypes, String description, Instant createdAt,
        String createdBy) {
}
