package io.glasswarden.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer to a create: the only time the signing secret is shown. */
public record CreatedWebhook(UUID id, String url, List<String> eventTypes, String description, Instant createdAt,
        String createdBy, String secret) {

    static CreatedWebhook of(WebhookView view, String secret) {
        return new CreatedWebhook(view.id(), view.url(), view.eventTypes(), view.description(), view.createdAt(),
                view.createdBy(), secret);
    }
}
