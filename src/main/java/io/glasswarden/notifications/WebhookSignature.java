package io.glasswarden.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code sha256=} and the hex HMAC-SHA256, keyed with the subscription's
 * secret (its UTF-8 bytes), of {@code <timestamp>.<raw body>} where timestamp is the {@code X-Glasswarden-Timestamp}
 * header (Unix seconds). Covering the timestamp lets receivers refuse replays of old deliveries.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Glasswarden-Signature";
    public static final String TIMESTAMP_HEADER = "X-Glasswarden-Timestamp";
    public static final String DELIVERY_HEADER = "X-Glasswarden-Delivery";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
