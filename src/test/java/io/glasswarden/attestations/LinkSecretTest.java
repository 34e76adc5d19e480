package io.glasswarden.attestations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Issue 9 finding 10: a configured link key shorter than 32 characters stops the service at start. */
class LinkSecretTest {

    @Test
    void aShortConfiguredKeyStopsTheServiceWithoutNamingIt() {
        assertThatThrownBy(() -> new LinkSecret(config("changeme-too-short"), null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("glasswarden.attestations.link-secret")
                .hasMessageContaining("at least 32 characters")
                .hasMessageNotContaining("changeme-too-short");
    }

    @Test
    void aLongEnoughKeyIsUsedAsIsAndAnUnsetOneIsGeneratedLater() {
        String key = "0123456789abcdef0123456789abcdef";
        assertThat(new LinkSecret(config(key), null, null).key()).isEqualTo(key.getBytes(StandardCharsets.UTF_8));
        assertThatCode(() -> new LinkSecret(config(null), null, null)).doesNotThrowAnyException();
        assertThatCode(() -> new LinkSecret(config("   "), null, null)).doesNotThrowAnyException();
    }

    private static AttestationConfig config(String secret) {
        return new AttestationConfig() {
            @Override
            public Optional<String> linkSecret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public Duration linkValidity() {
                return Duration.ofDays(7);
            }
        };
    }
}
