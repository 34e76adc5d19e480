package io.glasswarden.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook subscriptions ({@code glasswarden.webhooks.*}). */
@ConfigMapping(prefix = "glasswarden.webhooks")
public interface WebhooksConfig {

    /**
     * Accept {@code http://localhost} and {@code http://127.0.0.1} URLs besides {@code https://}: for tests and local
     * experiments only. Events carry account data, so in production every receiver must speak TLS. Loopback targets
     * must also be in {@link #allowedTargets()}.
     */
    @WithDefault("false")
    boolean allowInsecureLocalhost();

    /**
     * Receivers on internal networks that may be called although such targets are refused by default: networks in
     * CIDR notation ({@code 10.20.0.0/16}) and host names ({@code siem.corp.example}, {@code *.corp.example}). See
     * {@link WebhookTargets}.
     */
    Optional<List<String>> allowedTargets();

    /**
     * The key that encrypts webhook signing secrets at rest: {@code <id>:<base64 of 32 random bytes>} (AES-256-GCM,
     * {@link SecretBox}). Without it no webhook can be created. Give it from a Kubernetes Secret, never in a file in
     * the image.
     */
    Optional<String> encryptionKey();

    /** Earlier encryption keys, same format: they only decrypt, until start-up has re-encrypted with the active key. */
    Optional<List<String>> decryptionKeys();

    /** How long the previous secret keeps signing deliveries after a rotation (receivers switch within it). */
    @WithDefault("24h")
    Duration secretRotationOverlap();
}
