package io.glasswarden.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.lifecycle.FakeDirectory;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LedgerTypes;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.readiness.DrillRecords;
import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestProfile(LifecycleProfile.class)
class DrillVerificationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    @Inject
    MovableClock clock;
    @Inject
    FakeDirectory directory;
    @Inject
    DrillRecords records;

    @Test
    void drillWithASuccessfulInteractiveSignInWithinTwoHoursIsVerified() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        directory.add(tenant, signIn("far-" + account[1], account[1], NOW.minus(Duration.ofHours(5)), 0));
        directory.add(tenant, signIn("failed-" + account[1], account[1], NOW.minus(Duration.ofMinutes(40)), 50126));
        directory.add(tenant, signIn("match-" + account[1], account[1], NOW.minus(Duration.ofMinutes(30)), 0));

        String id = record(tenant, account[0], NOW.minus(Duration.ofHours(1)))
                .body("verification", equalTo("VERIFIED"))
                .body("matchedSignInId", equalTo("match-" + account[1]))
                .extract()
                .path("id");

        assertThat(LedgerTypes.of(id)).containsExactly("DRILL_RECORDED", "DRILL_VERIFICATION_CHANGED");
    }

    @Test
    void drillWithoutSignInStaysPendingWithinTheLatencyWindowAndIsRefutedAfterIt() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");

        String id = record(tenant, account[0], NOW.minus(Duration.ofMinutes(20)))
                .body("verification", equalTo("PENDING"))
                .body("matchedSignInId", nullValue())
                .extract()
                .path("id");
        assertThat(LedgerTypes.of(id)).containsExactly("DRILL_RECORDED");

        clock.set(NOW.plus(Duration.ofMinutes(30)));
        assertThat(settle(account[0], Fact.known(List.of()))).isEqualTo(DrillVerification.PENDING);

        clock.set(NOW.plus(Duration.ofMinutes(41)));
        assertThat(settle(account[0], Fact.known(List.of()))).isEqualTo(DrillVerification.REFUTED);
        assertThat(LedgerTypes.of(id)).containsExactly("DRILL_RECORDED", "DRILL_VERIFICATION_CHANGED");
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/drills/" + id)
                .then()
                .statusCode(200)
                .body("verification", equalTo("REFUTED"));
    }

    @Test
    void drillIsRefutedAtOnceWhenTheWindowHasPassedAndReadableLogsShowNoSignIn() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        directory.add(tenant, signIn("other-user", UUID.randomUUID().toString(), NOW.minus(Duration.ofHours(3)), 0));

        record(tenant, account[0], NOW.minus(Duration.ofHours(3))).body("verification", equalTo("REFUTED"));
    }

    @Test
    void drillIsUnverifiableWhenTheLogsAnswerForbidden() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        directory.fail(tenant, DataGap.permission("sign-in logs", "AuditLog.Read.All"));

        record(tenant, account[0], NOW.minus(Duration.ofHours(3))).body("verification", equalTo("UNVERIFIABLE"))
                .body("verificationReason", equalTo("permission-denied"));
    }

    @Test
    void aDrillRecordedAtOnboardingThatPredatesTheLogsIsUnverifiableNotRefuted() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");

        // readable logs without its sign-in, but they hold 30 days only (rules.md BG-041, api.md "Drills")
        record(tenant, account[0], NOW.minus(Duration.ofDays(40))).body("verification", equalTo("UNVERIFIABLE"))
                .body("verificationReason", equalTo("logs-expired"));
    }

    @Test
    void pendingDrillIsVerifiedAtALaterEvaluationWhenTheSignInArrives() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        record(tenant, account[0], NOW.minus(Duration.ofMinutes(5))).body("verification", equalTo("PENDING"));

        clock.set(NOW.plus(Duration.ofMinutes(20)));
        SignIn late = signIn("late-" + account[1], account[1], NOW.minus(Duration.ofMinutes(4)), 0);
        List<InventoryFacts.Drill> drills = records.settleAndList(UUID.fromString(account[0]), Fact.known(List.of(
                late)), null, clock.instant());

        assertThat(drills).singleElement().satisfies(d -> {
            assertThat(d.verification()).isEqualTo(DrillVerification.VERIFIED);
            assertThat(d.matchedSignInId()).isEqualTo("late-" + account[1]);
        });
    }

    private DrillVerification settle(String accountId, Fact<List<SignIn>> signIns) {
        return records.settleAndList(UUID.fromString(accountId), signIns, null, clock.instant())
                .get(0)
                .verification();
    }

    private static ValidatableResponse record(String tenant, String accountId, Instant performedAt) {
        return ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("performedAt", performedAt.toString(), "performedBy", "ada@contoso.com", "outcome",
                        "SUCCEEDED", "credentialUsed", "key A"))
                .post("/api/v1/tenants/" + tenant + "/accounts/" + accountId + "/drills")
                .then()
                .statusCode(201);
    }

    private static SignIn signIn(String id, String userId, Instant at, int errorCode) {
        return new SignIn(id, userId, null, at, errorCode, errorCode == 0 ? null : "Invalid password", true,
                "Azure Portal", "192.0.2.1");
    }
}
