package io.glasswarden.signins;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (CDI, in the acknowledging transaction) when a person classified a sign-in of an emergency account:
 * {@code classification} DRILL, EMERGENCY or MISUSE; {@code signInAt} the sign-in's time when the watch observed it,
 * else null.
 */
public record SignInAcknowledged(UUID accountId, String tenantId, String signInId, String classification,
        Instant signInAt, Instant acknowledgedAt, String acknowledgedBy) {
}
