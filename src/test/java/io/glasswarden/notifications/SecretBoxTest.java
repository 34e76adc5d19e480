package io.glasswarden.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Webhook secrets at rest (issue 9, finding 5): AES-256-GCM with a random nonce and the key id in the envelope. */
class SecretBoxTest {

    private static final String KEY_1 = "k1:" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 = "k2:" + Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void encryptsWithARandomNonceAndNamesTheKey() {
        SecretBox box = SecretBox.of(Optional.of(KEY_1), List.of()).orElseThrow();

        String first = box.encrypt(SECRET, "webhook_subscriptions/a/secret");
        String second = box.encrypt(SECRET, "webhook_subscriptions/a/secret");

        assertThat(first).startsWith("gwenc1:k1:").doesNotContain(SECRET).doesNotContain("MfKQ9r8G");
        assertThat(second).as("a fresh nonce each time").isNotEqualTo(first);
        assertThat(SecretBox.keyIdOf(first)).isEqualTo("k1");
        assertThat(box.decrypt(first, "webhook_subscriptions/a/secret")).isEqualTo(SECRET);
        assertThat(box.decrypt(second, "webhook_subscriptions/a/secret")).isEqualTo(SECRET);
    }

    @Test
    void aCiphertextDecryptsOnlyForItsRowAndUntampered() {
        SecretBox box = SecretBox.of(Optional.of(KEY_1), List.of()).orElseThrow();
        String sealed = box.encrypt(SECRET, "webhook_subscriptions/a/secret");

        assertThatThrownBy(() -> box.decrypt(sealed, "webhook_subscriptions/b/secret"))
                .as("copied to another subscription")
                .isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("gwenc1:k1:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "gwenc1:k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.decrypt(tampered, "webhook_subscriptions/a/secret"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterAKeyRotationOldCiphertextsStillDecryptWhileTheNewKeyEncrypts() {
        String old = SecretBox.of(Optional.of(KEY_1), List.of()).orElseThrow().encrypt(SECRET, "ctx");
        SecretBox rotated = SecretBox.of(Optional.of(KEY_2), List.of(KEY_1)).orElseThrow();

        assertThat(rotated.decrypt(old, "ctx")).isEqualTo(SECRET);
        assertThat(rotated.encrypt(SECRET, "ctx")).startsWith("gwenc1:k2:");
        assertThatThrownBy(() -> SecretBox.of(Optional.of(KEY_2), List.of()).orElseThrow().decrypt(old, "ctx"))
                .hasMessageContaining("'k1'")
                .hasMessageContaining("decryption-keys");
    }

    @Test
    void plaintextFromBeforeEncryptionIsReadAsIs() {
        SecretBox box = SecretBox.of(Optional.of(KEY_1), List.of()).orElseThrow();

        assertThat(SecretBox.isEncrypted("gws_abc")).isFalse();
        assertThat(box.decrypt("gws_abc", "ctx")).isEqualTo("gws_abc");
    }

    @Test
    void malformedOrMissingKeysAreRejected() {
        assertThat(SecretBox.of(Optional.empty(), List.of())).isEmpty();
        assertThatThrownBy(() -> SecretBox.of(Optional.of("k1:" + Base64.getEncoder().encodeToString(new byte[16])),
                List.of())).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.of(Optional.of("no-id-here"), List.of())).hasMessageContaining("<id>");
        assertThatThrownBy(() -> SecretBox.of(Optional.of("k1:not base64!"), List.of()))
                .hasMessageContaining("base64");
    }
}
