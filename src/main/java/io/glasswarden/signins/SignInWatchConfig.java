package io.glasswarden.signins;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sign-in watch's reading window. */
@ConfigMapping(prefix = "glasswarden.sign-in-watch")
public interface SignInWatchConfig {

    /**
     * How far each poll reads back before the previous poll's end: sign-ins reach the logs minutes after they happen,
     * so the windows overlap and sign-ins are deduplicated by id.
     */
    @WithDefault("PT1H")
    Duration overlap();

    /** How far the first poll of a tenant reads back. */
    @WithDefault("P1D")
    Duration initialLookback();
}
