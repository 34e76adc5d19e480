package io.glasswarden.directory.graph;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

/**
 * Runs reads as JSON {@code $batch} requests of at most 20 steps with our own step ids. Each item's status is checked
 * before its body is used; throttled and transient items (429, 503, 504, timeouts) are re-sent in new batches after
 * the longest item {@code Retry-After}, else after exponential back-off, within the retry budget. Collections are then
 * completed through their {@code @odata.nextLink}.
 */
final class BatchExecutor {

    static final int MAX_STEPS = 20;

    private final GraphTransport transport;
    private final RequestPacer pacer;
    private final RetryPolicy retry;
    private final PageFollower pages;
    private final GraphMetrics metrics;

    BatchExecutor(GraphTransport transport, RequestPacer pacer, RetryPolicy retry, GraphMetrics metrics) {
        this.transport = transport;
        this.pacer = pacer;
        this.retry = retry;
        this.metrics = metrics;
        this.pages = new PageFollower(transport, pacer, retry);
    }

    /** The final answer of every step, by step id. */
    Map<String, GraphResponse> execute(GraphClients.TenantClient client, List<GraphStep> steps,
            AtomicInteger counter) {
        Map<String, GraphResponse> results = new LinkedHashMap<>();
        List<GraphStep> pending = steps;
        Instant deadline = retry.deadline();
        int attempt = 0;
        while (!pending.isEmpty()) {
            for (List<GraphStep> batch : pack(pending)) {
                results.putAll(send(client, batch, counter));
            }
            List<GraphStep> retryable = pending.stream()
                    .filter(s -> results.get(s.id()).transientFailure())
                    .toList();
            if (retryable.isEmpty()) {
                break;
            }
            Duration backoff = retry.backoff(attempt);
            Duration wait = retryable.stream()
                    .map(s -> results.get(s.id()).retryAfter().orElse(backoff))
                    .max(Duration::compareTo)
                    .orElse(backoff);
            if (!retry.waitWithin(wait, deadline)) {
                // the last answers stand: 429 → throttled, timeout → timeout, 503/504 → graph error
                Log.infof("Graph: %s reads in tenant %s still failing after the retry budget",
                        Integer.valueOf(retryable.size()),
                        client.tenantId());
                break;
            }
            Log.debugf("Graph: retried %s reads in tenant %s after %s ms", Integer.valueOf(retryable.size()),
                    client.tenantId(),
                    Long.valueOf(wait.toMillis()));
            attempt++;
            pending = retryable;
        }
        for (GraphStep step : steps) {
            GraphResponse response = results.get(step.id());
            if (response.ok() && PageFollower.nextLink(response.body()) != null) {
                results.put(step.id(), pages.follow(client, response, step, counter));
            }
        }
        return results;
    }

    /** First fit into batches of ≤ 20 steps, each carrying no more of a paced bucket than the pacer allows at once. */
    List<List<GraphStep>> pack(List<GraphStep> steps) {
        List<List<GraphStep>> batches = new ArrayList<>();
        List<Map<RequestPacer.Bucket, Integer>> counts = new ArrayList<>();
        // paced steps first, so that they spread over the batches the other steps need anyway
        List<GraphStep> ordered = steps.stream()
                .sorted(Comparator.comparing(s -> s.bucket() == RequestPacer.Bucket.DEFAULT))
                .toList();
        for (GraphStep step : ordered) {
            int target = -1;
            for (int i = 0; i < batches.size() && target < 0; i++) {
                if (batches.get(i).size() < MAX_STEPS
                        && counts.get(i).getOrDefault(step.bucket(), 0) < pacer.capacity(step.bucket())) {
                    target = i;
                }
            }
            if (target < 0) {
                batches.add(new ArrayList<>());
                counts.add(new EnumMap<>(RequestPacer.Bucket.class));
                target = batches.size() - 1;
            }
            batches.get(target).add(step);
            counts.get(target).merge(step.bucket(), 1, Integer::sum);
        }
        return batches;
    }

    private Map<String, GraphResponse> send(GraphClients.TenantClient client, List<GraphStep> batch,
            AtomicInteger counter) {
        Map<RequestPacer.Bucket, Integer> buckets = new EnumMap<>(RequestPacer.Bucket.class);
        batch.forEach(s -> buckets.merge(s.bucket(), 1, Integer::sum));
        buckets.forEach((bucket, n) -> pacer.acquire(client.tenantId(), bucket, n));
        GraphResponse outer = transport.post(client, "/$batch", body(batch), counter);
        Map<String, GraphResponse> answers = new HashMap<>();
        if (!outer.ok()) {
            batch.forEach(s -> answers.put(s.id(), outer));
            return answers;
        }
        for (JsonNode item : outer.body().path("responses")) {
            GraphResponse answer = GraphResponse.of(item.path("status").asInt(0), headers(item.get("headers")),
                    item.get("body"));
            if (answer.throttled()) {
                metrics.throttled();
            }
            answers.put(item.path("id").asText(), answer);
        }
        for (GraphStep step : batch) {
            // an item missing from the answer is treated as a transient failure and retried
            answers.putIfAbsent(step.id(), GraphResponse.failed(GraphResponse.Failure.NETWORK));
        }
        answers.keySet().retainAll(batch.stream().map(GraphStep::id).toList());
        return answers;
    }

    private static byte[] body(List<GraphStep> batch) {
        ObjectNode root = GraphTransport.JSON.createObjectNode();
        ArrayNode requests = root.putArray("requests");
        for (GraphStep step : batch) {
            ObjectNode request = requests.addObject();
            request.put("id", step.id());
            request.put("method", "GET");
            request.put("url", step.url());
            if (!step.headers().isEmpty()) {
                ObjectNode headers = request.putObject("headers");
                step.headers().forEach(headers::put);
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> h : node.properties()) {
                out.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText());
            }
        }
        return out;
    }
}
