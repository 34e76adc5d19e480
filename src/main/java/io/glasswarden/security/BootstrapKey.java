package io.glasswarden.security;

import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/** The configured bootstrap API key, if any; compared in constant time. */
@ApplicationScoped
@Startup // a too short key must stop the service at start, not at the first request
public class BootstrapKey {

    static final String PRINCIPAL_NAME = "bootstrap";
    static final int MIN_LENGTH = 32;

    // Only the digest is kept: comparing digests with MessageDigest.isEqual takes the same time whatever the input,
    // its length included.
    private final byte[] digest;

    // Plain @ConfigProperty, not a @ConfigMapping on "glasswarden": a mapping of that prefix would reject every other
    // glasswarden.* key as unknown.
    BootstrapKey(@ConfigProperty(name = "glasswarden.bootstrap-api-key") Optional<String> configured) {
        String key = configured.map(String::trim).filter(k -> !k.isEmpty()).orElse(null);
        if (key != null && key.length() < MIN_LENGTH) {
            throw new IllegalStateException("glasswarden.bootstrap-api-key (GLASSWARDEN_BOOTSTRAP_API_KEY) must be at"
                    + " least " + MIN_LENGTH + " characters long; generate one with 'openssl rand -base64 32'.");
        }
        this.digest = key == null ? null : ApiKeySecret.sha256(key);
    }

    public boolean isConfigured() {
        return digest != null;
    }

    boolean matches(String token) {
        return digest != null && MessageDigest.isEqual(digest, ApiKeySecret.sha256(token));
    }

    /** True when {@code keyHash} (hex SHA-256, as stored for console sessions) is the configured key's. */
    boolean matchesHash(String keyHash) {
        return digest != null && keyHash != null && MessageDigest.isEqual(
                java.util.HexFormat.of().formatHex(digest).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                keyHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
