package io.glasswarden.lifecycle;

import java.util.Set;

import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Drills, sign-in watch and attestations tests: a movable clock, a recording notifier, scripted sign-in logs. */
public class LifecycleProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(MovableClock.class, RecordingNotifier.class, FakeDirectory.class);
    }
}
