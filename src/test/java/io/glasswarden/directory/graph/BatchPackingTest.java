package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BatchPackingTest {

    private final RequestPacer pacer = new RequestPacer(Clock.systemUTC(), d -> {
    }, Duration.ofSeconds(1), 5, Duration.ofSeconds(10));
    private final BatchExecutor executor = new BatchExecutor(null, pacer, null,
            new GraphMetrics(new SimpleMeterRegistry()));

    @Test
    void batchesHoldAtMostTwentyStepsAndOnePacedReadPerLimit() {
        List<GraphStep> steps = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            steps.add(GraphStep.of("a" + i, "/users/" + i));
        }
        steps.add(
                new GraphStep("ca-1", "/identity/conditionalAccess/policies", RequestPacer.Bucket.CONDITIONAL_ACCESS));
        steps.add(
                new GraphStep("ca-2", "/identity/conditionalAccess/policies", RequestPacer.Bucket.CONDITIONAL_ACCESS));
        for (int i = 0; i < 7; i++) {
            steps.add(new GraphStep("s" + i, "/auditLogs/signIns", RequestPacer.Bucket.SIGN_INS));
        }

        List<List<GraphStep>> batches = executor.pack(steps);

        assertThat(batches).hasSize(3).allSatisfy(b -> {
            assertThat(b).hasSizeLessThanOrEqualTo(20);
            assertThat(b.stream().filter(s -> s.bucket() == RequestPacer.Bucket.CONDITIONAL_ACCESS)).hasSizeLessThan(2);
            assertThat(b.stream().filter(s -> s.bucket() == RequestPacer.Bucket.SIGN_INS)).hasSizeLessThan(6);
        });
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(54);
    }

    @Test
    void retryAfterIsReadInSecondsWithDecimals() {
        assertThat(GraphResponse.of(429, java.util.Map.of("retry-after", "2.128"), null).retryAfter())
                .contains(Duration.ofMillis(2128));
        assertThat(GraphResponse.of(429, java.util.Map.of("retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"), null)
                .retryAfter()).isEmpty();
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        RetryPolicy retry = new RetryPolicy(Clock.systemUTC(), d -> {
        }, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(8));

        assertThat(retry.backoff(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(retry.backoff(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(retry.backoff(10)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }
}
