package io.glasswarden.directory.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.UnknownReason;

class GraphResilienceTest extends FakeGraphTest {

    private static final String METHODS = "/v1.0/users/[^/]+/authentication/methods";
    private static final String CA = "/v1.0/identity/conditionalAccess/policies";

    private static DataGap gap(Fact<?> fact) {
        return fact.missing().orElseThrow(() -> new AssertionError("fact is known"));
    }

    @Test
    void throttledBatchItemsAreRetriedAfterTheirOwnRetryAfter() {
        graph.server.stubFor(get(urlPathMatching(METHODS)).atPriority(1)
                .inScenario("throttle")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("recovered")
                .willReturn(TenantFixture.error(429, "TooManyRequests").withHeader("Retry-After", "1")));
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/policies/authenticationStrengthPolicies")).atPriority(1)
                .inScenario("throttle2")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("recovered")
                .willReturn(TenantFixture.error(429, "TooManyRequests").withHeader("Retry-After", "2")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.accounts().get(0).methods().value()).hasSize(4);
        assertThat(reading.tenant().authenticationStrengths().value()).hasSize(2);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(2)); // the longest item Retry-After, once
        assertThat(graph.stepsTo("/authentication/methods")).hasSize(2);
        assertThat(graph.stepsTo("/policies/identitySecurityDefaults")).hasSize(1); // only failed items re-sent
        assertThat(reading.requests()).isEqualTo(3).isEqualTo((int) graph.clientRequests());
        assertThat(registry.counter("glasswarden.graph.throttled").count()).isEqualTo(2);
        assertThat(registry.counter("glasswarden.graph.requests", "outcome", "success").count()).isEqualTo(3);
    }

    @Test
    void serviceUnavailableBurstsAreRetriedWithExponentialBackoff() {
        graph.server.stubFor(get(urlPathEqualTo(CA)).atPriority(1)
                .inScenario("burst")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("second")
                .willReturn(TenantFixture.error(503, "ServiceUnavailable")));
        graph.server.stubFor(get(urlPathEqualTo(CA)).atPriority(1)
                .inScenario("burst")
                .whenScenarioStateIs("second")
                .willSetStateTo("healthy")
                .willReturn(TenantFixture.error(504, "GatewayTimeout")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.tenant().conditionalAccessPolicies().value()).hasSize(2);
        assertThat(graph.stepsTo("/identity/conditionalAccess/policies")).hasSize(3);
        // full jitter: attempt n waits between half and all of 1 s · 2^n
        assertThat(time.sleeps.subList(0, 1)).allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(500),
                Duration.ofSeconds(1)));
        assertThat(time.sleeps).anySatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void throttlingThatOutlastsTheBudgetLeavesOnlyThatFactUnknown() {
        graph.server.stubFor(get(urlPathMatching(METHODS)).atPriority(1)
                .willReturn(TenantFixture.error(429, "TooManyRequests").withHeader("Retry-After", "7")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        DataGap gap = gap(reading.accounts().get(0).methods());
        assertThat(gap.reason()).isEqualTo(UnknownReason.THROTTLED);
        assertThat(gap.data()).isEqualTo("authentication methods");
        assertThat(reading.accounts().get(0).user().isKnown()).isTrue();
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7)); // 20 s budget
        assertThat(reading.requests()).isEqualTo(4);
    }

    @Test
    void timeoutsBecomeUnknownTimeoutAfterRetries() {
        graph.server.stubFor(post(urlPathEqualTo("/v1.0/$batch")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(1500).withBody("{\"responses\":[]}")));
        GraphSettings quick = settings().withTimeouts(Duration.ofMillis(250), Duration.ofSeconds(3),
                Duration.ofSeconds(1), Duration.ofSeconds(4));

        DirectoryReading reading = directory(quick).read(TENANT, ONE, time.instant());

        assertThat(gap(reading.accounts().get(0).user()).reason()).isEqualTo(UnknownReason.TIMEOUT);
        assertThat(gap(reading.tenant().fido2Policy()).reason()).isEqualTo(UnknownReason.TIMEOUT);
        assertThat(gap(reading.tenant().signIns()).reason()).isEqualTo(UnknownReason.TIMEOUT);
        assertThat(reading.requests()).isGreaterThan(2).isEqualTo((int) graph.clientRequests());
        assertThat(registry.counter("glasswarden.graph.requests", "outcome", "error").count())
                .isEqualTo(reading.requests());
    }

    @Test
    void forbiddenReadsNameThePermissionOrLicenceThatIsMissing() {
        graph.server.stubFor(get(urlPathMatching(METHODS)).atPriority(1)
                .willReturn(TenantFixture.error(403, "Authorization_RequestDenied")));
        graph.server.stubFor(get(urlPathMatching("/v1.0/users/[^/]+")).atPriority(1)
                .withQueryParam("$select", com.github.tomakehurst.wiremock.client.WireMock.containing("signInActivity"))
                .willReturn(TenantFixture.error(403, GraphErrorClassifier.NON_PREMIUM)));
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/auditLogs/signIns")).atPriority(1)
                .willReturn(TenantFixture.error(403, GraphErrorClassifier.NON_PREMIUM)));
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/roleManagement/directory/roleEligibilityScheduleInstances"))
                .atPriority(1)
                .willReturn(TenantFixture.error(403, "AadPremiumLicenseRequired")));
        graph.server.stubFor(get(urlPathEqualTo(CA)).atPriority(1)
                .willReturn(TenantFixture.error(403, "AccessDenied")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());
        var account = reading.accounts().get(0);

        assertThat(gap(account.methods())).isEqualTo(DataGap.permission("authentication methods",
                "UserAuthenticationMethod.Read.All"));
        assertThat(gap(account.signInActivity())).isEqualTo(DataGap.licence("sign-in activity",
                "Microsoft Entra ID P1"));
        assertThat(gap(reading.tenant().signIns())).isEqualTo(DataGap.licence("sign-in logs", "Microsoft Entra ID P1"));
        assertThat(gap(account.eligibleRoleSchedules()).licence()).isEqualTo("Microsoft Entra ID P2");
        assertThat(gap(account.eligibleRoleSchedules()).reason()).isEqualTo(UnknownReason.LICENSE_REQUIRED);
        assertThat(gap(reading.tenant().conditionalAccessPolicies()).permission()).isEqualTo("Policy.Read.All");
        assertThat(account.activeRoleSchedules().isKnown()).isTrue();
        assertThat(account.activeRoleAssignments().isKnown()).isTrue();
        assertThat(gap(account.methods()).detail()).doesNotContain("fake");
    }

    @Test
    void otherErrorsAreGraphErrorsWithTheirCodeOnly() {
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy"))
                .atPriority(1)
                .willReturn(TenantFixture.error(400, "BadRequest")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        DataGap gap = gap(reading.tenant().securityDefaultsEnabled());
        assertThat(gap.reason()).isEqualTo(UnknownReason.GRAPH_ERROR);
        assertThat(gap.detail()).isEqualTo("Graph answered 400 (BadRequest)");
        assertThat(time.sleeps).isEmpty(); // not transient: no retry
    }

    @Test
    void conditionalAccessReadsOfATenantAreAtLeastOneSecondApart() {
        graph.server.stubFor(get(urlPathEqualTo(CA)).atPriority(1)
                .inScenario("ca")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("ok")
                .willReturn(TenantFixture.error(429, "TooManyRequests"))); // no Retry-After
        GraphDirectory directory = directory();

        directory.read(TENANT, ONE, time.instant());
        directory.read(TENANT, ONE, time.instant());

        var reads = graph.stepsTo("/identity/conditionalAccess/policies").stream().map(FakeGraph.Step::at).toList();
        assertThat(reads).hasSize(3);
        for (int i = 1; i < reads.size(); i++) {
            assertThat(Duration.between(reads.get(i - 1), reads.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void signInLogReadsStayWithinFivePerTenSeconds() {
        java.util.List<String> users = java.util.stream.IntStream.range(0, 80)
                .mapToObj(i -> "00000000-0000-4000-8000-%012d".formatted(i))
                .toList();

        var result = directory().readSignIns(TENANT, users, Instant.parse("2026-01-01T00:00:00Z"));

        var reads = graph.stepsTo("/auditLogs/signIns").stream().map(FakeGraph.Step::at).toList();
        assertThat(reads).hasSize(6);
        assertThat(Duration.between(reads.get(0), reads.get(5))).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(Duration.between(reads.get(0), reads.get(4))).isLessThan(Duration.ofSeconds(10));
        assertThat(result.requests()).isEqualTo(2);
        assertThat(result.fact().value()).extracting(s -> s.id()).containsExactly("s1", "s2");
    }

    @Test
    void throttledBatchRequestIsSentAgainAfterItsRetryAfter() {
        graph.server.stubFor(post(urlPathEqualTo("/v1.0/$batch")).atPriority(1)
                .inScenario("outer")
                .whenScenarioStateIs(STARTED)
                .willSetStateTo("ok")
                .willReturn(TenantFixture.error(429, "TooManyRequests").withHeader("Retry-After", "3")));

        DirectoryReading reading = directory().read(TENANT, ONE, time.instant());

        assertThat(reading.accounts().get(0).user().isKnown()).isTrue();
        assertThat(reading.tenant().fido2Policy().isKnown()).isTrue();
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(reading.requests()).isEqualTo(3);
        assertThat(registry.counter("glasswarden.graph.requests", "outcome", "throttled").count()).isEqualTo(1);
    }
}
