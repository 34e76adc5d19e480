package io.glasswarden.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An API key's plaintext with what is stored of it: the non-secret {@code prefix} and the SHA-256 {@code hash}.
 * <p>
 * A fast, unsalted hash is the right choice here, unlike for passwords: a key carries 256 bits from
 * {@link SecureRandom}, so there is no dictionary to try and no brute force within reach, and a slow KDF would only add
 * latency to every request. Being deterministic, the hash is also the lookup key (a unique index).
 */
record ApiKeySecret(String plaintext, String prefix, String hash) {

    static final String MARKER = "gwk_";
    static final int ENTROPY_BYTES = 32;
    // 32 bytes in URL-safe base64 without padding are 43 characters.
    private static final Pattern FORMAT = Pattern.compile("gwk_[A-Za-z0-9_-]{43}");
    // gwk_ + 8 characters (48 of the 256 bits): enough to tell keys apart, far too little to help guess one.
    private static final int PREFIX_LENGTH = MARKER.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    static ApiKeySecret generate() {
        byte[] entropy = new byte[ENTROPY_BYTES];
        RANDOM.nextBytes(entropy);
        String plaintext = MARKER + Base64.getUrlEncoder().withoutPadding().encodeToString(entropy);
        return new ApiKeySecret(plaintext, plaintext.substring(0, PREFIX_LENGTH), hashOf(plaintext));
    }

    /** True when the token claims to be one of our keys, so that no other mechanism should try it. */
    static boolean isApiKey(String token) {
        return token.startsWith(MARKER);
    }

    /** True when the token has the exact shape of a generated key (checked before any database lookup). */
    static boolean isWellFormed(String token) {
        return FORMAT.matcher(token).matches();
    }

    static String hashOf(String plaintext) {
        return HexFormat.of().formatHex(sha256(plaintext));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySecret[prefix=" + prefix + "]";
    }
}
