package io.glasswarden.attestations;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Attestation requests and their signed links. */
@ConfigMapping(prefix = "glasswarden.attestations")
public interface AttestationConfig {

    /**
     * Key of the HMAC-SHA256 signature of attestation links (at least 32 characters). When absent, one is generated
     * once and kept in the database, so that every instance signs and checks with the same key.
     */
    Optional<String> linkSecret();

    /** How long an e-mailed attestation link stays valid. */
    @WithDefault("P7D")
    Duration linkValidity();
}
