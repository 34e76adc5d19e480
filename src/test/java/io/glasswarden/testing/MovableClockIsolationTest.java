package io.glasswarden.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.glasswarden.lifecycle.LifecycleProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A test that moves the shared clock leaves it moved for nobody: {@link MovableClockReset} puts it back. */
@QuarkusTest
@TestProfile(LifecycleProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MovableClockIsolationTest {

    @Inject
    MovableClock clock;

    @Test
    @Order(1)
    void aTestMovesTheClockEightDaysAhead() {
        clock.advance(Duration.ofDays(8));
        assertThat(clock.instant()).isAfter(Instant.now().plus(Duration.ofDays(7)));
    }

    @Test
    @Order(2)
    void theNextTestStartsAtTheRealTimeAgain() {
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
    }
}
