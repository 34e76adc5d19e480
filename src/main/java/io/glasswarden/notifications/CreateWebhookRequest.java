package io.glasswarden.notifications;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/webhooks}: the receiver's URL (https), the CloudEvent types it wants (none: all; a
 * trailing {@code .*} matches a prefix) and a description for people.
 */
public record CreateWebhookRequest(
        @NotBlank @Size(max = 2048) String url,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "^[A-Za-z0-9._-]+(\\.\\*)?$", message = "must be an event type such as io.glasswarden.drill.due, or a prefix ending in .*") String> eventTypes,
        @Size(max = 256) String description) {
}
