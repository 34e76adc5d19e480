package io.glasswarden.signins;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.SignIn;
import io.glasswarden.lifecycle.FakeDirectory;
import io.glasswarden.lifecycle.Inventory;
import io.glasswarden.lifecycle.LedgerTypes;
import io.glasswarden.lifecycle.LifecycleProfile;
import io.glasswarden.lifecycle.RecordingNotifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.notifications.OutgoingEvent;
import io.glasswarden.readiness.AcknowledgementRecords;
import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.MovableClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(LifecycleProfile.class)
class SignInWatchTest {

    private static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");

    @Inject
    MovableClock clock;
    @Inject
    FakeDirectory directory;
    @Inject
    RecordingNotifier notifier;
    @Inject
    SignInWatch watch;
    @Inject
    AcknowledgementRecords acknowledgements;

    @Test
    void everySignInRaisesOneAlertToCustodiansAndEscalationContactsAndAWebhookEvent() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of("escalationContacts", List.of("soc@contoso.com")));
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        directory.add(tenant, signIn("ok-" + account[1], account[1], NOW.minus(Duration.ofMinutes(3)), 0));
        directory.add(tenant, signIn("bad-" + account[1], account[1], NOW.minus(Duration.ofMinutes(2)), 50126));
        directory.add(tenant, signIn("other", UUID.randomUUID().toString(), NOW.minus(Duration.ofMinutes(2)), 0));
        notifier.clear();

        watch.pollAll();
        clock.advance(Duration.ofMinutes(2));
        watch.pollAll(); // the overlap reads both again: no second alert

        List<OutgoingEmail> alerts = notifier.emails()
                .stream()
                .filter(m -> account[0].equals(m.data().get("accountId")))
                .toList();
        assertThat(alerts).extracting(m -> m.data().get("signInId") + " " + m.to())
                .containsExactlyInAnyOrder(
                        "ok-" + account[1] + " ada@contoso.com", "ok-" + account[1] + " soc@contoso.com",
                        "bad-" + account[1] + " ada@contoso.com", "bad-" + account[1] + " soc@contoso.com");
        assertThat(alerts).allSatisfy(m -> assertThat(m.template()).isEqualTo("sign-in-alert"));
        List<OutgoingEvent> events = notifier.events()
                .stream()
                .filter(e -> account[0].equals(e.subject()))
                .toList();
        assertThat(events).hasSize(2)
                .allSatisfy(e -> assertThat(e.type()).isEqualTo(
                        "io.glasswarden.sign-in.detected"));
        assertThat(directory.lastSince(tenant)).isEqualTo(NOW.minus(Duration.ofHours(1)));

        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/sign-ins")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].signInId", equalTo("bad-" + account[1]))
                .body("items[0].succeeded", equalTo(false));
    }

    @Test
    void unreadableLogsAreSkippedWithoutMovingTheHighWaterMark() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        directory.fail(tenant, DataGap.licence("sign-in logs", "Microsoft Entra ID P1"));

        watch.pollAll();
        clock.advance(Duration.ofMinutes(10));
        watch.pollAll();

        assertThat(directory.lastSince(tenant)).isEqualTo(NOW.plus(Duration.ofMinutes(10)).minus(Duration.ofDays(1)));
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/sign-ins")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void signInAndMethodAcknowledgementsAreRecordedOnceAndLedgered() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        String base = "/api/v1/tenants/" + tenant + "/accounts/" + account[0];
        String signInId = UUID.randomUUID().toString();

        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", "EMERGENCY", "note", "Outage INC-42"))
                .post(base + "/sign-ins/" + signInId + "/acknowledge")
                .then()
                .statusCode(200)
                .body("classification", equalTo("EMERGENCY"))
                .body("subjectId", equalTo(signInId));
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", "DRILL"))
                .post(base + "/sign-ins/" + signInId + "/acknowledge")
                .then()
                .statusCode(409);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", "DRILL", "note", "New key registered for the drill"))
                .post(base + "/methods/method-1/acknowledge")
                .then()
                .statusCode(200);

        assertThat(acknowledgements.acknowledgedSignInIds(UUID.fromString(account[0]))).containsExactly(signInId);
        assertThat(acknowledgements.acknowledgedMethodIds(UUID.fromString(account[0]))).containsExactly("method-1");
        assertThat(LedgerTypes.of(signInId)).containsExactly("SIGN_IN_ACKNOWLEDGED");
        assertThat(LedgerTypes.of("method-1")).contains("METHOD_ACKNOWLEDGED");
    }

    @Test
    void acknowledgementsNeedAnOperatorValidInputAndKnownIds() {
        clock.set(NOW);
        String tenant = Inventory.tenant(Map.of());
        String[] account = Inventory.account(tenant, "ada@contoso.com");
        String path = "/api/v1/tenants/" + tenant + "/accounts/" + account[0] + "/sign-ins/s-1/acknowledge";
        Map<String, String> body = Map.of("classification", "MISUSE");

        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401);
        ApiKeys.as(Roles.AUDITOR).contentType(ContentType.JSON).body(body).post(path).then().statusCode(403);
        given().auth()
                .oauth2(ApiKeys.custodian("ada@contoso.com"))
                .contentType(ContentType.JSON)
                .body(body)
                .post(
                        path)
                .then()
                .statusCode(403);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("classification", "OOPS"))
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "no class"))
                .post(path)
                .then()
                .statusCode(400);
        ApiKeys.as(Roles.OPERATOR)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/tenants/" + tenant + "/accounts/" + UUID.randomUUID() + "/sign-ins/s-1/acknowledge")
                .then()
                .statusCode(404);
        assertThat(acknowledgements.acknowledgedSignInIds(UUID.fromString(account[0]))).isEmpty();
    }

    private static SignIn signIn(String id, String userId, Instant at, int errorCode) {
        return new SignIn(id, userId, null, at, errorCode, errorCode == 0 ? null : "Invalid password", true,
                "Azure Portal", "192.0.2.7");
    }
}
