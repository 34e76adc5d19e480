package io.glasswarden.scheduling;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The recurring jobs (Quartz, clustered on the service's database). */
@ConfigMapping(prefix = "glasswarden.schedule")
public interface ScheduleConfig {

    /** Whether this instance schedules jobs at all; off in tests, which call the services directly. */
    @WithDefault("true")
    boolean enabled();

    /** How often drill reminders and attestation requests are swept (each sends at most one mail a day anyway). */
    @WithDefault("PT1H")
    Duration sweepInterval();

    /** How often each tenant's sign-in logs are polled for emergency account sign-ins. */
    @WithDefault("PT2M")
    Duration signInWatchInterval();

    /** How often due outbox messages (e-mail, webhooks) are dispatched. */
    @WithDefault("PT30S")
    Duration outboxInterval();

    /** How often tenant evaluation triggers are reconciled with the tenants (a safety net; changes apply at once). */
    @WithDefault("PT10M")
    Duration reconcileInterval();
}
