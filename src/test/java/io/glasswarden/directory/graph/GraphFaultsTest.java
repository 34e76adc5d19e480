package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Microsoft Graph throttling, 5xx and timeouts during an evaluation of a live tenant, through the REST API: every rule
 * is judged as on a healthy day when the retries succeed, and when they do not, only the rules that need the missing
 * data change, to UNKNOWN with the reason, never to PASS. docs/reliability.md, "Faults", tables the outcomes; the
 * adapter's retry logic itself is tested by {@link GraphResilienceTest}.
 */
@QuarkusTest
@TestProfile(GraphFaultsTest.ShortGraphTimeouts.class)
class GraphFaultsTest {

    private static final String METHODS = "/v1.0/users/[^/]+/authentication/methods";
    private static final String CA = "/v1.0/identity/conditionalAccess/policies";
    private static final String BATCH = "/v1.0/$batch";
    private static Outcome healthy;

    /** The live Graph of {@link LiveGraphResource}, with timeouts and a retry budget of seconds instead of minutes. */
    public static class ShortGraphTimeouts implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LiveGraphResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "glasswarden.graph.connect-timeout", "1s",
                    // 1 s was seen to be too short for the first token request of a cold JVM on a busy machine
                    "glasswarden.graph.read-timeout", "2s",
                    "glasswarden.graph.retry-budget", "3s",
                    "glasswarden.graph.initial-backoff", "200ms",
                    "glasswarden.graph.max-backoff", "1s");
        }
    }

    /** What the user sees of one evaluation: each rule's result and reason, the data gaps, the requests sent. */
    record Outcome(Map<String, String> results, Map<String, String> reasons, List<Map<String, Object>> dataGaps,
            int graphRequests) {
    }

    private final List<StubMapping> faults = new ArrayList<>();

    @BeforeEach
    void healthyDayKnown() {
        healthy(); // before any fault is installed
    }

    @AfterEach
    void healthyAgain() {
        faults.forEach(LiveGraphResource.graph.server::removeStub);
    }

    @Test
    void throttlingWithRetryAfterIsWaitedOutAndEveryRuleIsJudgedAsOnAHealthyDay() {
        once(get(urlPathMatching(METHODS)), TenantFixture.throttled(1));

        Outcome outcome = evaluate();

        assertThat(outcome.results()).isEqualTo(healthy().results());
        assertThat(outcome.dataGaps()).isEqualTo(healthy().dataGaps());
    }

    @Test
    void throttlingBeyondTheRetryBudgetLeavesTheMethodRulesUnknownNeverPassing() {
        // a Retry-After longer than the whole budget: not waited for
        fault(get(urlPathMatching(METHODS)).atPriority(1).willReturn(TenantFixture.throttled(5)));

        Outcome outcome = evaluate();

        assertThat(onlyUnknownBecause(outcome, "throttled")).contains("BG-010", "BG-011");
        assertThat(gapRules(outcome, "authentication methods")).contains("BG-010", "BG-011");
    }

    @Test
    void conditionalAccessThrottledWithoutRetryAfterIsRetriedAfterABackoffAndEveryRuleIsJudged() {
        once(get(urlPathEqualTo(CA)), TenantFixture.throttled(null));
        int before = LiveGraphResource.graph.stepsTo("/identity/conditionalAccess/policies").size();

        Outcome outcome = evaluate();

        assertThat(LiveGraphResource.graph.stepsTo("/identity/conditionalAccess/policies")).hasSize(before + 2);
        assertThat(outcome.results()).isEqualTo(healthy().results());
    }

    @Test
    void serviceUnavailableBurstIsRetriedAndEveryRuleIsJudgedAsOnAHealthyDay() {
        // 503 then 504 for the whole batch: status and meaning from learn.microsoft.com/graph/errors ("503 Service
        // Unavailable ... repeat the request after a delay", "504 Gateway Timeout"); code serviceNotAvailable for
        // the 503; the code of a 504 body is not documented
        String burst = "burst-" + UUID.randomUUID();
        fault(post(urlPathEqualTo(BATCH)).atPriority(1)
                .inScenario(burst)
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("second")
                .willReturn(TenantFixture.error(503, "serviceNotAvailable")));
        fault(post(urlPathEqualTo(BATCH)).atPriority(1)
                .inScenario(burst)
                .whenScenarioStateIs("second")
                .willSetStateTo("over")
                .willReturn(TenantFixture.error(504, "UnknownError")));

        Outcome outcome = evaluate();

        assertThat(outcome.results()).isEqualTo(healthy().results());
        assertThat(outcome.graphRequests()).as("the two refused batches are counted")
                .isEqualTo(
                        healthy().graphRequests() + 2);
    }

    @Test
    void serviceUnavailableBeyondTheRetryBudgetLeavesTheMethodRulesUnknownNeverPassing() {
        fault(get(urlPathMatching(METHODS)).atPriority(1)
                .willReturn(TenantFixture.error(503, "serviceNotAvailable")));

        Outcome outcome = evaluate();

        assertThat(onlyUnknownBecause(outcome, "graph-error")).contains("BG-010", "BG-011");
    }

    @Test
    void timeoutsMidEvaluationLeaveTheSecondRoundRulesUnknownNeverPassing() {
        // the first round (user, methods, policies) answers; the second (roles, sign-ins) not within the read timeout.
        // Graph can be that slow: its own gateway gives up with 504 when a backend does not answer in time
        // (learn.microsoft.com/graph/errors), and authentication methods reads may take up to 60 s (GraphConfig)
        fault(post(urlPathEqualTo(BATCH)).atPriority(1)
                .withRequestBody(containing("roleManagement"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3500).withBody("{\"responses\":[]}")));

        Outcome outcome = evaluate();

        assertThat(onlyUnknownBecause(outcome, "timeout")).contains("BG-030");
        assertThat(healthy().results().get("BG-030")).isEqualTo("PASS");
        assertThat(gapRules(outcome, "sign-in logs")).isNotEmpty();
    }

    /**
     * The rules whose result differs from the healthy day's; each is UNKNOWN or NOT_APPLICABLE for {@code reason}, so
     * no rule passes for want of data.
     */
    private static List<String> onlyUnknownBecause(Outcome outcome, String reason) {
        List<String> changed = new ArrayList<>();
        outcome.results().forEach((rule, result) -> {
            if (!result.equals(healthy().results().get(rule))) {
                assertThat(result).as("%s was %s", rule, healthy().results().get(rule))
                        .isIn("UNKNOWN", "NOT_APPLICABLE");
                assertThat(outcome.reasons().get(rule)).as(rule).isEqualTo(reason);
                changed.add(rule);
            }
        });
        return changed;
    }

    @SuppressWarnings("unchecked")
    private static List<String> gapRules(Outcome outcome, String data) {
        return outcome.dataGaps()
                .stream()
                .filter(gap -> data.equals(gap.get("data")))
                .flatMap(gap -> ((List<String>) gap.get("rules")).stream())
                .toList();
    }

    private void once(MappingBuilder request, ResponseDefinitionBuilder answer) {
        fault(request.atPriority(1)
                .inScenario("once-" + UUID.randomUUID())
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("over")
                .willReturn(answer));
    }

    private void fault(MappingBuilder stub) {
        faults.add(LiveGraphResource.graph.server.stubFor(stub));
    }

    private static synchronized Outcome healthy() {
        if (healthy == null) {
            healthy = evaluate();
        }
        return healthy;
    }

    private static Outcome evaluate() {
        String tenantId = GraphTenantEvaluationTest.newLiveTenantWithAccount();
        JsonPath evaluation = GraphTenantEvaluationTest.evaluate(tenantId, "COMPLETED");
        JsonPath results = ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/evaluations/" + evaluation.getString("id") + "/results")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> byRule = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        List<Map<String, Object>> findings = new ArrayList<>(results.getList("accounts[0].findings"));
        findings.addAll(results.getList("tenant.findings"));
        for (Map<String, Object> finding : findings) {
            byRule.put((String) finding.get("ruleId"), (String) finding.get("result"));
            reasons.put((String) finding.get("ruleId"), (String) finding.get("reason"));
        }
        return new Outcome(byRule, reasons, results.getList("tenant.dataGaps"), evaluation.getInt("graphRequests"));
    }
}
