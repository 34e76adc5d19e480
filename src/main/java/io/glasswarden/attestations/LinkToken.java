package io.glasswarden.attestations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed part of an attestation link: {@code {linkId}.{expiryEpochSeconds}.{signature}}, the signature being
 * HMAC-SHA256 over link id, account id, custodian e-mail and expiry. Account and e-mail are not in the URL (they come
 * from the stored link) but are signed, so a token cannot be moved to another account or person.
 */
record LinkToken(UUID linkId, long expiresAtEpochSecond, String signature) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static LinkToken sign(byte[] key, UUID linkId, UUID accountId, String custodian, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return new LinkToken(linkId, expiry, mac(key, "link|" + linkId + "|" + accountId + "|" + custodian + "|"
                + expiry));
    }

    /** Parses a token's shape; the signature is checked by {@link #verifies}. */
    static Optional<LinkToken> parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty() || parts[2].length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LinkToken(UUID.fromString(parts[0]), Long.parseLong(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean verifies(byte[] key, UUID accountId, String custodian, Instant storedExpiry) {
        return storedExpiry.getEpochSecond() == expiresAtEpochSecond && constantTimeEquals(signature, sign(key, linkId,
                accountId, custodian, storedExpiry).signature());
    }

    /** The form's anti-CSRF token, bound to this link: only a page rendered for this link carries it. */
    static String csrf(byte[] key, UUID linkId) {
        return mac(key, "csrf|" + linkId);
    }

    static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(
                StandardCharsets.UTF_8));
    }

    /** The token as it appears in the link. */
    String value() {
        return linkId + "." + expiresAtEpochSecond + "." + signature;
    }

    /** Never the signature: a token is a bearer credential and must not reach logs. */
    @Override
    public String toString() {
        return "LinkToken[" + linkId + "]";
    }

    private static String mac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
