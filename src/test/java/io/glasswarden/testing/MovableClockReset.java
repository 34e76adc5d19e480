package io.glasswarden.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Puts the shared {@link MovableClock} back to the real time before every {@code @QuarkusTest} method of a profile that
 * enables it, so that no test inherits a clock another test moved (e.g. eight days ahead) and the suite passes in any
 * order. A test that needs another time sets it itself, in its own {@code @BeforeEach} or at its start; those run
 * after this callback. Registered in {@code META-INF/services}.
 */
public class MovableClockReset implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (Arc.container() == null) {
            return;
        }
        try (InstanceHandle<MovableClock> clock = Arc.container().instance(MovableClock.class)) {
            if (clock.isAvailable()) {
                clock.get().set(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            }
        }
    }
}
