package io.glasswarden.core;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;

/**
 * Gives Bean Validation the service's {@link Clock}, so that time-dependent constraints (e.g. "a cron that fires in
 * the future") see the same time as the rest of the service (and as tests that move the clock).
 */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    private final Clock clock;

    ValidationClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
