package io.glasswarden.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to a secret rotation: the new secret (shown this once) and until when the former one still signs
 * deliveries beside it.
 */
public record RotatedWebhookSecret(UUID id, String secret, Instant previousSecretValidUntil) {
}
