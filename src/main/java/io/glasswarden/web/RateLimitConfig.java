package io.glasswarden.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-caller rate limits (per instance): API writes per credential, and the public attestation form per client
 * address. Over the limit a request answers 429 problem+json with {@code Retry-After}.
 */
@ConfigMapping(prefix = "glasswarden.rate-limit")
public interface RateLimitConfig {

    /** Whether requests are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** POST, PUT, PATCH and DELETE under /api per caller (credential, else client address) and minute. */
    @WithDefault("120")
    int writesPerMinute();

    /** Requests to the attestation form (/attest/…) per client address and minute. */
    @WithDefault("20")
    int formPerMinute();
}
