package io.glasswarden.security;

import java.time.Instant;
import java.util.UUID;

/** The answer to a key creation: the only time the plaintext {@code key} is ever shown. */
public record CreatedApiKey(UUID id, String name, String role, String email, String prefix, Instant createdAt,
        String createdBy, String key) {

    static CreatedApiKey of(ApiKeyView view, String key) {
        return new CreatedApiKey(view.id(), view.name(), view.role(), view.email(), view.prefix(), view.createdAt(),
                view.createdBy(), key);
    }

    // A record's default toString would print the key: keep it out of any log or exception message.
    @Override
    public String toString() {
        return "CreatedApiKey[id=" + id + ", name=" + name + ", role=" + role + ", prefix=" + prefix + "]";
    }
}
