package io.glasswarden.drills;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Drill recording and reminders. */
@ConfigMapping(prefix = "glasswarden.drills")
public interface DrillConfig {

    /** How far in the future {@code performedAt} may be (clock skew between the reporter and this service). */
    @WithDefault("PT5M")
    Duration futureSkew();

    /**
     * While a drill is overdue, how often custodians and the tenant's escalation contacts are reminded: on the first
     * overdue day and then every this many days (whole days; at most one mail per person, account and day anyway).
     */
    @WithDefault("P1D")
    Duration escalationInterval();
}
