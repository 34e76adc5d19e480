package io.glasswarden.security;

import java.time.Instant;
import java.util.UUID;

/** An API key as the API shows it after creation: everything but the key itself. */
public record ApiKeyView(UUID id, String name, String role, String email, String prefix, Instant createdAt,
        String createdBy, Instant lastUsedAt, Instant revokedAt, String revokedBy) {
}
