package io.glasswarden.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook subscriptions ({@code glasswarden.webhooks.*}). */
@ConfigMapping(prefix = "glasswarden.webhooks")
public interface WebhooksConfig {

    /**
     * Accept {@code http://localhost} and {@code http://127.0.0.1} URLs besides {@code https://}: for tests and local
     * experiments only. Events carry account data, so in production every receiver must speak TLS.
     */
    @WithDefault("false")
    boolean allowInsecureLocalhost();
}
