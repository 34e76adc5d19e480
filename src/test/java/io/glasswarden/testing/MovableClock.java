package io.glasswarden.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * A clock that tests move by hand. Enabled only by test profiles that list it in {@code getEnabledAlternatives()}, so
 * other tests keep the system clock. Starts at the real time (database rows written before stay in the past).
 */
@Alternative
@Singleton
public class MovableClock extends Clock {

    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Override
    public Instant instant() {
        return now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
