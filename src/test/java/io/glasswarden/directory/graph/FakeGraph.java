package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Microsoft Graph at {@code http://localhost:{port}/v1.0}. {@code POST /$batch} is answered like Graph does: each step
 * is served by the ordinary stubs of this server (a sub-request marked {@value #STEP_HEADER}) and echoed with the id it
 * came with. Steps are recorded with the (fake) time they were served.
 */
final class FakeGraph implements AutoCloseable {

    static final String STEP_HEADER = "X-Fake-Batch-Step";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A step as the fake saw it, with the headers it carried (names as sent). */
    record Step(String id, String url, Instant at, Map<String, String> headers) {
    }

    final WireMockServer server;
    final List<Step> steps = new CopyOnWriteArrayList<>();
    /** Runs on the server thread before each {@code $batch} is answered; tests hold batches there (latches). */
    volatile Runnable beforeBatch = () -> {
    };
    private final Supplier<Instant> clock;

    FakeGraph(Supplier<Instant> clock) {
        this.clock = clock;
        server = new WireMockServer(options().dynamicPort().extensions(new BatchTransformer()));
        server.start();
        reset();
    }

    /** Forgets stubs, requests and steps; keeps answering {@code $batch}. */
    void reset() {
        server.resetAll();
        steps.clear();
        server.stubFor(post(urlPathEqualTo("/v1.0/$batch")).atPriority(10)
                .willReturn(aResponse().withTransformers("fake-batch")));
    }

    String endpoint() {
        return "http://localhost:" + server.port() + "/v1.0";
    }

    /** Requests the adapter itself sent (batches, pages), not the fake's own step sub-requests. */
    long clientRequests() {
        return server.getAllServeEvents().stream().filter(e -> !e.getRequest().containsHeader(STEP_HEADER)).count();
    }

    List<Step> stepsTo(String pathPart) {
        return steps.stream().filter(s -> s.url().contains(pathPart)).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class BatchTransformer implements ResponseDefinitionTransformerV2 {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        @Override
        public String getName() {
            return "fake-batch";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            beforeBatch.run();
            try {
                JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
                if (request.path("requests").size() > 20) {
                    return error(400, "BadRequest");
                }
                ObjectNode out = JSON.createObjectNode();
                ArrayNode responses = out.putArray("responses");
                for (JsonNode step : request.path("requests")) {
                    String id = step.path("id").asText();
                    String url = step.path("url").asText();
                    Map<String, String> stepHeaders = new LinkedHashMap<>();
                    step.path("headers").properties().forEach(h -> stepHeaders.put(h.getKey(), h.getValue().asText()));
                    steps.add(new Step(id, url, clock.get(), Map.copyOf(stepHeaders)));
                    // a step's own headers reach the sub-request, as Graph applies them to the step
                    HttpRequest.Builder sub = HttpRequest.newBuilder(URI.create(endpoint() + url))
                            .header(STEP_HEADER, "true")
                            .GET();
                    stepHeaders.forEach(sub::header);
                    HttpResponse<String> r = http.send(sub.build(), HttpResponse.BodyHandlers.ofString());
                    ObjectNode item = JSON.createObjectNode();
                    item.put("id", id);
                    item.put("status", r.statusCode());
                    ObjectNode headers = item.putObject("headers");
                    r.headers().map().forEach((name, values) -> {
                        String lower = name.toLowerCase(Locale.ROOT);
                        if (lower.equals("retry-after") || lower.equals("content-type")) {
                            headers.put(name, values.get(0));
                        }
                    });
                    if (!r.body().isBlank()) {
                        item.set("body", JSON.readTree(r.body()));
                    }
                    responses.insert(0, item); // Graph answers in any order
                }
                return new ResponseDefinitionBuilder().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(out.toString())
                        .build();
            } catch (Exception e) {
                return error(500, "FakeFailure");
            }
        }

        private ResponseDefinition error(int status, String code) {
            return new ResponseDefinitionBuilder().withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"fake\"}}")
                    .build();
        }
    }
}
