package io.glasswarden.directory.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Completes a collection through its {@code @odata.nextLink} pages, paced and retried like batches. Links are
 * followed as given, with the headers of the step they continue; a link to another host gets no token
 * ({@link GraphTokenProvider}).
 */
final class PageFollower {

    private static final int MAX_PAGES = 1000;

    private final GraphTransport transport;
    private final RequestPacer pacer;
    private final RetryPolicy retry;

    PageFollower(GraphTransport transport, RequestPacer pacer, RetryPolicy retry) {
        this.transport = transport;
        this.pacer = pacer;
        this.retry = retry;
    }

    static String nextLink(JsonNode body) {
        JsonNode link = body == null ? null : body.get("@odata.nextLink");
        return link == null || link.isNull() || link.asText().isBlank() ? null : link.asText();
    }

    /** The first page merged with every following page, or the answer of the first page that failed. */
    GraphResponse follow(GraphClients.TenantClient client, GraphResponse first, GraphStep step,
            AtomicInteger counter) {
        ArrayNode values = GraphTransport.JSON.createArrayNode();
        values.addAll((ArrayNode) first.body().withArray("value"));
        String next = nextLink(first.body());
        Instant deadline = retry.deadline();
        int attempt = 0;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            pacer.acquire(client.tenantId(), step.bucket(), 1);
            GraphResponse response = transport.get(client, next, step.headers(), counter);
            if (response.transientFailure()) {
                Duration wait = response.retryAfter().orElse(retry.backoff(attempt++));
                if (retry.waitWithin(wait, deadline)) {
                    continue;
                }
                return response;
            }
            if (!response.ok()) {
                return response;
            }
            JsonNode pageValues = response.body().get("value");
            if (pageValues != null && pageValues.isArray()) {
                values.addAll((ArrayNode) pageValues);
            }
            next = nextLink(response.body());
        }
        ObjectNode merged = ((ObjectNode) first.body()).deepCopy();
        merged.remove("@odata.nextLink");
        merged.set("value", values);
        return GraphResponse.of(first.status(), first.headers(), merged);
    }
}
