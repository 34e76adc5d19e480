package io.glasswarden.notifications;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook signing secrets at rest with an operator key: AES-256-GCM, a random 96-bit nonce per encryption
 * (NIST SP 800-38D, section 8.2.2), a 128-bit tag, and associated data naming the row and field the ciphertext belongs
 * to (a ciphertext copied to another subscription does not decrypt). Stored as {@code gwenc1:<key id>:<base64 of nonce
 * and ciphertext>}, so the key that decrypts it is known and keys can be rotated: the active key encrypts, older keys
 * listed in {@code glasswarden.webhooks.decryption-keys} only decrypt until a start-up has re-encrypted every secret
 * (docs/operations.md, "Rotating the webhook encryption key"). Keys are given as {@code <id>:<base64 of 32 bytes>}.
 */
final class SecretBox {

    static final String PREFIX = "gwenc1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeId;
    private final Map<String, SecretKey> keys;

    private SecretBox(String activeId, Map<String, SecretKey> keys) {
        this.activeId = activeId;
        this.keys = keys;
    }

    /** Empty when no active key is configured; throws {@link IllegalArgumentException} for malformed keys. */
    static Optional<SecretBox> of(Optional<String> active, List<String> decryptionOnly) {
        if (active.isEmpty() || active.get().isBlank()) {
            return Optional.empty();
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String activeId = put(keys, active.get());
        decryptionOnly.forEach(key -> put(keys, key));
        return Optional.of(new SecretBox(activeId, Map.copyOf(keys)));
    }

    private static String put(Map<String, SecretKey> keys, String spec) {
        int colon = spec.indexOf(':');
        String id = colon < 0 ? "" : spec.substring(0, colon).trim();
        if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("a webhook encryption key must be <id>:<base64 of 32 bytes>; the id is"
                    + " 1-32 letters, digits, '.', '_' or '-'");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(spec.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook encryption key " + id + " is not base64");
        }
        if (material.length != 32) {
            throw new IllegalArgumentException("webhook encryption key " + id + " must be 32 bytes (AES-256)");
        }
        keys.putIfAbsent(id, new SecretKeySpec(material, "AES"));
        return id;
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The id of the key that encrypted {@code stored}, or null for plaintext. */
    static String keyIdOf(String stored) {
        if (!isEncrypted(stored)) {
            return null;
        }
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? null : stored.substring(PREFIX.length(), end);
    }

    String activeKeyId() {
        return activeId;
    }

    String encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + activeId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** Plaintext of a stored value; a plaintext (not yet migrated) value is returned as is. */
    String decrypt(String stored, String context) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        String keyId = keyIdOf(stored);
        SecretKey key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("webhook secret encrypted with key '" + keyId
                    + "', which is not configured (glasswarden.webhooks.decryption-keys)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length() + keyId.length() + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("webhook secret does not decrypt with key '" + keyId + "'", e);
        }
    }
}
