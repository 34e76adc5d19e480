package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The app-wide budget: Graph limits an app across all tenants (https://learn.microsoft.com/graph/throttling-limits,
 * global limit 130,000 requests per 10 s), so every tenant of the instance draws on one sliding window. Runs on
 * {@link FakeTime}: waits move the clock instead of sleeping.
 */
class AppRequestBudgetTest {

    private final FakeTime time = new FakeTime();
    private final AppRequestBudget budget = new AppRequestBudget(time, time, 40, Duration.ofSeconds(10));

    private RequestPacer pacer() {
        return new RequestPacer(time, time, Duration.ofSeconds(1), 5, Duration.ofSeconds(10), budget);
    }

    @Test
    void requestsWithinTheBudgetDoNotWait() {
        pacer().acquire("tenant-a", RequestPacer.Bucket.DEFAULT, 20);
        pacer().acquire("tenant-b", RequestPacer.Bucket.DEFAULT, 20);

        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void tenantsShareOneBudget() {
        RequestPacer a = pacer();
        RequestPacer b = pacer();
        a.acquire("tenant-a", RequestPacer.Bucket.DEFAULT, 20);
        time.sleep(Duration.ofSeconds(3));
        a.acquire("tenant-a", RequestPacer.Bucket.DEFAULT, 20);
        time.sleeps.clear();

        // tenant b has sent nothing, yet waits: the 40 requests of tenant a fill the app's window; its first 20
        // leave the window 10 s after they were sent, i.e. 7 s from now
        b.acquire("tenant-b", RequestPacer.Bucket.DEFAULT, 20);

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void pacedBucketsCountInTheAppBudgetToo() {
        RequestPacer pacer = pacer();
        pacer.acquire("tenant-a", RequestPacer.Bucket.DEFAULT, 20);
        pacer.acquire("tenant-b", RequestPacer.Bucket.SIGN_INS, 5);
        pacer.acquire("tenant-c", RequestPacer.Bucket.DEFAULT, 15);

        pacer.acquire("tenant-d", RequestPacer.Bucket.CONDITIONAL_ACCESS, 1);

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void noWindowEverHoldsMoreThanThePermitsWhateverTheArrivals() {
        Random random = new Random(7);
        List<Instant> sent = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            time.sleep(Duration.ofMillis(random.nextInt(300)));
            int requests = 1 + random.nextInt(20);
            Duration wait = budget.reserve(requests);
            Instant at = time.instant().plus(wait);
            for (int r = 0; r < requests; r++) {
                sent.add(at);
            }
        }
        sent.sort(null);
        for (int i = 0; i < sent.size(); i++) {
            Instant end = sent.get(i).plus(Duration.ofSeconds(10));
            long inWindow = sent.subList(i, sent.size()).stream().takeWhile(t -> t.isBefore(end)).count();
            assertThat(inWindow).as("requests in the window starting at %s", sent.get(i)).isLessThanOrEqualTo(40);
        }
        // and the budget is used, not wasted: demand far above 4 requests/s is served at least at half that rate
        long floorSeconds = sent.size() * 10L / 40;
        assertThat(Duration.between(Instant.parse("2026-01-15T10:00:00Z"), sent.get(sent.size() - 1)))
                .isLessThan(Duration.ofSeconds(2 * floorSeconds));
    }
}
