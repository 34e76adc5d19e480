package io.glasswarden.directory.graph;

import java.time.Duration;

/** Waits; injected so tests pace and back off on a movable clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
