package io.glasswarden.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BootstrapKeyTest {

    private static final String KEY = "a-bootstrap-key-of-at-least-32-characters";

    @Test
    void matchesOnlyTheExactKey() {
        BootstrapKey bootstrap = new BootstrapKey(Optional.of(KEY));

        assertThat(bootstrap.isConfigured()).isTrue();
        assertThat(bootstrap.matches(KEY)).isTrue();
        assertThat(bootstrap.matches(KEY + "x")).isFalse();
        assertThat(bootstrap.matches(KEY.substring(1))).isFalse();
        assertThat(bootstrap.matches(KEY.toUpperCase())).isFalse();
    }

    @Test
    void unsetOrBlankMeansNoBootstrapKey() {
        assertThat(new BootstrapKey(Optional.empty()).isConfigured()).isFalse();
        assertThat(new BootstrapKey(Optional.of("  ")).isConfigured()).isFalse();
        assertThat(new BootstrapKey(Optional.empty()).matches("")).isFalse();
    }

    @Test
    void shortKeyStopsTheService() {
        assertThatThrownBy(() -> new BootstrapKey(Optional.of("changeme")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 characters")
                .hasMessageNotContaining("changeme");
    }
}
