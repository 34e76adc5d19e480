package io.glasswarden.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of webhook deliveries, as the Standard Webhooks specification defines them
 * (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md): header
 * {@code webhook-signature} holds {@code v1,<base64 HMAC-SHA256>} of {@code <webhook-id>.<webhook-timestamp>.<raw
 * body>}, keyed with the base64-decoded part of the {@code whsec_} secret; several signatures (one per active secret,
 * during a rotation) are separated by spaces. The delivery id and the timestamp are signed, so receivers can refuse
 * replays and duplicates with any verifier library of the specification.
 * <p>
 * Subscriptions created before Glasswarden adopted the specification have {@code gws_} secrets: their key is the
 * secret's UTF-8 bytes (equivalently, the secret {@code whsec_} + base64 of those bytes), and their deliveries also
 * carry the former {@code X-Glasswarden-*} headers until the secret is rotated.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";

    /** Former headers, sent only for {@code gws_} secrets. */
    public static final String LEGACY_SIGNATURE_HEADER = "X-Glasswarden-Signature";
    public static final String LEGACY_TIMESTAMP_HEADER = "X-Glasswarden-Timestamp";
    public static final String LEGACY_DELIVERY_HEADER = "X-Glasswarden-Delivery";
    static final String LEGACY_PREFIX = "gws_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: {@code whsec_} and the base64 of 32 random bytes (the specification asks for 24 to 64). */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} value: one {@code v1,} signature per secret, space-separated. */
    public static String sign(List<String> secrets, String id, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> "v1," + Base64.getEncoder()
                        .encodeToString(hmac(key(secret), id + "." + timestamp + "." + body)))
                .collect(Collectors.joining(" "));
    }

    /** The former {@code X-Glasswarden-Signature}: {@code sha256=} + hex HMAC of {@code <timestamp>.<body>}. */
    static String signLegacy(String secret, long timestamp, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(key(secret), timestamp + "." + body));
    }

    static boolean isLegacy(String secret) {
        return secret.startsWith(LEGACY_PREFIX);
    }

    private static byte[] key(String secret) {
        return secret.startsWith(SECRET_PREFIX)
                ? Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
