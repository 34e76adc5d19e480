package io.glasswarden.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void delayDoublesWithJitterInTheUpperHalf() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.afterFailure(1, random)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));
            assertThat(backoff.afterFailure(2, random)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(backoff.afterFailure(4, random)).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(4));
        }
    }

    @Test
    void delayIsCappedEvenAfterVeryManyFailures() {
        Random random = new Random(7);
        for (int failures : new int[]{8, 9, 40, 1000, Integer.MAX_VALUE}) {
            assertThat(backoff.afterFailure(failures, random)).isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
        }
    }

    @Test
    void jitterSpreadsRetries() {
        Random random = new Random(1);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.afterFailure(3, random))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(40);
    }
}
