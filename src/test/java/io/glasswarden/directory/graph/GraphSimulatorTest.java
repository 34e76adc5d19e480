package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The throttling simulator answers as Graph documents it (https://learn.microsoft.com/graph/throttling-limits,
 * https://learn.microsoft.com/graph/throttling, json-batching): its limits run on {@link FakeTime}, so nothing here
 * depends on how fast the machine is.
 */
class GraphSimulatorTest {

    private static final FakeTime TIME = new FakeTime();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GraphSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        simulator = GraphSimulator.start(TIME, GraphSimulator.Limits.documented(),
                new GraphSimulator.Latency(Duration.ZERO, 0), 1);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    private static HttpResponse<String> get(String tenant, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(simulator.graphRoot() + "/v1.0" + path))
                .header("Authorization", "Bearer sim-" + tenant)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode batch(String tenant, String... urls) throws Exception {
        StringBuilder body = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < urls.length; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(i)
                    .append("\",\"method\":\"GET\",\"url\":\"")
                    .append(urls[i])
                    .append("\"}");
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(simulator.graphRoot()
                + "/v1.0/$batch"))
                .header("Authorization", "Bearer sim-" + tenant)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        return ((ObjectNode) JSON.readTree(response.body())).put("httpStatus", response.statusCode());
    }

    private static JsonNode item(JsonNode batch, String id) {
        for (JsonNode item : batch.path("responses")) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + batch);
    }

    @Test
    void conditionalAccessAllowsOneRequestPerSecondPerTenantAndRefusesWithoutRetryAfter() throws Exception {
        assertThat(get("t1", "/identity/conditionalAccess/policies").statusCode()).isEqualTo(200);

        HttpResponse<String> second = get("t1", "/identity/conditionalAccess/policies");

        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).isEmpty();
        assertThat(JSON.readTree(second.body()).at("/error/code").asText()).isEqualTo("TooManyRequests");
        assertThat(get("t2", "/identity/conditionalAccess/policies").statusCode()).as("per tenant").isEqualTo(200);
        TIME.sleep(Duration.ofSeconds(1));
        assertThat(get("t1", "/identity/conditionalAccess/policies").statusCode()).isEqualTo(200);
    }

    @Test
    void signInLogsAllowFivePerTenSecondsThenTellWhenAndCountEarlyRetries() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get("t3", "/auditLogs/signIns").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> sixth = get("t3", "/auditLogs/signIns");

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).contains("10");
        assertThat(simulator.report().earlyRetries()).isZero();
        get("t3", "/auditLogs/signIns"); // before the Retry-After it was given
        assertThat(simulator.report().earlyRetries()).isEqualTo(1);
        assertThat(simulator.report().throttled()).isEqualTo(2);
        assertThat(get("t4", "/auditLogs/signIns").statusCode()).as("another tenant has its own").isEqualTo(200);
    }

    @Test
    void batchItemsAreJudgedOneByOneAndABatchHoldsAtMostTwentyItems() throws Exception {
        JsonNode answer = batch("t5", "/identity/conditionalAccess/policies", "/identity/conditionalAccess/policies",
                "/policies/identitySecurityDefaultsEnforcementPolicy");

        assertThat(answer.path("httpStatus").asInt()).isEqualTo(200);
        assertThat(item(answer, "0").path("status").asInt() + item(answer, "1").path("status").asInt())
                .as("one of the two Conditional Access items is throttled")
                .isEqualTo(200 + 429);
        assertThat(item(answer, "2").path("status").asInt()).isEqualTo(200);
        assertThat(item(answer, "2").at("/body/isEnabled").asBoolean(true)).isFalse();
        assertThat(simulator.report().httpRequests()).isEqualTo(1);
        assertThat(simulator.report().items()).isEqualTo(3);

        String[] tooMany = new String[21];
        java.util.Arrays.fill(tooMany, "/policies/identitySecurityDefaultsEnforcementPolicy");
        assertThat(batch("t5", tooMany).path("httpStatus").asInt()).isEqualTo(400);
    }

    @Test
    void itemsAreAnsweredByTheFixtureStubsWithTheirTemplatesAndQueryMatching() throws Exception {
        String id = "4f1c2a3b-0000-4000-8000-00000000beef";
        JsonNode answer = batch("t6", "/users/" + id + "?$select=id,userPrincipalName",
                "/users/" + id + "?$select=id,signInActivity", "/users/bg-01%40contoso.onmicrosoft.com"
                        + "?$select=signInActivity",
                "/no/such/resource");

        assertThat(item(answer, "0").at("/body/id").asText()).as("templated from the path").isEqualTo(id);
        assertThat(item(answer, "0").at("/body/userPrincipalName").asText())
                .isEqualTo("bg-01@contoso.onmicrosoft.com");
        assertThat(item(answer, "1").at("/body/signInActivity/lastSignInDateTime").asText())
                .as("the stub chosen by $select")
                .isEqualTo("2025-05-02T08:01:17Z");
        assertThat(item(answer, "2").path("status").asInt()).as("signInActivity by UPN").isEqualTo(400);
        assertThat(item(answer, "3").path("status").asInt()).isEqualTo(404);
    }

    @Test
    void theFloorIsTheCriticalPathUnlessTheAppBudgetIsSlower() {
        GraphSimulator.Latency latency = new GraphSimulator.Latency(Duration.ofMillis(150), 0.3);

        assertThat(GraphSimulator.floor(100, 5, latency, GraphSimulator.Limits.documented()))
                .as("three round trips of 150 ms")
                .isEqualTo(Duration.ofMillis(450));
        // 300 tenants × (4 × 5 + 10) items = 9,000 items at the global 130,000 per 10 s: 0.69 s
        assertThat(GraphSimulator.floor(300, 5, latency, GraphSimulator.Limits.documented()))
                .isEqualTo(Duration.ofSeconds(10).multipliedBy(9_000).dividedBy(130_000));
        GraphSimulator.Limits tight = new GraphSimulator.Limits(3_500, Duration.ofSeconds(10), Duration.ofSeconds(1),
                5, Duration.ofSeconds(10), 1_000, Duration.ofSeconds(10));
        // 300 tenants × (4 × 5 + 10) items = 9,000 items at 1,000 per 10 s
        assertThat(GraphSimulator.floor(300, 5, latency, tight)).isEqualTo(Duration.ofSeconds(90));
    }
}
