package io.glasswarden.security;

/** Body of {@code POST /api/v1/api-keys}; {@code email} only (and always) for custodian keys. */
public record CreateApiKeyRequest(String name, String role, String email) {
}
