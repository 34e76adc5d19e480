package io.glasswarden.directory.graph;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code glasswarden.graph.requests{outcome=success|throttled|error}} counts HTTP requests to Graph (a {@code $batch}
 * once, by its own status); {@code glasswarden.graph.throttled} counts every throttled answer, batch items included.
 */
final class GraphMetrics {

    private final Counter success;
    private final Counter throttledRequests;
    private final Counter error;
    private final Counter throttled;

    GraphMetrics(MeterRegistry registry) {
        this.success = requests(registry, "success");
        this.throttledRequests = requests(registry, "throttled");
        this.error = requests(registry, "error");
        this.throttled = Counter.builder("glasswarden.graph.throttled")
                .description("Throttled Graph answers (429), batch items included")
                .register(registry);
    }

    private static Counter requests(MeterRegistry registry, String outcome) {
        return Counter.builder("glasswarden.graph.requests")
                .description("HTTP requests sent to Microsoft Graph")
                .tag("outcome", outcome)
                .register(registry);
    }

    void request(GraphResponse response) {
        if (response.ok()) {
            success.increment();
        } else if (response.throttled()) {
            throttledRequests.increment();
        } else {
            error.increment();
        }
    }

    void throttled() {
        throttled.increment();
    }
}
